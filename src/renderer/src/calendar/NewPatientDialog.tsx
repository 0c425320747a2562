// Registering a new patient without leaving the booking: the Patients screen's own form, in a dialog over the
// booking panel, started from what was typed in the patient box; on save the booking gets the new patient.
import { createPortal } from 'react-dom';
import { api, unwrap } from '../api/client';
import { EMPTY_PATIENT_FORM, fullName } from '../patients/patient-text';
import { PatientForm } from '../patients/PatientForm';
import { nameOnThisDesk } from '../privacy/store';
import { toast } from '../ui/toasts';
import { newPatientPrefill } from './new-patient-prefill';
import type { PickedPatient } from './PatientPicker';

interface NewPatientDialogProps {
  /** What the desk typed in the booking's patient box. */
  typed: string;
  /** The booking they will go into, in words ("Dr Ben Hughes, Wed 18 Nov at 10:10"), when its time is set. */
  booking: string | null;
  onAdded(patient: PickedPatient): void;
  onCancel(): void;
}

export function NewPatientDialog({ typed, booking, onAdded, onCancel }: NewPatientDialogProps) {
  // In <body>, not inside the panel: the panel's styles and its Esc (close the booking) must not reach the form.
  return createPortal(
    <PatientForm
      inDialog
      title="New patient for this booking"
      submitLabel="Add patient"
      description={booking ? `Once added, they go straight into the booking: ${booking}.` : 'Once added, they go straight into the booking.'}
      initial={{ ...EMPTY_PATIENT_FORM, ...newPatientPrefill(typed) }}
      onSave={async (values) => {
        const patient = await unwrap(api.patients.create(values));
        toast(`${nameOnThisDesk(fullName(patient))} added as ${patient.mrn}.`);
        onAdded({ id: patient.id, name: fullName(patient), detail: `Just added · ${patient.mrn}` });
      }}
      // The warning found them already registered: the booking takes that record, and nothing new is saved.
      onUseExisting={(existing) => onAdded({ id: existing.id, name: fullName(existing), detail: existing.mrn })}
      onCancel={onCancel}
    />,
    document.body,
  );
}
