// The patient form (create and edit): the shared zod schema checks it here, main checks it again
// (phones are normalised there), and both kinds of message appear beside the field.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { patientFields, type PatientFields, type PatientFormValues } from '../../../shared/patients';
import { messageOf } from '../api/client';
import { showServerErrors } from '../api/form-errors';
import { useApp } from '../app/store';
import { DuplicateWarning } from '../search/DuplicateWarning';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Dialog } from '../ui/Dialog';
import { Kbd, MOD_LABEL } from '../ui/Kbd';
import { PatientFormSections } from './PatientFormSections';
import { PATIENT_FIELD_NAMES } from './patient-text';
import { isMergedAway, isStaleEdit, keptRecord, layTypedOverTheirs, theirChanges, type Reload } from './stale-edit';
import { useFormKeys } from './useFormKeys';
import type { DuplicateCandidate } from '../../../shared/search';

const FIX_FIELDS = 'Nothing was saved. Fix the fields marked in red, then save again.';

interface PatientFormProps {
  title: string;
  initial: PatientFormValues;
  submitLabel: string;
  /** Saves; throws the ApiError when main refuses, so its field messages can be shown. */
  onSave(values: PatientFields): Promise<void>;
  onCancel(): void;
  /** Path prefix main uses for this form's fields (e.g. "fields." on update). */
  serverPrefix?: string;
  /** The record being edited, so the duplicate check does not find it. */
  patientId?: number;
  /**
   * Opened over a task that must survive it (a booking in progress): the form shows in a dialog, whose Esc asks
   * before dropping what was typed, and leaves the desk's unsaved-work flag to the task beneath.
   */
  inDialog?: boolean;
  /** In a dialog: a line under the title saying what saving leads to. */
  description?: ReactNode;
  /** The desk picked a likely existing record from the duplicate warning instead (see DuplicateWarning). */
  onUseExisting?: (existing: DuplicateCandidate) => void;
  /**
   * Editing: reads the record as it is saved now, after main refused a save because another desk changed it
   * first. The form then shows their record with what was typed here laid over it (stale-edit.ts).
   */
  onLoadLatest?: () => Promise<PatientFormValues>;
  /**
   * Editing: main refused the save because the record was merged into another. Names the record kept and loads it
   * as the one this form saves to; the form then shows it with what was typed here laid over it. Null: not found.
   */
  onFindKept?: () => Promise<{ mrn: string; load(): Promise<PatientFormValues> } | null>;
}

/** Where the desk types next when the form opens prefilled: the first required field still empty. */
const FIRST_TO_FILL = ['firstName', 'lastName', 'dateOfBirth', 'phone'] as const;

