// Placing a pinned card and changing an appointment's length: both are ordinary reschedules, so main makes the
// same clash checks as a drag, and both offer Undo. A refused placement leaves the card on the pinboard.
import type { PinnedAppointment } from '../../../shared/pinboard';
import type { Appointment, CalendarAppointment } from '../../../shared/scheduling-appointments';
import { ApiError, messageOf } from '../api/client';
import { useToasts } from '../ui/toasts';
import { reschedule } from './actions';
import { dayTitle, hhmm, isoAt } from './clinic-time';
import { pinAppointment, unpinAppointment, usePinboard } from './pinboard-store';

export const MIN_LENGTH_MINUTES = 5;

interface Target {
  date: string;
  providerId: number;
  minute: number;
}

function refused(e: unknown, retry: (() => void) | null): void {
  const conflict = e instanceof ApiError && e.code === 'CONFLICT';
  useToasts.getState().show({ message: messageOf(e), tone: 'error', action: conflict && retry ? { label: 'Move anyway (emergency)', run: retry } : undefined });
}

/** Drops a pinned card on a time. Main takes the pin off in the same transaction; Undo puts the card back. */
export async function placePinned(card: PinnedAppointment, to: Target, zone: string, opts: { canOverride: boolean; onSaved?(changed: Appointment[]): void }, override = false): Promise<boolean> {
  // Dropped back where it came from: that is putting it back, not a move (no history entry, nothing to send).
  if (to.providerId === card.providerId && Date.parse(isoAt(to.date, to.minute, zone)) === Date.parse(card.startsAt)) {
    await unpinAppointment(card.appointmentId);
    return true;
  }
  try {
    const saved = await reschedule(
      { id: card.appointmentId, startsAt: isoAt(to.date, to.minute, zone), providerId: to.providerId === card.providerId ? undefined : to.providerId, overrideDoubleBooking: override || undefined },
      { message: `Appointment placed on ${dayTitle(to.date, 'short')} at ${hhmm(to.minute)}.`, afterUndo: () => pinAppointment(card.appointmentId, true) },
    );
    usePinboard.getState().forget(card.appointmentId);
    opts.onSaved?.(saved.changed);
    return true;
  } catch (e) {
    refused(e, opts.canOverride ? () => void placePinned(card, to, zone, opts, true) : null);
    return false;
  }
}

/** Makes an appointment end at a new time (start kept), at least five minutes long. */
export async function changeLength(a: CalendarAppointment, minutes: number, opts: { canOverride: boolean; onSaved?(changed: Appointment[]): void }, override = false): Promise<boolean> {
  const length = Math.max(MIN_LENGTH_MINUTES, minutes);
  try {
    const saved = await reschedule(
      { id: a.id, startsAt: a.startsAt, endsAt: new Date(Date.parse(a.startsAt) + length * 60_000).toISOString(), overrideDoubleBooking: override || undefined },
      { message: `Appointment now ${length} minutes long.` },
    );
    opts.onSaved?.(saved.changed);
    return true;
  } catch (e) {
    refused(e, opts.canOverride ? () => void changeLength(a, length, opts, true) : null);
    return false;
  }
}

export const lengthOf = (a: { startsAt: string; endsAt: string }) => Math.round((Date.parse(a.endsAt) - Date.parse(a.startsAt)) / 60_000);
