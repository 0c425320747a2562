// The patient form (create and edit): the shared zod schema checks it here, main checks it again
// (phones are normalised there), and both kinds of message appear beside the field.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { patientFields, type PatientFields, type PatientFormValues } from '../../../shared/patients';
import { showServerErrors } from '../api/form-errors';
import { useApp } from '../app/store';
import { DuplicateWarning } from '../search/DuplicateWarning';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Kbd, MOD_LABEL } from '../ui/Kbd';
import { PatientFormSections } from './PatientFormSections';
import { PATIENT_FIELD_NAMES } from './patient-text';
import { useFormKeys } from './useFormKeys';

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
}

export function PatientForm({ title, initial, submitLabel, onSave, onCancel, serverPrefix, patientId }: PatientFormProps) {
  const ref = useRef<HTMLFormElement>(null);
  const setUnsavedWork = useApp((s) => s.setUnsavedWork);
  const [formError, setFormError] = useState<string | null>(null);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const form = useForm({ resolver: zodResolver(patientFields), defaultValues: initial });
  const dirty = form.formState.isDirty;

  useEffect(() => {
    setUnsavedWork(dirty);
    return () => setUnsavedWork(false);
  }, [dirty, setUnsavedWork]);

  const cancel = () => (form.formState.isDirty ? setConfirmingCancel(true) : onCancel());
  useFormKeys(ref, cancel);

  const submit = form.handleSubmit(
    async (values) => {
      setFormError(null);
      try {
        setUnsavedWork(false);
        await onSave(values);
      } catch (e) {
        setUnsavedWork(true);
        setFormError(showServerErrors(e, form.setError, PATIENT_FIELD_NAMES, serverPrefix) ?? FIX_FIELDS);
      }
    },
    () => setFormError(FIX_FIELDS),
  );

  return (
    <form ref={ref} className="screen patient-form" onSubmit={submit} noValidate aria-labelledby="patient-form-title">
      <header className="screen-header">
        <h1 id="patient-form-title" className="screen-title">
          {title}
        </h1>
      </header>
      <DuplicateWarning control={form.control} excludeId={patientId} />
      <PatientFormSections register={form.register} errors={form.formState.errors} />
      <div className="form-footer">
        {formError ? (
          <p className="form-error" role="alert">
            {formError}
          </p>
        ) : (
          <span className="form-footer-hint">
            <Kbd>{`${MOD_LABEL} S`}</Kbd> save · <Kbd>Esc</Kbd> cancel
          </span>
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
}
