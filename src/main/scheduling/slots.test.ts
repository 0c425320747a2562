// The free-slot finder over a real database: working hours minus breaks, time off, closures and bookings;
// fortnightly patterns; and daylight-saving days in Europe/London giving the same slots as any other day.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestClinic, type TestClinic } from '../testing/test-core';
import { setUpScheduling, type SchedulingFixture } from './test-fixture';

let clinic: TestClinic;
let f: SchedulingFixture;
beforeEach(async () => {
  clinic = await createTestClinic();
  f = await setUpScheduling(clinic);
});
afterEach(() => clinic.close());

const times = (slots: { startsAt: string }[]) => slots.map((s) => s.startsAt.slice(11, 16));
const find = (input: { from: string; until?: string; providerId?: number; durationMinutes?: number; typeId?: number; limit?: number }) =>
  clinic.admin.must('slots.find', { providerId: f.providerId, durationMinutes: 20, limit: 500, ...input });

describe('free slots', () => {
  it('fills working hours around the lunch break (Monday 23 Nov, GMT)', async () => {
    const slots = await find({ from: '2026-11-23T00:00:00Z', until: '2026-11-24T00:00:00Z' });
    expect(slots).toHaveLength(20);
    expect(times(slots).slice(0, 3)).toEqual(['09:00', '09:20', '09:40']);
    expect(times(slots)).toContain('12:00');
    expect(times(slots)).not.toContain('12:20');
    expect(times(slots)[10]).toBe('13:30');
    expect(slots.at(-1)).toMatchObject({ startsAt: '2026-11-23T16:30:00.000Z', endsAt: '2026-11-23T16:50:00.000Z', providerName: 'Dr Amara Okafor' });
  });

  it('skips booked time and starts again right after it; a cancelled booking gives the time back', async () => {
    const r = await clinic.admin.must('appointments.book', { patientId: f.patientId, providerId: f.providerId, startsAt: '2026-11-23T09:10:00Z', endsAt: '2026-11-23T09:45:00Z' });
    expect(times(await find({ from: '2026-11-23T00:00:00Z', limit: 3 }))).toEqual(['09:45', '10:05', '10:25']);
    await clinic.admin.must('appointments.cancel', { id: r.appointment.id, reason: 'Patient unwell' });
    expect(times(await find({ from: '2026-11-23T00:00:00Z', limit: 3 }))).toEqual(['09:00', '09:20', '09:40']);
  });

  it('leaves out the provider’s time off and clinic-wide closures', async () => {
    await clinic.admin.must('timeOff.create', { providerId: f.providerId, startsAt: '2026-11-23T13:00:00Z', endsAt: '2026-11-24T00:00:00Z', reason: 'Dentist' });
    const monday = await find({ from: '2026-11-23T00:00:00Z', until: '2026-11-24T00:00:00Z' });
    expect(times(monday).at(-1)).toBe('12:00');
    await clinic.admin.must('timeOff.create', { providerId: null, startsAt: '2026-11-24T00:00:00Z', endsAt: '2026-11-25T00:00:00Z', reason: 'Bank holiday' });
    expect(await find({ from: '2026-11-24T00:00:00Z', until: '2026-11-25T00:00:00Z' })).toEqual([]);
    // The other doctor is closed that day too, but not on the Monday afternoon.
    expect(await find({ providerId: f.otherProviderId, from: '2026-11-24T00:00:00Z', until: '2026-11-25T00:00:00Z' })).toEqual([]);
    expect(await find({ providerId: f.otherProviderId, from: '2026-11-23T14:00:00Z', until: '2026-11-23T15:00:00Z' })).toHaveLength(3);
  });

  it('follows a fortnightly pattern from its anchor week', async () => {
    await clinic.admin.must('providers.hoursSet', { providerId: f.providerId, rows: [{ weekday: 6, start: '10:00', end: '11:00', everyWeeks: 2, anchorDate: '2026-11-25' }] });
    const slots = await find({ from: '2026-11-23T00:00:00Z', until: '2026-12-21T00:00:00Z' });
    const days = [...new Set(slots.map((s) => s.startsAt.slice(0, 10)))];
    expect(days).toEqual(['2026-11-28', '2026-12-12']);
  });

  it('respects effective-from / until dates', async () => {
    await clinic.admin.must('providers.hoursSet', { providerId: f.providerId, rows: [{ weekday: 1, start: '09:00', end: '10:00', effectiveFrom: '2026-11-30', effectiveUntil: '2026-12-07' }] });
    const slots = await find({ from: '2026-11-23T00:00:00Z', until: '2026-12-20T00:00:00Z' });
    expect([...new Set(slots.map((s) => s.startsAt.slice(0, 10)))]).toEqual(['2026-11-30', '2026-12-07']);
  });

  it('uses the type’s duration, or the provider’s own for that type', async () => {
    await clinic.admin.must('appointmentTypes.setOverride', { providerId: f.providerId, typeId: f.typeId, durationMinutes: 30, fee: null });
    const mine = await clinic.admin.must('slots.find', { providerId: f.providerId, typeId: f.typeId, from: '2026-11-23T00:00:00Z', limit: 2 });
    expect(times(mine)).toEqual(['09:00', '09:30']);
    const theirs = await clinic.admin.must('slots.find', { providerId: f.otherProviderId, typeId: f.typeId, from: '2026-11-23T00:00:00Z', limit: 2 });
    expect(times(theirs)).toEqual(['09:00', '09:20']);
  });

  it('starts on a round time when searching from now', async () => {
    expect(times(await find({ from: '2026-11-23T09:07:31Z', limit: 2 }))).toEqual(['09:10', '09:30']);
  });

  it('finds the first available slot with anyone', async () => {
    await clinic.admin.must('appointments.book', { patientId: f.patientId, providerId: f.providerId, startsAt: '2026-11-23T09:00:00Z', endsAt: '2026-11-23T09:20:00Z' });
    const [first] = await clinic.admin.must('slots.find', { durationMinutes: 20, from: '2026-11-23T00:00:00Z', limit: 1 });
    expect(first).toMatchObject({ providerName: 'Dr Ben Hughes', startsAt: '2026-11-23T09:00:00.000Z' });
    const both = await clinic.admin.must('slots.find', { durationMinutes: 20, from: '2026-11-23T00:00:00Z', limit: 3 });
    expect(both.map((s) => [s.providerName, s.startsAt.slice(11, 16)])).toEqual([
      ['Dr Ben Hughes', '09:00'],
      ['Dr Amara Okafor', '09:20'],
      ['Dr Ben Hughes', '09:20'],
    ]);
  });

  it('skips inactive doctors and refuses to search one', async () => {
    await clinic.admin.must('providers.update', { id: f.otherProviderId, fields: { name: 'Dr Ben Hughes', color: '#b0532a', active: false } });
    const any = await clinic.admin.must('slots.find', { durationMinutes: 20, from: '2026-11-23T00:00:00Z', limit: 5 });
    expect(new Set(any.map((s) => s.providerId))).toEqual(new Set([f.providerId]));
    const r = await clinic.admin.call('slots.find', { providerId: f.otherProviderId, durationMinutes: 20, from: '2026-11-23T00:00:00Z' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { providerId: expect.stringContaining('no longer takes appointments') } } });
  });
});

