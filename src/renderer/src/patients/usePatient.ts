// Loads one patient's full record (main audits the view) and lets actions replace it after a change.
import { useEffect, useState } from 'react';
import type { Patient } from '../../../shared/patients';
import { api, messageOf, unwrap } from '../api/client';

export function usePatient(id: number) {
  const [patient, setPatient] = useState<Patient | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    unwrap(api.patients.get({ id }))
      .then((p) => current && setPatient(p))
      .catch((e: unknown) => current && setError(messageOf(e)));
    return () => {
      current = false;
    };
  }, [id]);
  return { patient, error, setPatient };
}
