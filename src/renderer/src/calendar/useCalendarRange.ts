// The appointments (cancelled ones too: they never vanish) and time off in a window, re-read after every
// change at this desk and every half minute for changes made at other desks.
import { useEffect, useState } from 'react';
import type { TimeOff } from '../../../shared/scheduling';
import type { Appointment, CalendarAppointment } from '../../../shared/scheduling-appointments';
import { api, messageOf, unwrap } from '../api/client';
import { useCalendar } from './store';

const REFRESH_MS = 30_000;

/** Where a block is drawn after a move not yet saved. */
export type MovedTo = Pick<CalendarAppointment, 'providerId' | 'startsAt' | 'endsAt'>;

export interface RangeData {
  appointments: CalendarAppointment[];
  timeOff: TimeOff[];
}

export function useCalendarRange(
  from: string | null,
  to: string | null,
  providerIds?: number[],
): { data: RangeData | null; error: string | null; applyChanged(changed: Appointment[]): void; showMoved(id: number, at: MovedTo): void } {
  const version = useCalendar((s) => s.version);
  const [data, setData] = useState<{ key: string; value: RangeData } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = providerIds?.join(',');
  const key = `${from}|${to}|${ids}`;
  useEffect(() => {
    if (!from || !to) return;
    let live = true;
    const load = async () => {
      try {
        const value = await unwrap(api.appointments.range({ from, to, includeCancelled: true, providerIds: ids === undefined ? undefined : ids.split(',').filter(Boolean).map(Number) }));
        if (live) {
          setData({ key, value });
          setError(null);
        }
      } catch (e) {
        if (live) setError(messageOf(e));
      }
    };
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [from, to, ids, key, version]);
  // Main's answer lands on screen at once (a dropped block stays put); the re-read follows behind.
  const applyChanged = (changed: Appointment[]) =>
    setData((d) => {
      if (!d) return d;
      const byId = new Map(changed.map((c) => [c.id, c]));
      const appointments = d.value.appointments.map((a) => {
        const c = byId.get(a.id);
        return c ? { ...a, providerId: c.providerId, startsAt: c.startsAt, endsAt: c.endsAt, status: c.status, arrivedAt: c.arrivedAt } : a;
      });
      return { key: d.key, value: { ...d.value, appointments } };
    });
  // A keyboard move on screen before it is saved (useKeyboardMove); the re-read after the save confirms it.
  const showMoved = (id: number, at: MovedTo) =>
    setData((d) => (d ? { key: d.key, value: { ...d.value, appointments: d.value.appointments.map((a) => (a.id === id ? { ...a, ...at } : a)) } } : d));
  // Keep showing the previous window's blocks only while they belong to the same window (no flashing on refresh).
  return { data: data?.key === key ? data.value : null, error, applyChanged, showMoved };
}

/** Re-renders every `ms` so the now line and waiting minutes move on their own. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}
