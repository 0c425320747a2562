// Wall-clock arithmetic in the clinic's time zone (never the computer's): days as YYYY-MM-DD, minutes since local midnight.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

const DAY_MS = 86_400_000;

function ymd(date: string): [number, number, number] {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return [y, m, d];
}

/** The instant of a local wall-clock minute on a local day; minute may pass 24:00 (the next day). */
export function instantAt(date: string, minute: number, zone: string): number {
  const [y, m, d] = ymd(date);
  return new TZDate(y, m - 1, d, 0, minute, zone).getTime();
}

export const isoAt = (date: string, minute: number, zone: string) => new Date(instantAt(date, minute, zone)).toISOString();

/** The local day (YYYY-MM-DD) of an instant. */
export function dayOf(at: number | string, zone: string): string {
  return format(new TZDate(typeof at === 'string' ? Date.parse(at) : at, zone), 'yyyy-MM-dd');
}

/** Minutes since local midnight of an instant, on the wall clock (DST days included). */
export function minuteOf(at: number | string, zone: string): number {
  const d = new TZDate(typeof at === 'string' ? Date.parse(at) : at, zone);
  return d.getHours() * 60 + d.getMinutes();
}

/** "09:40" on the clinic's wall clock. */
export function timeLabel(at: number | string, zone: string): string {
  return format(new TZDate(typeof at === 'string' ? Date.parse(at) : at, zone), 'HH:mm');
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = ymd(date);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = ymd(date);
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

export const mondayOf = (date: string) => addDays(date, 1 - weekdayOf(date));

export function daysBetween(from: string, to: string): number {
  const [a, b, c] = ymd(from);
  const [x, y, z] = ymd(to);
  return Math.round((Date.UTC(x, y - 1, z) - Date.UTC(a, b - 1, c)) / DAY_MS);
}

/** "Tuesday 12 May 2026" — dates are calendar days, so formatted in UTC where they never shift. */
export function dayTitle(date: string, style: 'long' | 'short' = 'long'): string {
  const [y, m, d] = ymd(date);
  const opts: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(undefined, opts).format(new Date(Date.UTC(y, m - 1, d)));
}

export function monthTitle(date: string): string {
  const [y, m] = ymd(date);
  return new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

export const hhmm = (minute: number) => `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

export function parseHhmm(value: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}
