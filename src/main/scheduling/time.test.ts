// Wall-clock ↔ instant conversion in the clinic's zone, and the fast ISO formatter, against the runtime's own answers.
import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { dayNumberOf, localDateOf, localMinuteOf, toIso, wallClockToInstant, weekdayOf } from './time';

describe('time', () => {
  it('formats instants exactly like Date#toISOString', () => {
    const samples = [0, 1, 999, 86_399_999, Date.parse('2026-03-29T01:00:00Z'), Date.parse('2026-12-31T23:59:59.5Z'), -1, -86_400_001];
    for (let i = 0; i < 2000; i++) samples.push(Math.floor(Math.sin(i) * 4e12));
    for (const ms of samples) expect(toIso(ms)).toBe(new Date(ms).toISOString());
  });

  it.each(['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'])('agrees with TZDate for every quarter hour of 2026 in %s', (tz) => {
    for (let day = dayNumberOf('2026-01-01'); day <= dayNumberOf('2026-12-31'); day += 3) {
      const d = new Date(day * 86_400_000);
      for (let minute = 0; minute < 1440; minute += 15) {
        const expected = new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), Math.floor(minute / 60), minute % 60, tz).getTime();
        expect(wallClockToInstant(tz, day, minute)).toBe(expected);
      }
    }
  });

  it('reads the local date, weekday and minute of an instant', () => {
    const t = Date.parse('2026-03-29T23:30:00Z'); // 00:30 BST on Monday 30 March
    expect(localDateOf('Europe/London', t)).toBe('2026-03-30');
    expect(localMinuteOf('Europe/London', t)).toBe(30);
    expect(weekdayOf(dayNumberOf('2026-03-30'))).toBe(1);
    expect(weekdayOf(dayNumberOf('2026-03-29'))).toBe(7);
  });
});
