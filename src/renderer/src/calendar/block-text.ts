// What an appointment block says, in words: the same text feeds the visible badges and the screen reader.
import { APPOINTMENT_PAYMENT_BADGES, type AppointmentPaymentState } from '../../../shared/payments';
import { STATUS_LABELS, type CalendarAppointment } from '../../../shared/scheduling-appointments';
import { timeLabel } from './clinic-time';

/**
 * What a block may also know once appointments.range carries it (main's paymentStatesOf is ready for `payment`):
 * each shows as a badge when present and is simply absent until then.
 */
export type BlockAppointment = CalendarAppointment & { payment?: AppointmentPaymentState; hasAllergies?: boolean; firstVisit?: boolean };

export interface BlockBadge {
  key: string;
  icon: string;
  text: string;
  /** What a one-line block still shows beside the icon when the words are hidden, e.g. "12 min" of waiting. */
  short?: string;
  tone?: 'amber' | 'red' | 'ok' | 'muted' | 'alert';
}

/** Minutes an arrived patient has waited, or null if they are not waiting. */
export function waitingMinutes(a: CalendarAppointment, now: number): number | null {
  if (a.status !== 'arrived' || !a.arrivedAt) return null;
  return Math.max(0, Math.floor((now - Date.parse(a.arrivedAt)) / 60_000));
}

export function waitingTone(minutes: number): BlockBadge['tone'] {
  return minutes > 20 ? 'red' : minutes > 10 ? 'amber' : 'ok';
}

export function blockBadges(a: BlockAppointment, now: number): BlockBadge[] {
  const badges: BlockBadge[] = [];
  const waiting = waitingMinutes(a, now);
  // The wait is what the desk watches on a busy morning: a one-line block keeps the minutes, not just a tick.
  if (a.status === 'arrived') badges.push({ key: 'status', icon: '✓', text: waiting === null ? 'Arrived' : `Waiting ${waiting} min`, short: waiting === null ? undefined : `${waiting} min`, tone: waiting === null ? 'ok' : waitingTone(waiting) });
  else if (a.status === 'in_consultation') badges.push({ key: 'status', icon: '●', text: 'With doctor', tone: 'ok' });
  else if (a.status === 'completed') badges.push({ key: 'status', icon: '✔', text: 'Done', tone: 'muted' });
  else if (a.status === 'no_show') badges.push({ key: 'status', icon: '⊘', text: 'No-show', tone: 'red' });
  else if (a.status === 'cancelled') badges.push({ key: 'status', icon: '✕', text: 'Cancelled', tone: 'muted' });
  else if (a.status === 'confirmed') badges.push({ key: 'status', icon: '☑', text: 'Confirmed' });
  if (a.hasAllergies) badges.push({ key: 'allergy', icon: '!', text: 'Allergy', tone: 'alert' });
  if (a.firstVisit) badges.push({ key: 'new', icon: '★', text: 'New patient' });
  if (a.mode === 'video') badges.push({ key: 'video', icon: '▶', text: 'Video' });
  if (a.payment && a.payment !== 'none' && a.status !== 'cancelled') {
    const b = APPOINTMENT_PAYMENT_BADGES[a.payment];
    badges.push({ key: 'payment', icon: b.icon, text: b.text, tone: a.payment === 'paid' ? 'ok' : a.payment === 'unpaid' ? 'amber' : undefined });
  }
  if (a.overrideDoubleBooking) badges.push({ key: 'override', icon: '!', text: 'Double-booked', tone: 'alert' });
  if (a.inSeries) badges.push({ key: 'series', icon: '↻', text: 'Repeats' });
  if (a.hasNotes) badges.push({ key: 'notes', icon: '✎', text: 'Notes' });
  return badges;
}

/** "09:00 to 09:20, Ada Lovelace, Consultation, Arrived, waiting 12 minutes" for screen readers. */
export function blockLabel(a: BlockAppointment, zone: string, now: number, providerName?: string): string {
  const parts = [`${timeLabel(a.startsAt, zone)} to ${timeLabel(a.endsAt, zone)}`, a.patientName];
  if (a.typeName) parts.push(a.typeName);
  if (providerName) parts.push(`with ${providerName}`);
  parts.push(STATUS_LABELS[a.status]);
  const waiting = waitingMinutes(a, now);
  if (waiting !== null) parts.push(`waiting ${waiting} minutes`);
  if (a.mode === 'video') parts.push('video visit');
  if (a.overrideDoubleBooking) parts.push('double-booked on purpose');
  if (a.hasAllergies) parts.push('has allergies');
  if (a.firstVisit) parts.push('new patient');
  if (a.payment && a.payment !== 'none') parts.push(APPOINTMENT_PAYMENT_BADGES[a.payment].text.toLowerCase());
  return parts.join(', ');
}
