// Locks the desk after the clinic's idle time: any mouse, key or touch activity counts as not idle.
import { useEffect } from 'react';
import { api, unwrap } from '../api/client';
import { useApp } from '../app/store';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
/** How often to look at the idle time; a lock may come up to this late. */
const CHECK_EVERY_MS = 5_000;
/**
 * Main locks a session when nobody has acted at the window for the idle time, and the window's own polls (the
 * day book's refresh) do not count — nor does moving around the day book, which only reads. So while someone is
 * at the desk it tells main so at most every 20 s (and refreshes the clinic profile on the way, e.g. a changed
 * lock time), including once after the last input: main's idea of "last active" then trails the real one by
 * less than this, far inside the shortest lock time (1 minute), so main never locks someone who is working.
 */
const KEEP_ALIVE_MS = 20_000;

/** Remembers where the cursor was so unlocking puts it back in the same field. */
let focusBeforeLock: HTMLElement | null = null;

export function lockDesk(): void {
  if (useApp.getState().locked) return;
  focusBeforeLock = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  // Screen first, then main: the desk is covered at once even if the call is slow.
  useApp.getState().setLocked(true);
  void api.auth.lock();
}

export function restoreFocusAfterUnlock(): void {
  const target = focusBeforeLock;
  focusBeforeLock = null;
  if (target?.isConnected) target.focus();
}

export function useIdleLock(): void {
  const minutes = useApp((s) => s.session?.clinic.lockAfterMinutes ?? 5);
  const locked = useApp((s) => s.locked);
  useEffect(() => {
    if (locked) return;
    let lastActivity = Date.now();
    let lastKeepAlive = Date.now();
    const keepAliveIfDue = () => {
      if (lastActivity <= lastKeepAlive || Date.now() - lastKeepAlive < KEEP_ALIVE_MS) return;
      lastKeepAlive = Date.now();
      // A refusal here (main already locked) brings up the lock screen through unwrap().
      unwrap(api.clinic.get()).then(useApp.getState().setClinic, () => {});
    };
    const mark = () => {
      lastActivity = Date.now();
      keepAliveIfDue();
    };
    for (const type of ACTIVITY) window.addEventListener(type, mark, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity >= minutes * 60_000) lockDesk();
      else keepAliveIfDue(); // input since the last one that came too soon to be sent then
    }, CHECK_EVERY_MS);
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, mark, { capture: true });
      window.clearInterval(timer);
    };
  }, [minutes, locked]);
}
