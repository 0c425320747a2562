// In the appointment panel: the patient's allergy alert (impossible to miss) and a "New patient" note for a first visit.
import { useEffect, useState } from 'react';
import type { Patient } from '../../../shared/patients';
import { api, unwrap } from '../api/client';

export function PatientAlert({ patientId }: { patientId: number }) {
  const [patient, setPatient] = useState<Patient | null>(null);
  const [firstVisit, setFirstVisit] = useState(false);
  useEffect(() => {
    let live = true;
    // Optional extra: if the record cannot be read the panel still works, so a failure shows nothing.
    unwrap(api.patients.get({ id: patientId }))
      .then((p) => live && setPatient(p))
      .catch(() => undefined);
    // No visit that happened yet (completed, or still under way) means this is their first.
    unwrap(api.appointments.forPatient({ patientId, limit: 20 }))
      .then((r) => live && setFirstVisit(!r.past.some((a) => a.status === 'completed') && !r.upcoming.some((a) => a.status === 'completed')))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [patientId]);
  return (
    <>
      {firstVisit && <span className="tag tag-quiet panel-new-patient">New patient</span>}
      {patient?.allergies && (
        <p className="alert-badge" role="note">
          <span className="alert-icon" aria-hidden="true">
            !
          </span>
          <span>
            <strong>Allergies:</strong> {patient.allergies}
          </span>
        </p>
      )}
    </>
  );
}
