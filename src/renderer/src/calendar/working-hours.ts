// Which minutes of a local day a doctor works (hours minus breaks), read from their weekly rules,
// the same way main decides bookable time; the day book shades everything else as closed.
import type { WorkingHours } from '../../../shared/scheduling';
import { minutesOf } from '../../../shared/scheduling';
import { daysBetween, mondayOf, weekdayOf } from './clinic-time';

export type MinuteSpan = [start: number, end: number];

function appliesOn(rule: WorkingHours, date: string): boolean {
  if (rule.weekday !== weekdayOf(date)) return false;
  if (rule.effectiveFrom && date < rule.effectiveFrom) return false;
  if (rule.effectiveUntil && date > rule.effectiveUntil) return false;
  if (rule.everyWeeks === 1) return true;
  const weeks = Math.round(daysBetween(mondayOf(rule.anchorDate), mondayOf(date)) / 7);
  return ((weeks % rule.everyWeeks) + rule.everyWeeks) % rule.everyWeeks === 0;
}

/** Sorted open spans (minutes since local midnight) for one day. */
export function openSpans(rules: readonly WorkingHours[], date: string): MinuteSpan[] {
  const todays = rules.filter((r) => appliesOn(r, date));
  const work = todays.filter((r) => r.kind === 'work').map((r): MinuteSpan => [minutesOf(r.start), minutesOf(r.end)]);
  const breaks = todays.filter((r) => r.kind === 'break').map((r): MinuteSpan => [minutesOf(r.start), minutesOf(r.end)]);
  let open = merge(work);
  for (const [bs, be] of breaks) open = open.flatMap(([s, e]): MinuteSpan[] => (be <= s || bs >= e ? [[s, e]] : [...(bs > s ? [[s, bs] as MinuteSpan] : []), ...(be < e ? [[be, e] as MinuteSpan] : [])]));
  return open;
}

function merge(spans: MinuteSpan[]): MinuteSpan[] {
  const out: MinuteSpan[] = [];
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}
