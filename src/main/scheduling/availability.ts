// A provider's bookable time: working hours (local wall-clock, weekly or every N weeks) minus breaks,
// time off and clinic closures, as UTC intervals. Pure functions over rows, so they are cheap to test.
import { dayNumberOf, localDayOf, wallClockToInstant, weekdayOf, weekNumberOf } from './time';

export type Interval = readonly [start: number, end: number];

export interface HoursRule {
  kind: 'work' | 'break';
  weekday: number;
  startMinute: number;
  endMinute: number;
  everyWeeks: number;
  anchorDate: string;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
}

/** Whether a weekly/every-N-weeks rule applies on this local day. */
export function ruleAppliesOn(rule: HoursRule, day: number): boolean {
  if (weekdayOf(day) !== rule.weekday) return false;
  if (rule.effectiveFrom && day < dayNumberOf(rule.effectiveFrom)) return false;
  if (rule.effectiveUntil && day > dayNumberOf(rule.effectiveUntil)) return false;
  if (rule.everyWeeks === 1) return true;
  const weeks = weekNumberOf(day) - weekNumberOf(dayNumberOf(rule.anchorDate));
  return ((weeks % rule.everyWeeks) + rule.everyWeeks) % rule.everyWeeks === 0;
}

/** Sorted, non-overlapping union. */
export function mergeIntervals(list: Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** `free` minus every interval of `busy` (both sorted; busy may overlap). */
export function subtractIntervals(free: Interval[], busy: Interval[]): Interval[] {
  const out: Interval[] = [];
  const blocks = mergeIntervals(busy);
  for (const [fs, fe] of free) {
    let cursor = fs;
    for (const [bs, be] of blocks) {
      if (be <= cursor) continue;
      if (bs >= fe) break;
      if (bs > cursor) out.push([cursor, bs]);
      cursor = Math.max(cursor, be);
      if (cursor >= fe) break;
    }
    if (cursor < fe) out.push([cursor, fe]);
  }
  return out;
}

/**
 * Working time in [from, to): each local day's work rules minus its breaks, converted day by day so a
 * daylight-saving change shifts nothing — 09:00 stays 09:00 local on the Sunday the clocks change.
 */
export function workingIntervals(rules: HoursRule[], tz: string, from: number, to: number): Interval[] {
  const work: Interval[] = [];
  const breaks: Interval[] = [];
  const lastDay = localDayOf(tz, to - 1);
  for (let day = localDayOf(tz, from); day <= lastDay; day++) {
    for (const r of rules) {
      if (!ruleAppliesOn(r, day)) continue;
      const span: Interval = [wallClockToInstant(tz, day, r.startMinute), wallClockToInstant(tz, day, r.endMinute)];
      (r.kind === 'work' ? work : breaks).push(span);
    }
  }
  const clipped = subtractIntervals(mergeIntervals(work), breaks)
    .map(([s, e]): Interval => [Math.max(s, from), Math.min(e, to)])
    .filter(([s, e]) => s < e);
  return clipped;
}

/** Whether [start, end) lies wholly inside working time. */
export function withinWorkingTime(rules: HoursRule[], tz: string, start: number, end: number): boolean {
  return workingIntervals(rules, tz, start, end).some(([s, e]) => s <= start && e >= end);
}

const GRID_MS = 5 * 60_000;

/**
 * Slot starts inside free time: from the start of each free stretch (rounded up to 5 minutes — every
 * zone's offset is a multiple of 5 minutes, so this is also a round local time), one every `duration`.
 */
export function slotsIn(free: Interval[], durationMs: number, limit: number): Interval[] {
  const out: Interval[] = [];
  for (const [s, e] of free) {
    for (let t = Math.ceil(s / GRID_MS) * GRID_MS; t + durationMs <= e; t += durationMs) {
      out.push([t, t + durationMs]);
      if (out.length >= limit) return out;
    }
  }
  return out;
}
