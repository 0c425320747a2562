// Registering a new patient; on success the desk moves straight to their page.
import { api, unwrap } from '../api/client';
import { useApp } from '../app/store';
import { nameOnThisDesk } from '../privacy/store';
import { toast } from '../ui/toasts';
import { EMPTY_PATIENT_FORM, fullName } from './patient-text';
import { PatientForm } from './PatientForm';

export function PatientNewScreen() {
  const navigate = useApp((s) => s.navigate);
  return (
    <PatientForm
      title="New patient"
      submitLabel="Add patient"
      initial={EMPTY_PATIENT_FORM}
      onSave={async (values) => {
        const patient = await unwrap(api.patients.create(values));
        navigate({ name: 'patient', id: patient.id });
        toast(`${nameOnThisDesk(fullName(patient))} added as ${patient.mrn}.`);
      }}
      onCancel={() => navigate({ name: 'patients' })}
    />
  );
}
