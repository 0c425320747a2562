// Editing a patient: the same form, prefilled; saving returns to their page. Each save names the version the form
// was filled from, so a record another desk changed meanwhile is refused rather than overwritten.
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { useApp, useSession } from '../app/store';
import { toast } from '../ui/toasts';
import { formValuesOf, fullName } from './patient-text';
import { PatientForm } from './PatientForm';
import { usePatient } from './usePatient';

export function PatientEditScreen({ id }: { id: number }) {
  const session = useSession();
  const navigate = useApp((s) => s.navigate);
  const { patient, error } = usePatient(id);
  /** updatedAt of the record the form was last filled from (their changes, once loaded). */
  const [loadedVersion, setLoadedVersion] = useState<string | null>(null);
  if (error)
    return (
      <div className="screen">
        <p className="form-error" role="alert">
          {error}
        </p>
      </div>
    );
  if (!patient) return <div className="screen-loading" aria-busy="true" />;
  return (
    <PatientForm
      title={`Edit ${fullName(patient)}`}
      submitLabel="Save changes"
      initial={formValuesOf(patient, session.clinic.country)}
      serverPrefix="fields."
      patientId={id}
      onSave={async (fields) => {
        await unwrap(api.patients.update({ id, fields, loadedUpdatedAt: loadedVersion ?? patient.updatedAt }));
        navigate({ name: 'patient', id });
        toast('Changes saved.');
      }}
      onLoadLatest={async () => {
        const latest = await unwrap(api.patients.get({ id }));
        setLoadedVersion(latest.updatedAt);
        return formValuesOf(latest, session.clinic.country);
      }}
      onCancel={() => navigate({ name: 'patient', id })}
    />
  );
}
