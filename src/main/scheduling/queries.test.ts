// What the calendar, the check-in list and the patient's detail read.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestClinic, type TestClinic } from '../testing/test-core';
import { setUpScheduling, type SchedulingFixture } from './test-fixture';
import { paymentStatesOf } from '../payments/appointment-states';

let clinic: TestClinic;
let f: SchedulingFixture;
beforeEach(async () => {
  clinic = await createTestClinic(); // Fri 20 Nov 2026, 09:00 UTC (= London)
  f = await setUpScheduling(clinic);
});
afterEach(() => clinic.close());

const book = (startsAt: string, endsAt: string, providerId = f.providerId, patientId = f.patientId) =>
  clinic.admin.must('appointments.book', { patientId, providerId, startsAt, endsAt, typeId: f.typeId }).then((r) => r.appointment.id);

describe('appointments.range', () => {
  it('answers the blocks of the chosen doctors with patient name, type, status and flags', async () => {
    await book('2026-11-23T09:00:00Z', '2026-11-23T09:20:00Z');
    const cancelled = await book('2026-11-23T10:00:00Z', '2026-11-23T10:20:00Z');
    await clinic.admin.must('appointments.cancel', { id: cancelled, reason: 'Called' });
    await book('2026-11-23T09:00:00Z', '2026-11-23T09:20:00Z', f.otherProviderId, f.otherPatientId);
    await book('2026-11-30T09:00:00Z', '2026-11-30T09:20:00Z');
    await clinic.admin.must('timeOff.create', { providerId: f.otherProviderId, startsAt: '2026-11-24T00:00:00Z', endsAt: '2026-11-25T00:00:00Z', reason: 'Course' });

    const week = { from: '2026-11-23T00:00:00Z', to: '2026-11-30T00:00:00Z' };
    const mine = await clinic.admin.must('appointments.range', { ...week, providerIds: [f.providerId] });
    expect(mine.appointments).toHaveLength(1);
    expect(mine.appointments[0]).toEqual({
      id: expect.any(Number),
      patientName: 'María García',
      providerId: f.providerId,
      typeName: 'Consultation',
      mode: 'in_person',
      startsAt: '2026-11-23T09:00:00.000Z',
      endsAt: '2026-11-23T09:20:00.000Z',
      status: 'booked',
      arrivedAt: null,
      payment: 'waiting',
      // Yes/no facts only when true: no override, series or notes here.
      firstVisit: true,
      hasAllergies: true,
    });
    expect(mine.timeOff).toEqual([]);
    const all = await clinic.admin.must('appointments.range', { ...week, includeCancelled: true });
    expect(all.appointments.map((a) => a.status)).toEqual(['booked', 'booked', 'cancelled']);
    expect(all.timeOff).toHaveLength(1);
  });

  it('tells each block about allergies, a first visit and its payment state', async () => {
    const first = await book('2026-11-23T09:00:00Z', '2026-11-23T09:20:00Z');
    const second = await book('2026-11-30T09:00:00Z', '2026-11-30T09:20:00Z');
    const cancelledEarlier = await book('2026-11-23T08:00:00Z', '2026-11-23T08:20:00Z', f.providerId, f.otherPatientId);
    await clinic.admin.must('appointments.cancel', { id: cancelledEarlier, reason: 'Called' });
    const otherFirst = await book('2026-11-24T09:00:00Z', '2026-11-24T09:20:00Z', f.providerId, f.otherPatientId);
    const fee = (await clinic.admin.must('appointments.get', { id: second })).fee;
    await clinic.admin.must('payments.recordManual', { appointmentId: second, kind: 'cash', amount: fee });
    const patient = await clinic.admin.must('patients.get', { id: f.patientId });
    await clinic.admin.must('patients.update', { id: f.patientId, fields: { ...patient, allergies: 'Penicillin' }, loadedUpdatedAt: patient.updatedAt });

    const r = await clinic.admin.must('appointments.range', { from: '2026-11-23T00:00:00Z', to: '2026-12-01T00:00:00Z', includeCancelled: true });
    const byId = new Map(r.appointments.map((a) => [a.id, a]));
    expect(byId.get(first)).toMatchObject({ hasAllergies: true });
    expect(byId.get(second)).toMatchObject({ hasAllergies: true, payment: 'paid' });
    expect(byId.get(first)!.payment).not.toBe('paid');
    // Every block knows a first visit (patients.first_visit_at), the week view as well as the patient's page.
    expect([first, second, otherFirst].map((id) => byId.get(id)!.firstVisit === true)).toEqual([true, false, true]);
    const mine = await clinic.admin.must('appointments.forPatient', { patientId: f.patientId });
    expect(mine.upcoming.map((a) => [a.id, a.firstVisit === true])).toEqual([[first, true], [second, false]]);
    // A cancelled appointment does not make a patient a returning one.
    const theirs = await clinic.admin.must('appointments.forPatient', { patientId: f.otherPatientId });
    expect(theirs.upcoming.find((a) => a.id === otherFirst)?.firstVisit).toBe(true);
  });

  it('adds up a block with several payments from the same read, once, as the payments module would', async () => {
    const id = await book('2026-11-23T09:00:00Z', '2026-11-23T09:20:00Z');
    const fee = (await clinic.admin.must('appointments.get', { id })).fee;
    const week = { from: '2026-11-23T00:00:00Z', to: '2026-11-30T00:00:00Z' };
    const blockOf = async () => {
      const r = await clinic.admin.must('appointments.range', week);
      expect(r.appointments.filter((a) => a.id === id)).toHaveLength(1);
      const block = r.appointments.find((a) => a.id === id)!;
      const { fee: owed, status } = await clinic.admin.must('appointments.get', { id });
      expect(block.payment).toBe(paymentStatesOf(clinic.core.db, [{ id, fee: owed, status }]).get(id));
      return block;
    };
    await clinic.admin.must('payments.recordManual', { appointmentId: id, kind: 'cash', amount: Math.floor(fee / 2) });
    expect((await blockOf()).payment).toBe('part_paid');
    await clinic.admin.must('payments.recordManual', { appointmentId: id, kind: 'card_terminal', amount: fee - Math.floor(fee / 2) });
    expect((await blockOf()).payment).toBe('paid');
  });

  it('keeps the first visit right when an earlier visit is booked, cancelled or moved', async () => {
    const week = { from: '2026-11-23T00:00:00Z', to: '2026-12-08T00:00:00Z', includeCancelled: true };
    const firstOf = async () => {
      const r = await clinic.admin.must('appointments.range', { ...week, providerIds: [f.providerId] });
      return r.appointments.filter((a) => a.status !== 'cancelled' && a.firstVisit).map((a) => a.id);
    };
    const later = await book('2026-11-30T09:00:00Z', '2026-11-30T09:20:00Z');
    expect(await firstOf()).toEqual([later]);
    const earlier = await book('2026-11-24T09:00:00Z', '2026-11-24T09:20:00Z');
    expect(await firstOf()).toEqual([earlier]);
    await clinic.admin.must('appointments.reschedule', { id: earlier, startsAt: '2026-12-07T09:00:00Z' });
    expect(await firstOf()).toEqual([later]);
    await clinic.admin.must('appointments.cancel', { id: later, reason: 'Called' });
    expect(await firstOf()).toEqual([earlier]);
    await clinic.admin.must('appointments.cancel', { id: earlier, reason: 'Moved away' });
    expect(await firstOf()).toEqual([]);
  });

  it('shows the patient as they are now: renamed, allergies cleared, merged — and from the patient row without a copy', async () => {
    const week = { from: '2026-11-23T00:00:00Z', to: '2026-11-30T00:00:00Z', includeCancelled: true };
    const mine = await book('2026-11-23T09:00:00Z', '2026-11-23T09:20:00Z');
    const theirs = await book('2026-11-24T09:00:00Z', '2026-11-24T09:20:00Z', f.providerId, f.otherPatientId);
    const blockOf = async (id: number) => (await clinic.admin.must('appointments.range', week)).appointments.find((a) => a.id === id)!;
    // Every appointment carries exactly what its patient's row says (migrations 0024, 0028), which the week view reads.
    const expectKept = () => {
      const sqlite = clinic.core.db.$client;
      const copies = sqlite.prepare('SELECT id, patient_name AS name, patient_allergies AS a, patient_first_visit_at AS v FROM appointments ORDER BY 1').all();
      const expected = sqlite
        .prepare(`SELECT a.id, p.first_name || ' ' || p.last_name AS name, p.allergies IS NOT NULL AS a, p.first_visit_at AS v FROM appointments a JOIN patients p ON p.id = a.patient_id ORDER BY 1`)
        .all();
      expect(copies).toEqual(expected);
    };
    expectKept();

    const patient = await clinic.admin.must('patients.get', { id: f.patientId });
    const renamed = await clinic.admin.must('patients.update', { id: f.patientId, fields: { ...patient, lastName: 'García-Pérez', allergies: 'Latex' }, loadedUpdatedAt: patient.updatedAt });
    expect(await blockOf(mine)).toMatchObject({ patientName: 'María García-Pérez', hasAllergies: true });
    await clinic.admin.must('patients.update', { id: f.patientId, fields: { ...patient, lastName: 'García-Pérez', allergies: null }, loadedUpdatedAt: renamed.updatedAt });
    expect((await blockOf(mine)).hasAllergies).toBeUndefined();
    expectKept();

    await clinic.admin.must('patients.merge', { keepId: f.patientId, mergeId: f.otherPatientId });
    expect(await blockOf(theirs)).toMatchObject({ patientName: 'María García-Pérez' });
    expect((await blockOf(theirs)).firstVisit).toBeUndefined(); // the kept patient came first, on the 23rd
    expectKept();

    // The first visit moves when the first appointment is cancelled: every copy follows.
    await clinic.admin.must('appointments.cancel', { id: mine, reason: 'Called' });
    expect((await blockOf(theirs)).firstVisit).toBe(true);
    expectKept();

    // Without the copies on the rows, the patients row answers.
    clinic.core.db.$client.prepare('UPDATE appointments SET patient_name = NULL, patient_allergies = NULL, patient_first_visit_at = NULL').run();
    expect(await blockOf(mine)).toMatchObject({ patientName: 'María García-Pérez' });
    expect(await blockOf(theirs)).toMatchObject({ patientName: 'María García-Pérez', firstVisit: true });
  });

  it('a series for a patient’s first visits: each occurrence’s copy is the patient’s, and only the first is a first visit', async () => {
    const sqlite = clinic.core.db.$client;
    const series = await clinic.admin.must('appointments.book', {
      patientId: f.otherPatientId,
      providerId: f.providerId,
      startsAt: '2026-11-24T09:00:00Z',
      endsAt: '2026-11-24T09:20:00Z',
      repeat: { everyWeeks: 1, count: 3 },
    });
    const ids = series.changed.map((a) => a.id);
    const copies = sqlite.prepare(`SELECT patient_first_visit_at AS v FROM appointments WHERE patient_id = ? ORDER BY starts_at`).pluck().all(f.otherPatientId);
    expect(copies).toEqual(ids.map(() => Date.parse('2026-11-24T09:00:00Z')));
    // A row inserted without its copy (an import, older code) gets it from the insert trigger.
    sqlite
      .prepare(`INSERT INTO appointments (patient_id, provider_id, mode, starts_at, ends_at, fee, currency, status, created_at, updated_at) VALUES (?, ?, 'in_person', ?, ?, 0, 'GBP', 'booked', 0, 0)`)
      .run(f.otherPatientId, f.otherProviderId, Date.parse('2026-12-20T09:00:00Z'), Date.parse('2026-12-20T09:20:00Z'));
    const r = await clinic.admin.must('appointments.range', { from: '2026-11-23T00:00:00Z', to: '2026-12-21T00:00:00Z' });
    const mine = r.appointments.filter((a) => a.patientName === 'José Fernández');
    expect(mine.map((a) => a.firstVisit === true)).toEqual([true, false, false, false]);
    expect(sqlite.prepare('SELECT COUNT(*) FROM appointments WHERE patient_name IS NULL').pluck().get()).toBe(0);
  });

  it('includes an appointment that started before the range and runs into it', async () => {
    await book('2026-11-23T09:00:00Z', '2026-11-23T11:00:00Z');
    const r = await clinic.admin.must('appointments.range', { from: '2026-11-23T10:00:00Z', to: '2026-11-23T12:00:00Z' });
    expect(r.appointments).toHaveLength(1);
  });
});

