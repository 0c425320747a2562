// Where C (new appointment, no slot clicked) starts the booking: the first quarter hour from now that a doctor on screen
// has open and free, read from the day already loaded — not the first doctor's next quarter hour whatever it holds,
// which on a busy morning was booked and only refused after the whole form was filled in.
import type { TimeOff } from '../../../shared/scheduling';
import type { CalendarAppointment } from '../../../shared/scheduling-appointments';
import { instantAt } from './clinic-time';
import type { MinuteSpan } from './working-hours';

export interface FreeTimeColumn {
  providerId: number;
  date: string;
  open: MinuteSpan[];
}

const STEP = 15;
const holdsTime = (a: CalendarAppointment) => a.status !== 'cancelled' && a.status !== 'no_show';

/** The earliest [column, minute] (on the quarter hour, not before `notBefore`) with `minutes` open and free; ties go to
 *  the column further left. null if none. Works for a day of doctors and for one doctor's week alike. */
export function firstFreeQuarter(
  columns: readonly FreeTimeColumn[],
  appointments: readonly CalendarAppointment[],
  timeOff: readonly TimeOff[],
  notBefore: number,
  minutes: number,
  zone: string,
): { column: number; minute: number } | null {
  let best: { column: number; minute: number; at: number } | null = null;
  for (const [i, c] of columns.entries()) {
    for (let m = 0; m + minutes <= 24 * 60; m += STEP) {
      const from = instantAt(c.date, m, zone);
      if (from < notBefore || (best && from >= best.at)) continue;
      if (!c.open.some(([s, e]) => s <= m && m + minutes <= e)) continue;
      const to = instantAt(c.date, m + minutes, zone);
      const overlaps = (start: string, end: string) => Date.parse(start) < to && Date.parse(end) > from;
      if (appointments.some((a) => a.providerId === c.providerId && holdsTime(a) && overlaps(a.startsAt, a.endsAt))) continue;
      if (timeOff.some((t) => (t.providerId === null || t.providerId === c.providerId) && overlaps(t.startsAt, t.endsAt))) continue;
      best = { column: i, minute: m, at: from };
      break;
    }
  }
  return best && { column: best.column, minute: best.minute };
}
