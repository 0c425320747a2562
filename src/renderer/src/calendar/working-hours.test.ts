// Open spans drawn in the day book: hours minus breaks, fortnightly rules, effective dates.
import { describe, expect, it } from 'vitest';
import type { WorkingHours } from '../../../shared/scheduling';
import { placeBlocks, visibleHours } from './layout';
import { openSpans } from './working-hours';
import type { CalendarAppointment } from '../../../shared/scheduling-appointments';

const rule = (r: Partial<WorkingHours>): WorkingHours => ({ id: 1, providerId: 1, kind: 'work', weekday: 3, start: '09:00', end: '17:00', everyWeeks: 1, anchorDate: '2026-11-16', effectiveFrom: null, effectiveUntil: null, ...r });

describe('open spans', () => {
  it('takes the lunch break out of the working day', () => {
    expect(openSpans([rule({}), rule({ kind: 'break', start: '12:30', end: '13:30' })], '2026-11-18')).toEqual([
      [540, 750],
      [810, 1020],
    ]);
  });
  it('applies a fortnightly rule only in its weeks, and nothing on other weekdays', () => {
    const fortnightly = [rule({ weekday: 6, start: '09:00', end: '12:00', everyWeeks: 2 })];
    expect(openSpans(fortnightly, '2026-11-21')).toEqual([[540, 720]]);
    expect(openSpans(fortnightly, '2026-11-28')).toEqual([]);
    expect(openSpans(fortnightly, '2026-12-05')).toEqual([[540, 720]]);
    expect(openSpans([rule({})], '2026-11-19')).toEqual([]);
  });
  it('respects effective dates', () => {
    expect(openSpans([rule({ effectiveFrom: '2026-11-25' })], '2026-11-18')).toEqual([]);
  });
});

describe('layout', () => {
  it('draws at least 08:00–18:00 and widens to cover early or late hours', () => {
    expect(visibleHours([])).toEqual([480, 1080]);
    expect(visibleHours([[450, 1150]])).toEqual([420, 1200]);
  });
  it('puts overlapping blocks side by side, the active one first', () => {
    const a = (id: number, status: CalendarAppointment['status']) => ({ id, status }) as CalendarAppointment;
    const placed = placeBlocks([
      { appointment: a(1, 'cancelled'), startMinute: 600, endMinute: 620 },
      { appointment: a(2, 'booked'), startMinute: 600, endMinute: 620 },
      { appointment: a(3, 'booked'), startMinute: 620, endMinute: 640 },
    ]);
    expect(placed.map((p) => [p.appointment.id, p.lane, p.lanes])).toEqual([
      [2, 0, 2],
      [1, 1, 2],
      [3, 0, 1],
    ]);
  });
});
