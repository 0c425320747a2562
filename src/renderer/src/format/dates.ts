// Dates as the desk reads them: calendar dates (date of birth) and instants shown in the clinic's time zone.

/** "1984-03-12" → [1984, 3, 12]. */
function ymd(isoDate: string): [number, number, number] {
  const [y = 0, m = 1, d = 1] = isoDate.split('-').map(Number);
  return [y, m, d];
}

/** "1984-03-12" → "12 Mar 1984" in the user's locale; the date never shifts with time zones. */
export function formatDate(isoDate: string): string {
  const [y, m, d] = ymd(isoDate);
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** An instant (UTC ISO string) as date and time on the clinic's wall clock. */
export function formatInstant(iso: string, timeZone: string, seconds = true): string {
  return new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: seconds ? '2-digit' : undefined,
    timeZone,
  }).format(new Date(iso));
}

/** Today's calendar date (YYYY-MM-DD) at the clinic. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(now);
}

/** Whole years between a date of birth and a day, both YYYY-MM-DD. */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = ymd(dateOfBirth);
  const [ty, tm, td] = ymd(today);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** "42 y", or months for babies, as front desks write it. */
export function ageLabel(dateOfBirth: string, today: string): string {
  const years = ageOn(dateOfBirth, today);
  if (years >= 2) return `${years} y`;
  const [by, bm, bd] = ymd(dateOfBirth);
  const [ty, tm, td] = ymd(today);
  const months = (ty - by) * 12 + (tm - bm) - (td < bd ? 1 : 0);
  return `${Math.max(months, 0)} mo`;
}

/** The clinic-local calendar day of an instant, e.g. when a record was added. */
export function formatDayOf(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(new Date(iso));
}
