// The desk's changes to an appointment, each followed by an Undo offer and a re-read of the calendar.
import type { AppointmentSaved, SETTABLE_STATUSES } from '../../../shared/scheduling-appointments';
import { api, messageOf, unwrap } from '../api/client';
import { toast } from '../ui/toasts';
import { useCalendar } from './store';
import { offerUndo } from './undo';

type SettableStatus = (typeof SETTABLE_STATUSES)[number];

const STATUS_DONE: Record<SettableStatus, string> = {
  confirmed: 'Appointment confirmed.',
  arrived: 'Patient checked in.',
  in_consultation: 'Consultation started.',
  completed: 'Appointment completed.',
  no_show: 'Marked as no-show.',
};

function after(saved: AppointmentSaved, message: string, afterUndo?: () => Promise<unknown>): AppointmentSaved {
  offerUndo(message, saved.undo, afterUndo);
  for (const w of saved.warnings) toast(w.message, 'info');
  useCalendar.getState().changed();
  return saved;
}

/** One-click status steps; errors become a toast, since the click has nothing else to show them. */
export async function setStatus(id: number, status: SettableStatus): Promise<boolean> {
  try {
    after(await unwrap(api.appointments.setStatus({ id, status })), STATUS_DONE[status]);
    return true;
  } catch (e) {
    toast(messageOf(e), 'error');
    useCalendar.getState().changed();
    return false;
  }
}

export interface RescheduleInput {
  id: number;
  startsAt: string;
  endsAt?: string;
  providerId?: number;
  overrideDoubleBooking?: boolean;
  scope?: 'this' | 'following';
}

/** Throws so the dialog or drag that asked can show the message where it happened. */
export async function reschedule(input: RescheduleInput, done: { message?: string; afterUndo?: () => Promise<unknown> } = {}): Promise<AppointmentSaved> {
  return after(await unwrap(api.appointments.reschedule(input)), done.message ?? 'Appointment moved.', done.afterUndo);
}

export async function cancelAppointment(id: number, reason: string, scope: 'this' | 'following'): Promise<AppointmentSaved> {
  return after(await unwrap(api.appointments.cancel({ id, reason, scope })), 'Appointment cancelled.');
}
