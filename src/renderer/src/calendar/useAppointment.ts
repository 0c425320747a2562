// One appointment with its history, re-read whenever the calendar changes.
import { useEffect, useState } from 'react';
import type { AppointmentDetail } from '../../../shared/scheduling-appointments';
import { api, messageOf, unwrap } from '../api/client';
import { useCalendar } from './store';

export function useAppointment(id: number): { appointment: AppointmentDetail | null; error: string | null } {
  const version = useCalendar((s) => s.version);
  const [appointment, setAppointment] = useState<AppointmentDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    unwrap(api.appointments.get({ id }))
      .then((a) => live && setAppointment(a))
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [id, version]);
  return { appointment, error };
}
