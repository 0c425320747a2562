// Clinic wall-clock ↔ UTC instants. Working hours are local times; appointments are UTC epoch ms.
// Offsets come from @date-fns/tz (the runtime's tz database), cached per 15 minutes of UTC time because
// the free-slot finder converts many wall-clock times and Intl lookups cost microseconds each.
import { TZDate, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';

const DAY_MS = 86_400_000;
const BUCKET_MS = 15 * 60_000;
const offsetCaches = new Map<string, Map<number, number>>();

/** The zone's UTC offset in minutes at this instant (e.g. 60 in London in summer). */
export function offsetMinutes(tz: string, ms: number): number {
  let cache = offsetCaches.get(tz);
  if (!cache) offsetCaches.set(tz, (cache = new Map()));
  // Transitions happen on quarter hours in every zone in use, so one lookup serves a 15-minute bucket.
  const bucket = Math.floor(ms / BUCKET_MS);
  let off = cache.get(bucket);
  if (off === undefined) {
    if (cache.size > 200_000) cache.clear();
    off = tzOffset(tz, new Date(bucket * BUCKET_MS));
    cache.set(bucket, off);
  }
  return off;
}

/** Days since 1970-01-01 for a YYYY-MM-DD calendar date. */
export const dayNumberOf = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
export const dateOfDayNumber = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export const weekdayOf = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;
/** Monday-based week number, for "every N weeks" patterns. */
export const weekNumberOf = (day: number) => Math.floor((day + 3) / 7);

/** The clinic-local calendar day (as a day number) an instant falls on. */
export const localDayOf = (tz: string, ms: number) => Math.floor((ms + offsetMinutes(tz, ms) * 60_000) / DAY_MS);
export const localDateOf = (tz: string, ms: number) => dateOfDayNumber(localDayOf(tz, ms));
/** Minutes after local midnight. */
export const localMinuteOf = (tz: string, ms: number) => Math.round((ms + offsetMinutes(tz, ms) * 60_000 - localDayOf(tz, ms) * DAY_MS) / 60_000);

/**
 * The instant of a local wall-clock time. A time skipped by a spring-forward is moved forward by the gap
 * (01:30 → 02:30 BST); a repeated time during a fall-back is taken at its second occurrence. Same as TZDate.
 */
export function wallClockToInstant(tz: string, day: number, minute: number): number {
  const local = day * DAY_MS + minute * 60_000;
  const o1 = offsetMinutes(tz, local);
  const guess = local - o1 * 60_000;
  const o2 = offsetMinutes(tz, guess);
  if (o1 === o2) return guess;
  const second = local - o2 * 60_000;
  return offsetMinutes(tz, second) === o2 ? second : local - Math.min(o1, o2) * 60_000;
}

/** e.g. "Tue 5 May 2026, 10:00" in the clinic's zone, for messages. */
export const formatLocal = (tz: string, ms: number) => format(new TZDate(ms, tz), 'EEE d MMM yyyy, HH:mm');
export const formatLocalTime = (tz: string, ms: number) => format(new TZDate(ms, tz), 'HH:mm');

/** "Tue 5 May 2026, 10:00–10:20" */
export const formatLocalRange = (tz: string, start: number, end: number) =>
  localDayOf(tz, start) === localDayOf(tz, end - 1) ? `${formatLocal(tz, start)}–${formatLocalTime(tz, end)}` : `${formatLocal(tz, start)} – ${formatLocal(tz, end)}`;

const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dayPrefixes = new Map<number, string>();

/**
 * Same string as Date#toISOString, much cheaper: the calendar formats thousands of instants per week view;
 * they share a handful of days (whose "YYYY-MM-DDT" prefix is cached) and recur on every re-read.
 */
export function toIso(ms: number): string {
  // Appointment times are whole minutes and the same week is re-read after every change: remember those.
  const whole = ms % 60_000 === 0;
  if (whole) {
    const hit = minuteStrings.get(ms);
    if (hit !== undefined) return hit;
  }
  const out = formatIso(ms);
  if (whole) {
    if (minuteStrings.size > 100_000) minuteStrings.clear();
    minuteStrings.set(ms, out);
  }
  return out;
}

const minuteStrings = new Map<number, string>();

function formatIso(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    const full = new Date(ms).toISOString();
    // Years outside 0000–9999 use a longer form; leave those to the Date object.
    if (full.length !== 24) return full;
    if (dayPrefixes.size > 100_000) dayPrefixes.clear();
    dayPrefixes.set(day, (prefix = full.slice(0, 11)));
  }
  const rest = ms - day * DAY_MS;
  const milli = rest % 1000;
  const seconds = Math.floor(rest / 1000);
  const tail = milli === 0 ? '.000Z' : `.${String(milli).padStart(3, '0')}Z`;
  return `${prefix}${TWO[Math.floor(seconds / 3600)]}:${TWO[Math.floor(seconds / 60) % 60]}:${TWO[seconds % 60]}${tail}`;
}
export const toIsoOrNull = (ms: number | null) => (ms === null ? null : toIso(ms));
export const DAY = DAY_MS;
