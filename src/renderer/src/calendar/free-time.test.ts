// C's starting slot: the first open, free quarter hour across the doctors on screen.
import { describe, expect, it } from 'vitest';
import type { CalendarAppointment } from '../../../shared/scheduling-appointments';
import { firstFreeQuarter } from './free-time';

const Z = 'Europe/London';
const visit = (providerId: number, start: string, end: string, status: CalendarAppointment['status'] = 'booked'): CalendarAppointment => ({
  id: Math.random(), patientName: 'P', providerId, typeName: null, mode: 'in_person', status, arrivedAt: null, payment: 'none',
  startsAt: `2026-11-18T${start}:00.000Z`, endsAt: `2026-11-18T${end}:00.000Z`,
});
const day = '2026-11-18';
const at = (hhmm: string) => Date.parse(`${day}T${hhmm}:00Z`);
const columns = [
  { providerId: 1, date: day, open: [[9 * 60, 12 * 60]] as [number, number][] },
  { providerId: 2, date: day, open: [[9 * 60, 17 * 60]] as [number, number][] },
];

describe('first free quarter hour', () => {
  it('skips a doctor whose next quarter is taken and takes the next doctor free then', () => {
    const busy = [visit(1, '10:20', '10:35'), visit(2, '09:50', '10:10')];
    expect(firstFreeQuarter(columns, busy, [], at('10:05'), 20, Z)).toEqual({ column: 1, minute: 10 * 60 + 15 });
  });
  it('counts a cancelled visit as free time, and time off and closed hours as not', () => {
    expect(firstFreeQuarter(columns, [visit(1, '10:15', '10:35', 'cancelled')], [], at('10:05'), 20, Z)).toEqual({ column: 0, minute: 10 * 60 + 15 });
    const away = [{ id: 1, providerId: 1, startsAt: '2026-11-18T10:00:00.000Z', endsAt: '2026-11-18T12:00:00.000Z', reason: null }];
    expect(firstFreeQuarter(columns, [], away, at('10:00'), 20, Z)).toEqual({ column: 1, minute: 10 * 60 });
    expect(firstFreeQuarter(columns, [], [], at('16:50'), 20, Z)).toBeNull();
  });
  it('in a week, takes the earliest day first', () => {
    const week = [{ providerId: 1, date: '2026-11-18', open: [[14 * 60, 17 * 60]] as [number, number][] }, { providerId: 1, date: '2026-11-19', open: [[9 * 60, 17 * 60]] as [number, number][] }];
    expect(firstFreeQuarter(week, [], [], at('10:05'), 20, Z)).toEqual({ column: 0, minute: 14 * 60 });
  });
});