describe('appointments.dayCounts', () => {
  it('counts active appointments per local day for the month navigator', async () => {
    await book('2026-11-23T09:00:00Z', '2026-11-23T09:20:00Z');
    await book('2026-11-23T10:00:00Z', '2026-11-23T10:20:00Z', f.otherProviderId, f.otherPatientId);
    const dropped = await book('2026-11-24T09:00:00Z', '2026-11-24T09:20:00Z');
    await clinic.admin.must('appointments.cancel', { id: dropped, reason: 'Called' });
    await book('2026-11-25T23:30:00Z', '2026-11-25T23:50:00Z');
    expect(await clinic.admin.must('appointments.dayCounts', { from: '2026-11-01', to: '2026-11-30' })).toEqual([
      { date: '2026-11-23', count: 2 },
      { date: '2026-11-25', count: 1 },
    ]);
    expect(await clinic.admin.must('appointments.dayCounts', { from: '2026-11-23', to: '2026-11-23', providerIds: [f.otherProviderId] })).toEqual([{ date: '2026-11-23', count: 1 }]);
  });

  it('counts by the clinic’s day: 23:30 UTC on a summer evening is the next day in London', async () => {
    await clinic.admin.must('appointments.book', { patientId: f.patientId, providerId: f.providerId, startsAt: '2026-07-01T23:30:00Z', endsAt: '2026-07-01T23:50:00Z' });
    expect(await clinic.admin.must('appointments.dayCounts', { from: '2026-07-01', to: '2026-07-02' })).toEqual([{ date: '2026-07-02', count: 1 }]);
  });
});

