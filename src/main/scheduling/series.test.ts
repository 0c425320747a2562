// Recurring appointments: every clash of every occurrence is listed before anything is saved;
// "this one" and "this and following" for moving and cancelling.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotDatabase } from '../testing/db-snapshot';
import { createTestClinic, type TestClinic } from '../testing/test-core';
import { setUpScheduling, type SchedulingFixture } from './test-fixture';

let clinic: TestClinic;
let f: SchedulingFixture;
beforeEach(async () => {
  clinic = await createTestClinic();
  f = await setUpScheduling(clinic);
});
afterEach(() => clinic.close());

const weekly = (repeat: { everyWeeks: number; count?: number; until?: string }) => ({
  patientId: f.patientId,
  providerId: f.providerId,
  startsAt: '2026-11-23T10:00:00Z',
  endsAt: '2026-11-23T10:20:00Z',
  repeat,
});

describe('recurring appointments', () => {
  it('books every N weeks for a count, or until a date (inclusive)', async () => {
    const byCount = await clinic.admin.must('appointments.book', weekly({ everyWeeks: 2, count: 4 }));
    expect(byCount.changed.map((a) => a.startsAt.slice(0, 10))).toEqual(['2026-11-23', '2026-12-07', '2026-12-21', '2027-01-04']);
    expect(new Set(byCount.changed.map((a) => a.seriesId)).size).toBe(1);
    expect(byCount.changed.map((a) => a.seriesIndex)).toEqual([0, 1, 2, 3]);
    const byDate = await clinic.admin.must('appointments.book', { ...weekly({ everyWeeks: 1, until: '2026-12-14' }), startsAt: '2026-11-23T11:00:00Z', endsAt: '2026-11-23T11:20:00Z' });
    expect(byDate.changed).toHaveLength(4);
  });

  it('lists every clashing occurrence in the preview, and booking refuses with the list and saves nothing', async () => {
    await clinic.admin.must('appointments.book', { patientId: f.otherPatientId, providerId: f.providerId, startsAt: '2026-12-07T10:10:00Z', endsAt: '2026-12-07T10:30:00Z' });
    await clinic.admin.must('timeOff.create', { providerId: f.providerId, startsAt: '2026-12-21T00:00:00Z', endsAt: '2026-12-22T00:00:00Z', reason: 'Holiday' });
    await clinic.admin.must('timeOff.create', { providerId: null, startsAt: '2027-01-04T00:00:00Z', endsAt: '2027-01-05T00:00:00Z', reason: null });

    const preview = await clinic.admin.must('appointments.previewSeries', weekly({ everyWeeks: 2, count: 5 }));
    expect(preview.clashCount).toBe(3);
    expect(preview.occurrences.map((o) => o.clashes.map((c) => c.kind))).toEqual([[], ['appointment'], ['time_off'], ['closure'], []]);
    expect(preview.occurrences[1]!.clashes[0]!.message).toBe('Dr Amara Okafor already has an appointment Mon 7 Dec 2026, 10:10–10:30.');

    const before = snapshotDatabase(clinic.core.db.$client);
    const r = await clinic.admin.call('appointments.book', weekly({ everyWeeks: 2, count: 5 }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CONFLICT');
    expect(r.error.message).toMatch(/^3 of 5 appointments clash, so none were booked\./);
    expect(r.error.message).toContain('Mon 7 Dec 2026, 10:00–10:20');
    expect(r.error.message).toContain('Mon 21 Dec 2026, 10:00–10:20: Dr Amara Okafor is away');
    expect(r.error.message).toContain('The clinic is closed');
    expect(r.error.fields?.repeat).toBe(r.error.message);
    expect(snapshotDatabase(clinic.core.db.$client)).toEqual(before);
  });

  it('refuses an end date that leaves one appointment and a series longer than 104', async () => {
    const one = await clinic.admin.call('appointments.book', weekly({ everyWeeks: 1, until: '2026-11-25' }));
    expect(one).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'repeat.until': expect.stringContaining('only one appointment') } } });
    const tooMany = await clinic.admin.call('appointments.book', weekly({ everyWeeks: 1, until: '2030-01-01' }));
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'repeat.until': expect.stringContaining('at most 104') } } });
    const both = await clinic.admin.call('appointments.book', weekly({ everyWeeks: 1, count: 3, until: '2027-01-01' }));
    expect(both).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'repeat.count': 'Choose either an end date or a number of appointments.' } } });
  });

  it('moves this and following by the same local shift, leaving earlier ones', async () => {
    const s = await clinic.admin.must('appointments.book', weekly({ everyWeeks: 1, count: 4 }));
    const third = s.changed[2]!;
    // One week later onto the fourth's old slot: the fourth moves first, so nothing overlaps on the way.
    const moved = await clinic.admin.must('appointments.reschedule', { id: s.changed[1]!.id, startsAt: '2026-12-07T10:00:00Z', scope: 'following' });
    expect(moved.changed.map((a) => a.startsAt.slice(0, 10))).toEqual(['2026-12-07', '2026-12-14', '2026-12-21']);
    const stays = await clinic.admin.must('appointments.get', { id: s.changed[0]!.id });
    expect(stays.startsAt).toBe('2026-11-23T10:00:00.000Z');
    expect((await clinic.admin.must('appointments.get', { id: third.id })).startsAt).toBe('2026-12-14T10:00:00.000Z');
    // …and the whole move undoes in one go.
    const undone = await clinic.admin.must('appointments.undo', { entries: moved.undo });
    expect(undone.changed.map((a) => a.startsAt.slice(0, 10)).sort()).toEqual(['2026-11-30', '2026-12-07', '2026-12-14']);
  });

  it('refuses to move following occurrences if any of them would clash, moving none', async () => {
    const s = await clinic.admin.must('appointments.book', weekly({ everyWeeks: 1, count: 3 }));
    await clinic.admin.must('appointments.book', { patientId: f.otherPatientId, providerId: f.providerId, startsAt: '2026-12-07T11:00:00Z', endsAt: '2026-12-07T11:20:00Z' });
    const before = snapshotDatabase(clinic.core.db.$client);
    const r = await clinic.admin.call('appointments.reschedule', { id: s.changed[0]!.id, startsAt: '2026-11-23T11:00:00Z', scope: 'following' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^1 of 3 appointments clash, so none were moved/) } });
    expect(snapshotDatabase(clinic.core.db.$client)).toEqual(before);
  });

  it('cancels this one, or this and following', async () => {
    const s = await clinic.admin.must('appointments.book', weekly({ everyWeeks: 1, count: 4 }));
    const one = await clinic.admin.must('appointments.cancel', { id: s.changed[0]!.id, reason: 'Away that week' });
    expect(one.changed).toHaveLength(1);
    const rest = await clinic.admin.must('appointments.cancel', { id: s.changed[2]!.id, reason: 'Course finished', scope: 'following' });
    expect(rest.changed.map((a) => a.seriesIndex)).toEqual([2, 3]);
    const second = await clinic.admin.must('appointments.get', { id: s.changed[1]!.id });
    expect(second.status).toBe('booked');
  });
});
