// The doctors, their weekly hours and the appointment types the day book draws with; read once per visit.
import { useEffect, useState } from 'react';
import type { AppointmentType, Provider, WorkingHours } from '../../../shared/scheduling';
import { api, messageOf, unwrap } from '../api/client';

export interface SchedulingRefs {
  providers: Provider[];
  types: AppointmentType[];
  hours: Map<number, WorkingHours[]>;
}

let cache: SchedulingRefs | null = null;

/** Cached between screens so returning to the day book draws at once; refreshed in the background. */
export function useSchedulingRefs(): { refs: SchedulingRefs | null; error: string | null } {
  const [refs, setRefs] = useState<SchedulingRefs | null>(cache);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [providers, types] = await Promise.all([unwrap(api.providers.list({})), unwrap(api.appointmentTypes.list({}))]);
        const hours = await Promise.all(providers.map((p) => unwrap(api.providers.hoursGet({ providerId: p.id }))));
        cache = { providers, types, hours: new Map(providers.map((p, i) => [p.id, hours[i] ?? []])) };
        if (live) setRefs(cache);
      } catch (e) {
        if (live) setError(messageOf(e));
      }
    })();
    return () => {
      live = false;
    };
  }, []);
  return { refs, error };
}

/** Scheduling admin changed doctors, hours or types: the next visit re-reads them. */
export function forgetSchedulingRefs(): void {
  cache = null;
}