describe('daylight-saving days (Europe/London)', () => {
  const sundayMorning = [{ weekday: 7, start: '09:00', end: '12:00' }];
  // From Saturday noon: local midnight on a summer Sunday is 23:00 UTC the day before.
  const sunday = (date: string) => find({ from: new Date(Date.parse(`${date}T12:00:00Z`) - 86_400_000).toISOString(), until: `${date}T23:00:00Z` });

  beforeEach(async () => {
    await clinic.admin.must('providers.hoursSet', { providerId: f.providerId, rows: sundayMorning });
  });

  it('spring-forward Sunday 29 March 2026 has the same nine 09:00–12:00 slots as any Sunday, at 09:00 BST', async () => {
    const before = await sunday('2026-03-22');
    const change = await sunday('2026-03-29');
    const after = await sunday('2026-04-05');
    expect(before).toHaveLength(9);
    expect(change).toHaveLength(9);
    expect(after).toHaveLength(9);
    expect(before[0]!.startsAt).toBe('2026-03-22T09:00:00.000Z'); // GMT
    expect(change[0]!.startsAt).toBe('2026-03-29T08:00:00.000Z'); // 09:00 BST
    expect(change.at(-1)!.endsAt).toBe('2026-03-29T11:00:00.000Z'); // 12:00 BST
  });

  it('fall-back Sunday 25 October 2026 has the same nine slots, at 09:00 GMT', async () => {
    const before = await sunday('2026-10-18');
    const change = await sunday('2026-10-25');
    expect(before).toHaveLength(9);
    expect(change).toHaveLength(9);
    expect(before[0]!.startsAt).toBe('2026-10-18T08:00:00.000Z'); // 09:00 BST
    expect(change[0]!.startsAt).toBe('2026-10-25T09:00:00.000Z'); // 09:00 GMT
  });

  it('hours across the change itself give real time only: no missing or doubled slots', async () => {
    await clinic.admin.must('providers.hoursSet', { providerId: f.providerId, rows: [{ weekday: 7, start: '00:00', end: '04:00' }] });
    const spring = await sunday('2026-03-29'); // 00:00–04:00 local is 3 real hours
    const autumn = await sunday('2026-10-25'); // … and 5 real hours
    expect(spring).toHaveLength(9);
    expect(autumn).toHaveLength(15);
    for (const list of [spring, autumn]) {
      const starts = list.map((s) => Date.parse(s.startsAt));
      expect(new Set(starts).size).toBe(starts.length);
      starts.slice(1).forEach((t, i) => expect(t - starts[i]!).toBe(20 * 60_000));
    }
  });

  it('a weekly series keeps its local time across the change', async () => {
    const preview = await clinic.admin.must('appointments.previewSeries', {
      patientId: f.patientId,
      providerId: f.providerId,
      startsAt: '2026-03-22T09:00:00Z',
      endsAt: '2026-03-22T09:20:00Z',
      repeat: { everyWeeks: 1, count: 3 },
    });
    expect(preview.occurrences.map((o) => o.startsAt)).toEqual(['2026-03-22T09:00:00.000Z', '2026-03-29T08:00:00.000Z', '2026-04-05T08:00:00.000Z']);
  });
});
