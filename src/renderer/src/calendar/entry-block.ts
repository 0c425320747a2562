// Where the keyboard enters the day book's blocks when none is chosen yet: the next patient the desk expects, not
// the first visit of the morning (at 10:00 on a busy day that is thirty finished blocks away).
import type { CalendarAppointment } from '../../../shared/scheduling-appointments';

/** The order ↑/↓ walk: by start, then by doctor (the columns' order). */
export function deskOrder(appointments: readonly CalendarAppointment[]): CalendarAppointment[] {
  return [...appointments].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.providerId - b.providerId);
}

const settled = (a: CalendarAppointment) => a.status === 'cancelled' || a.status === 'no_show' || a.status === 'completed';

/** The first visit still to come or under way at `now`; on a day already over, its first block. */
export function nextExpected(order: readonly CalendarAppointment[], now: number): CalendarAppointment | null {
  return order.find((a) => !settled(a) && Date.parse(a.endsAt) > now) ?? order[0] ?? null;
}