describe('appointments.forPatient', () => {
  it('splits upcoming and past and counts them: total, upcoming, past, no-shows (cancelled listed, not counted)', async () => {
    // Past: completed, no-show, cancelled. Upcoming: two booked.
    await clinic.admin.must('auth.unlock', { password: ADMIN_PASSWORD });
    const done = await book('2026-11-16T09:00:00Z', '2026-11-16T09:20:00Z');
    const missed = await book('2026-11-17T09:00:00Z', '2026-11-17T09:20:00Z');
    const dropped = await book('2026-11-18T09:00:00Z', '2026-11-18T09:20:00Z');
    await clinic.admin.must('appointments.setStatus', { id: done, status: 'arrived' });
    await clinic.admin.must('appointments.setStatus', { id: done, status: 'completed' });
    await clinic.admin.must('appointments.setStatus', { id: missed, status: 'no_show' });
    await clinic.admin.must('appointments.cancel', { id: dropped, reason: 'Called' });
    await book('2026-11-25T09:00:00Z', '2026-11-25T09:20:00Z');
    await book('2026-11-23T09:00:00Z', '2026-11-23T09:20:00Z');
    await book('2026-11-23T09:00:00Z', '2026-11-23T09:20:00Z', f.otherProviderId, f.otherPatientId);

    const r = await clinic.admin.must('appointments.forPatient', { patientId: f.patientId });
    expect(r.counts).toEqual({ total: 4, upcoming: 2, past: 2, noShows: 1, cancelled: 1 });
    expect(r.upcoming.map((a) => a.startsAt.slice(0, 10))).toEqual(['2026-11-23', '2026-11-25']);
    expect(r.past.map((a) => [a.startsAt.slice(0, 10), a.status])).toEqual([
      ['2026-11-18', 'cancelled'],
      ['2026-11-17', 'no_show'],
      ['2026-11-16', 'completed'],
    ]);
  });
});

