// The keyboard's way into the day book: the next patient expected, skipping finished, cancelled and no-show visits.
import { describe, expect, it } from 'vitest';
import type { CalendarAppointment } from '../../../shared/scheduling-appointments';
import { deskOrder, nextExpected } from './entry-block';

const visit = (id: number, start: string, minutes: number, status: CalendarAppointment['status'] = 'booked', providerId = 1): CalendarAppointment => ({
  id, patientName: `Patient ${id}`, providerId, typeName: 'Consultation', mode: 'in_person', status, arrivedAt: null, payment: 'none',
  startsAt: `2026-11-18T${start}:00.000Z`, endsAt: new Date(Date.parse(`2026-11-18T${start}:00.000Z`) + minutes * 60_000).toISOString(),
});

describe('next expected block', () => {
  const day = deskOrder([visit(4, '10:20', 20, 'booked', 2), visit(1, '09:00', 20, 'completed'), visit(2, '09:45', 10, 'cancelled'), visit(3, '09:50', 20), visit(5, '10:20', 15)]);
  it('walks by start, then by doctor', () => {
    expect(day.map((a) => a.id)).toEqual([1, 2, 3, 5, 4]);
  });
  it('starts at the visit under way or next to come, never a finished or cancelled one', () => {
    expect(nextExpected(day, Date.parse('2026-11-18T10:05:00Z'))?.id).toBe(3);
    expect(nextExpected(day, Date.parse('2026-11-18T10:11:00Z'))?.id).toBe(5);
  });
  it('on a day that is over, starts at its first block; an empty day has none', () => {
    expect(nextExpected(day, Date.parse('2026-11-19T08:00:00Z'))?.id).toBe(1);
    expect(nextExpected([], Date.now())).toBeNull();
  });
});
