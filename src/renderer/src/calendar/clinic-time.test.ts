// The calendar's wall-clock helpers place blocks by the clinic's clock, including on daylight-saving days.
import { describe, expect, it } from 'vitest';
import { dayOf, instantAt, minuteOf, mondayOf, timeLabel, weekdayOf } from './clinic-time';

describe('clinic time', () => {
  it('turns a local day and minute into the right instant on either side of a clock change', () => {
    expect(new Date(instantAt('2026-03-28', 9 * 60, 'Europe/London')).toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(new Date(instantAt('2026-03-29', 9 * 60, 'Europe/London')).toISOString()).toBe('2026-03-29T08:00:00.000Z');
  });
  it('reads instants back on the clinic clock, not the computer’s', () => {
    expect(dayOf('2026-03-29T23:30:00Z', 'Europe/London')).toBe('2026-03-30');
    expect(minuteOf('2026-03-29T08:00:00Z', 'Europe/London')).toBe(9 * 60);
    expect(timeLabel('2026-07-01T08:05:00Z', 'America/New_York')).toBe('04:05');
  });
  it('knows weekdays and Mondays', () => {
    expect(weekdayOf('2026-11-22')).toBe(7);
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
  });
});