export function PatientForm({ title, initial, submitLabel, onSave, onCancel, serverPrefix, patientId, inDialog = false, description, onUseExisting, onLoadLatest, onFindKept }: PatientFormProps) {
  const ref = useRef<HTMLFormElement>(null);
  const setAppUnsavedWork = useApp((s) => s.setUnsavedWork);
  const setUnsavedWork = inDialog ? () => undefined : setAppUnsavedWork;
  const [formError, setFormError] = useState<string | null>(null);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const form = useForm({ resolver: zodResolver(patientFields), defaultValues: initial });
  /** The saved values the form was last filled from: what was typed here is whatever differs from them. */
  const base = useRef(initial);
  /** Main refused the last save (an old version, a merged-away record): what the form offers to load instead. */
  const [reload, setReload] = useState<Reload | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** After their changes load: the field to look at first, focused once the form has re-rendered with them. */
  const [lookAt, setLookAt] = useState<keyof PatientFormValues | null>(null);
  useEffect(() => {
    if (!lookAt) return;
    form.setFocus(lookAt);
    setLookAt(null);
  }, [lookAt, form]);
  const dirty = form.formState.isDirty;

  useEffect(() => {
    if (inDialog) return;
    setAppUnsavedWork(dirty);
    return () => setAppUnsavedWork(false);
  }, [dirty, inDialog, setAppUnsavedWork]);

  useEffect(() => {
    // Runs after the dialog has opened (it is this component's child), so the focus lands and stays.
    const next = FIRST_TO_FILL.find((name) => !initial[name]);
    if (inDialog && next) form.setFocus(next);
    // Once, as the form opens.
  }, []);

  const cancel = () => (form.formState.isDirty ? setConfirmingCancel(true) : onCancel());
  useFormKeys(ref, cancel);

  const submit = form.handleSubmit(
    async (values) => {
      setFormError(null);
      setNotice(null);
      try {
        setUnsavedWork(false);
        await onSave(values);
      } catch (e) {
        setUnsavedWork(true);
        // Everything typed stays in the form; the message says who changed the record, when, and that nothing was saved.
        if (onLoadLatest && isStaleEdit(e)) {
          setReload(theirChanges(onLoadLatest));
          return setFormError(e.message);
        }
        if (onFindKept && isMergedAway(e)) {
          setFormError(e.message);
          // Not found (or not answered): the message still names the record kept, and nothing was saved.
          const kept = await onFindKept().catch(() => null);
          return setReload(kept && keptRecord(kept.mrn, kept.load));
        }
        setFormError(showServerErrors(e, form.setError, PATIENT_FIELD_NAMES, serverPrefix) ?? FIX_FIELDS);
      }
    },
    () => setFormError(FIX_FIELDS),
  );

  const loadTheirs = async () => {
    if (!reload) return;
    try {
      const theirs = await reload.load();
      const layered = layTypedOverTheirs(base.current, form.getValues(), theirs);
      base.current = theirs;
      form.reset(theirs);
      for (const [name, value] of layered.typed) form.setValue(name, value, { shouldDirty: true });
      for (const name of layered.bothChanged) {
        form.setError(name, { type: 'stale', message: reload.heldThere(theirs[name] ?? '') });
      }
      setReload(null);
      setFormError(null);
      setNotice(reload.notice(layered));
      setLookAt(layered.bothChanged[0] ?? layered.typed[0]?.[0] ?? null);
    } catch (e) {
      setFormError(messageOf(e));
    }
  };

  const body = (
    <form
      ref={ref}
      className={inDialog ? 'patient-form patient-form-in-dialog' : 'screen patient-form'}
      onSubmit={submit}
      noValidate
      aria-labelledby={inDialog ? undefined : 'patient-form-title'}
      aria-label={inDialog ? title : undefined}
      // In a dialog the desk's key handlers stand aside (a dialog is open), so Ctrl/Cmd+S is the form's own.
      onKeyDown={
        inDialog
          ? (e) => {
              if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
                e.preventDefault();
                e.stopPropagation();
                ref.current?.requestSubmit();
              }
            }
          : undefined
      }
    >
      {!inDialog && (
        <header className="screen-header">
          <h1 id="patient-form-title" className="screen-title">
            {title}
          </h1>
        </header>
      )}
      <DuplicateWarning control={form.control} excludeId={patientId} onUseExisting={onUseExisting} />
      <PatientFormSections register={form.register} errors={form.formState.errors} />
      <div className="form-footer">
        {formError ? (
          <p className="form-error" role="alert">
            {formError}
          </p>
        ) : notice ? (
          <p className="form-footer-hint" role="status">
            {notice}
          </p>
        ) : (
          <span className="form-footer-hint">
            <Kbd>{`${MOD_LABEL} S`}</Kbd> save · <Kbd>Esc</Kbd> cancel
          </span>
        )}
        {reload && (
          <button type="button" className="button" onClick={() => void loadTheirs()}>
            {reload.label}
          </button>
        )}
        <button type="button" className="button" onClick={cancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? 'Saving…' : submitLabel}
        </button>
      </div>
      {confirmingCancel && (
        <ConfirmDialog
          title="Discard your changes?"
          message="What you typed in this form has not been saved."
          confirmLabel="Discard changes"
          cancelLabel="Keep editing"
          danger
          onConfirm={() => {
            setUnsavedWork(false);
            onCancel();
          }}
          onClose={() => setConfirmingCancel(false)}
        />
      )}
    </form>
  );
  if (!inDialog) return body;
  return (
    <Dialog title={title} description={description} onClose={onCancel} size="medium" dirty={dirty}>
      {body}
    </Dialog>
  );
}
