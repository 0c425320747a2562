// One appointment's payments, kept fresh: re-read from the local database every few seconds so a link that
// the background retry created, or a payment the periodic Stripe refresh found, shows up by itself.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppointmentPayments } from '../../../shared/payments';
import { api, messageOf, unwrap } from '../api/client';
import { useCalendar } from '../calendar/store';

/** Local reads only (no network): cheap enough to poll while the panel is open. */
export const PANEL_POLL_MS = 4_000;

/** Which payments exist and where each stands: when it moves, the day book re-reads so its block follows. */
const standing = (v: AppointmentPayments | null) => (v ? v.payments.map((p) => `${p.id}:${p.status}:${p.linkState ?? ''}`).join(',') : null);

export function useAppointmentPayments(appointmentId: number) {
  const [view, setView] = useState<AppointmentPayments | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  const seen = useRef<string | null>(null);

  useEffect(() => {
    const now = standing(view);
    if (seen.current !== null && now !== null && now !== seen.current) useCalendar.getState().changed();
    seen.current = now;
  }, [view]);

  const reload = useCallback(async () => {
    try {
      const next = await unwrap(api.payments.forAppointment({ appointmentId }));
      // A poll must not wipe the sentence a Refresh or Retry just showed.
      if (alive.current) setView((prev) => ({ ...next, stripeProblem: prev?.appointmentId === appointmentId ? prev.stripeProblem : null }));
      if (alive.current) setError(null);
    } catch (e) {
      if (alive.current) setError(messageOf(e));
    }
  }, [appointmentId]);

  useEffect(() => {
    alive.current = true;
    seen.current = null;
    setView(null);
    void reload();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, PANEL_POLL_MS);
    return () => {
      alive.current = false;
      window.clearInterval(timer);
    };
  }, [reload]);

  /** For Refresh / Retry: their answer carries stripeProblem, shown until the next action. */
  const replace = useCallback((next: AppointmentPayments) => {
    if (alive.current) setView(next);
  }, []);

  return { view, error, reload, replace };
}
