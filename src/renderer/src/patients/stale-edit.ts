// A save refused because another desk changed the record first, or because the record was merged into another:
// recognise the refusal, and lay what this desk typed over the record loaded instead, so loading it never loses
// a keystroke.
import { MERGED_AWAY_FIELD, STALE_EDIT_FIELD, type PatientFormValues } from '../../../shared/patients';
import { ApiError } from '../api/client';
import { PATIENT_FIELD_LABELS } from '../../../shared/patient-csv';

export const isStaleEdit = (e: unknown): e is ApiError => e instanceof ApiError && e.code === 'CONFLICT' && STALE_EDIT_FIELD in e.fields;
export const isMergedAway = (e: unknown): e is ApiError => e instanceof ApiError && e.code === 'CONFLICT' && MERGED_AWAY_FIELD in e.fields;

type FieldName = keyof PatientFormValues;

const NAMES = Object.keys(PATIENT_FIELD_LABELS) as FieldName[];

export interface Layered {
  /** The fields this desk typed, with their typing; the form shows `theirs` everywhere else. */
  typed: [FieldName, PatientFormValues[FieldName]][];
  /** Fields both desks changed, differently: the person saving should look at these before saving again. */
  bothChanged: FieldName[];
}

/** `base`: what the form was filled from; `typed`: the form now; `theirs`: the record as saved since. */
export function layTypedOverTheirs(base: PatientFormValues, typed: PatientFormValues, theirs: PatientFormValues): Layered {
  const mine = NAMES.filter((k) => typed[k] !== base[k]);
  return {
    typed: mine.map((k) => [k, typed[k]]),
    bothChanged: mine.filter((k) => theirs[k] !== base[k] && theirs[k] !== typed[k]),
  };
}

export function loadedNotice(layered: Layered): string {
  if (layered.bothChanged.length === 0) return 'Their changes are loaded, and what you typed is kept. Save to add your changes.';
  const fields = layered.bothChanged.map((k) => PATIENT_FIELD_LABELS[k]).join(', ');
  return `Their changes are loaded, and what you typed is kept. They changed ${fields} too: check ${layered.bothChanged.length === 1 ? 'it' : 'them'}, then save.`;
}

/** What a refused save offers to load into the form: the other desk's changes, or the record this one was merged into. */
export interface Reload {
  /** The button's label. */
  label: string;
  load(): Promise<PatientFormValues>;
  /** The line under the form once loaded. */
  notice(layered: Layered): string;
  /** Beside a field both sides changed: what the loaded record holds there. */
  heldThere(saved: string): string;
}

export const theirChanges = (load: () => Promise<PatientFormValues>): Reload => ({
  label: 'Load their changes',
  load,
  notice: loadedNotice,
  heldThere: (saved) => (saved ? `They saved “${saved}” here. Your entry is kept.` : 'They cleared this field. Your entry is kept.'),
});

/** The record was merged away: the typing moves to the record kept, whose own details show everywhere else. */
export const keptRecord = (mrn: string, load: () => Promise<PatientFormValues>): Reload => ({
  label: `Carry over to ${mrn}`,
  load,
  notice: (layered) => {
    const lead = `Now editing ${mrn}, with what you typed carried over.`;
    if (layered.bothChanged.length === 0) return `${lead} Save to add your changes.`;
    const fields = layered.bothChanged.map((k) => PATIENT_FIELD_LABELS[k]).join(', ');
    return `${lead} ${mrn} has its own ${fields}: check ${layered.bothChanged.length === 1 ? 'it' : 'them'}, then save.`;
  },
  heldThere: (saved) => (saved ? `${mrn} has “${saved}” here. Your entry is kept.` : `${mrn} has nothing here. Your entry is kept.`),
});
