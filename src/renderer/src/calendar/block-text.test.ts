// A block's state in words: waiting time thresholds, and the badges that arrive with extra range fields.
import { describe, expect, it } from 'vitest';
import type { CalendarAppointment } from '../../../shared/scheduling-appointments';
import { blockBadges, blockLabel, waitingTone, type BlockAppointment } from './block-text';

const base: CalendarAppointment = {
  id: 1, patientName: 'Ada Lovelace', providerId: 3, typeName: 'Consultation', mode: 'in_person',
  startsAt: '2026-11-18T10:00:00Z', endsAt: '2026-11-18T10:20:00Z', status: 'booked',
  arrivedAt: null, payment: 'none',
};
const at = Date.parse('2026-11-18T10:15:00Z');

describe('block text', () => {
  it('turns amber after 10 minutes of waiting and red after 20', () => {
    expect([waitingTone(10), waitingTone(11), waitingTone(21)]).toEqual(['ok', 'amber', 'red']);
    const arrived = { ...base, status: 'arrived' as const, arrivedAt: '2026-11-18T10:03:00Z' };
    expect(blockBadges(arrived, at)[0]).toMatchObject({ text: 'Waiting 12 min', short: '12 min', tone: 'amber' });
    expect(blockLabel(arrived, 'Europe/London', at)).toBe('10:00 to 10:20, Ada Lovelace, Consultation, Arrived, waiting 12 minutes');
  });
  it('badges payment, allergy and a first visit in words when the range carries them', () => {
    const richer: BlockAppointment = { ...base, payment: 'unpaid', hasAllergies: true, firstVisit: true, mode: 'video' };
    expect(blockBadges(richer, at).map((b) => b.text)).toEqual(['Allergy', 'New patient', 'Video', 'Unpaid']);
    expect(blockBadges({ ...base, payment: 'none' }, at)).toEqual([]);
  });
});