describe('appointments.today', () => {
  it('lists today’s appointments of every doctor with how long arrived patients have waited', async () => {
    const early = await book('2026-11-20T09:00:00Z', '2026-11-20T09:20:00Z');
    await book('2026-11-20T09:30:00Z', '2026-11-20T09:50:00Z', f.otherProviderId, f.otherPatientId);
    await book('2026-11-21T09:30:00Z', '2026-11-21T09:50:00Z');
    await clinic.admin.must('appointments.setStatus', { id: early, status: 'arrived' }); // at 09:00
    clinic.clock.now = new Date('2026-11-20T09:04:30Z');
    const r = await clinic.admin.must('appointments.today', {});
    expect(r.date).toBe('2026-11-20');
    expect(r.rows.map((x) => [x.providerName, x.status, x.waitingMinutes])).toEqual([
      ['Dr Amara Okafor', 'arrived', 4],
      ['Dr Ben Hughes', 'booked', null],
    ]);
  });

  it('shows another day in the clinic’s time zone', async () => {
    // Sunday 29 March 2026 begins at 00:00 GMT and ends at 23:00 UTC (BST).
    await clinic.admin.must('appointments.book', { patientId: f.patientId, providerId: f.providerId, startsAt: '2026-03-29T22:30:00Z', endsAt: '2026-03-29T22:50:00Z' });
    await clinic.admin.must('appointments.book', { patientId: f.patientId, providerId: f.providerId, startsAt: '2026-03-29T23:10:00Z', endsAt: '2026-03-29T23:30:00Z' });
    const r = await clinic.admin.must('appointments.today', { date: '2026-03-29' });
    expect(r.rows.map((x) => x.startsAt)).toEqual(['2026-03-29T22:30:00.000Z']);
  });
});

describe('appointments.get', () => {
  it('answers the detail with names, history and the next possible statuses', async () => {
    const id = await book('2026-11-23T09:00:00Z', '2026-11-23T09:20:00Z');
    const d = await clinic.admin.must('appointments.get', { id });
    expect(d).toMatchObject({ patientName: 'María García', providerName: 'Dr Amara Okafor', typeName: 'Consultation', nextStatuses: ['confirmed', 'arrived', 'cancelled', 'no_show'] });
    expect(d.history).toHaveLength(1);
  });

  it('is NOT_FOUND for an unknown id', async () => {
    expect(await clinic.admin.call('appointments.get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
