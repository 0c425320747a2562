// A save refused because another desk changed the record first: recognise the refusal, and lay what this desk
// typed over their saved record, so loading their changes never loses a keystroke.
import { STALE_EDIT_FIELD, type PatientFormValues } from '../../../shared/patients';
import { ApiError } from '../api/client';
import { PATIENT_FIELD_LABELS } from '../../../shared/patient-csv';

export const isStaleEdit = (e: unknown): e is ApiError => e instanceof ApiError && e.code === 'CONFLICT' && STALE_EDIT_FIELD in e.fields;

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
