// Editing a patient: the same form, prefilled; saving returns to their page.
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
        await unwrap(api.patients.update({ id, fields }));
        navigate({ name: 'patient', id });
        toast('Changes saved.');
      }}
      onCancel={() => navigate({ name: 'patient', id })}
    />
  );
}
