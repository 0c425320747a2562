// Booking rules over a real migrated database: touching is fine, overlaps are refused (by the service and by
// the database trigger), cancelled appointments free their slot, overrides are explicit and recorded.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotDatabase } from '../testing/db-snapshot';
import { createTestClinic, type TestClinic } from '../testing/test-core';
import { onAppointmentChange, type AppointmentChange } from './events';
import { setUpScheduling, type SchedulingFixture } from './test-fixture';

let clinic: TestClinic;
let f: SchedulingFixture;
beforeEach(async () => {
  clinic = await createTestClinic();
  f = await setUpScheduling(clinic);
});
afterEach(() => clinic.close());

const book = (startsAt: string, endsAt: string, extra: Record<string, unknown> = {}) =>
  clinic.admin.call('appointments.book', { patientId: f.patientId, providerId: f.providerId, startsAt, endsAt, ...extra });

describe('booking', () => {
  it('fills in the type’s duration, fee and mode, and the clinic’s currency', async () => {
    const r = await clinic.admin.must('appointments.book', { patientId: f.patientId, providerId: f.providerId, typeId: f.typeId, startsAt: '2026-11-23T10:00:00Z' });
    expect(r.appointment).toMatchObject({ endsAt: '2026-11-23T10:20:00.000Z', fee: 6000, currency: 'GBP', mode: 'in_person', status: 'booked' });
    expect(r.warnings).toEqual([]);
  });

  it('uses the provider’s own duration and fee for a type when set', async () => {
    await clinic.admin.must('appointmentTypes.setOverride', { providerId: f.providerId, typeId: f.typeId, durationMinutes: 30, fee: 7500 });
    const r = await clinic.admin.must('appointments.book', { patientId: f.patientId, providerId: f.providerId, typeId: f.typeId, startsAt: '2026-11-23T10:00:00Z' });
    expect(r.appointment).toMatchObject({ endsAt: '2026-11-23T10:30:00.000Z', fee: 7500 });
  });

  it('accepts touching appointments and refuses overlapping ones, naming the clashing time', async () => {
    expect((await book('2026-11-23T10:00:00Z', '2026-11-23T10:20:00Z')).ok).toBe(true);
    expect((await book('2026-11-23T10:20:00Z', '2026-11-23T10:40:00Z')).ok).toBe(true);
    expect((await book('2026-11-23T09:40:00Z', '2026-11-23T10:00:00Z')).ok).toBe(true);
    const before = snapshotDatabase(clinic.core.db.$client);
    const r = await book('2026-11-23T10:10:00Z', '2026-11-23T10:30:00Z');
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!r.ok) expect(r.error.message).toContain('Dr Amara Okafor already has an appointment Mon 23 Nov 2026, 10:00–10:20');
    expect(snapshotDatabase(clinic.core.db.$client)).toEqual(before);
  });

  it('names every clash in one refusal: each overlapping appointment and the doctor’s time off, with the field', async () => {
    await book('2026-11-23T10:00:00Z', '2026-11-23T10:20:00Z');
    await book('2026-11-23T10:20:00Z', '2026-11-23T10:40:00Z');
    const overlapping = await book('2026-11-23T10:10:00Z', '2026-11-23T10:30:00Z');
    expect(overlapping).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const both = 'Dr Amara Okafor already has an appointment Mon 23 Nov 2026, 10:00–10:20. Dr Amara Okafor already has an appointment Mon 23 Nov 2026, 10:20–10:40.';
    if (!overlapping.ok) expect(overlapping.error).toMatchObject({ message: `${both} Choose another time.`, fields: { startsAt: `${both} Choose another time.` } });

    await clinic.admin.must('timeOff.create', { providerId: f.providerId, startsAt: '2026-11-23T10:30:00Z', endsAt: '2026-11-23T12:00:00Z', reason: 'Training' });
    const away = await book('2026-11-23T10:30:00Z', '2026-11-23T11:00:00Z');
    if (away.ok) throw new Error('booked into time off');
    expect(away.error.message).toBe('Dr Amara Okafor already has an appointment Mon 23 Nov 2026, 10:20–10:40. Dr Amara Okafor is away Mon 23 Nov 2026, 10:30–12:00 (Training). Choose another time.');
  });

  it('lets another provider take the same time', async () => {
    await book('2026-11-23T10:00:00Z', '2026-11-23T10:20:00Z');
    const r = await clinic.admin.call('appointments.book', { patientId: f.otherPatientId, providerId: f.otherProviderId, startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T10:20:00Z' });
    expect(r.ok).toBe(true);
  });

  it('frees the slot when an appointment is cancelled or a no-show', async () => {
    const first = await clinic.admin.must('appointments.book', { patientId: f.patientId, providerId: f.providerId, startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T10:20:00Z' });
    await clinic.admin.must('appointments.cancel', { id: first.appointment.id, reason: 'Called to cancel' });
    const second = await book('2026-11-23T10:00:00Z', '2026-11-23T10:20:00Z');
    expect(second.ok).toBe(true);
    const row = await clinic.admin.must('appointments.get', { id: first.appointment.id });
    expect(row).toMatchObject({ status: 'cancelled', cancelReason: 'Called to cancel', cancelledBy: 1 });
  });

  it('warns (does not refuse) when the patient already has an overlapping appointment with someone else', async () => {
    await book('2026-11-23T10:00:00Z', '2026-11-23T10:20:00Z');
    const r = await clinic.admin.must('appointments.book', { patientId: f.patientId, providerId: f.otherProviderId, startsAt: '2026-11-23T10:10:00Z', endsAt: '2026-11-23T10:30:00Z' });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ kind: 'patient_overlap' });
    expect(r.warnings[0]!.message).toContain('Dr Amara Okafor');
  });

  it('warns when booked outside the doctor’s working hours', async () => {
    const r = await clinic.admin.must('appointments.book', { patientId: f.patientId, providerId: f.providerId, startsAt: '2026-11-23T17:00:00Z', endsAt: '2026-11-23T17:20:00Z' });
    expect(r.warnings.map((w) => w.kind)).toEqual(['outside_working_hours']);
  });

  it('refuses a booking inside the doctor’s time off or a clinic closure', async () => {
    await clinic.admin.must('timeOff.create', { providerId: f.providerId, startsAt: '2026-11-23T00:00:00Z', endsAt: '2026-11-24T00:00:00Z', reason: 'Holiday' });
    await clinic.admin.must('timeOff.create', { providerId: null, startsAt: '2026-11-25T00:00:00Z', endsAt: '2026-11-26T00:00:00Z', reason: 'Staff training' });
    const away = await book('2026-11-23T10:00:00Z', '2026-11-23T10:20:00Z');
    expect(away).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('is away') } });
    const closed = await book('2026-11-25T10:00:00Z', '2026-11-25T10:20:00Z');
    expect(closed).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('The clinic is closed') } });
  });

  it('lets an administrator override deliberately, and records it in history and audit', async () => {
    await book('2026-11-23T10:00:00Z', '2026-11-23T10:20:00Z');
    const r = await clinic.admin.must('appointments.book', {
      patientId: f.otherPatientId,
      providerId: f.providerId,
      startsAt: '2026-11-23T10:00:00Z',
      endsAt: '2026-11-23T10:20:00Z',
      overrideDoubleBooking: true,
    });
    expect(r.appointment).toMatchObject({ overrideDoubleBooking: true, overrideBy: 1 });
    const detail = await clinic.admin.must('appointments.get', { id: r.appointment.id });
    expect(detail.history[0]).toMatchObject({ action: 'booked', byName: 'Ada Admin' });
    expect(detail.history[0]!.changes.overrideDoubleBooking).toEqual([null, true]);
    const audit = await clinic.admin.must('audit.list', { entity: 'appointment', entityId: r.appointment.id });
    expect(audit.rows.map((a) => a.action).sort()).toEqual(['create', 'double-book-override', 'view']);
  });

  it('keeps the check-in steps working next to a deliberately double-booked appointment', async () => {
    const first = await clinic.admin.must('appointments.book', { patientId: f.patientId, providerId: f.providerId, startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T10:20:00Z' });
    await clinic.admin.must('appointments.book', { patientId: f.otherPatientId, providerId: f.providerId, startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T10:20:00Z', overrideDoubleBooking: true });
    await clinic.admin.must('appointments.setStatus', { id: first.appointment.id, status: 'confirmed' });
    await clinic.admin.must('appointments.setStatus', { id: first.appointment.id, status: 'arrived' });
    // Moving it within the overlap is a new double-booking, though: refused without an override.
    const moved = await clinic.admin.call('appointments.reschedule', { id: first.appointment.id, startsAt: '2026-11-23T10:05:00Z' });
    expect(moved).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('lets an administrator book into time off deliberately, on the record', async () => {
    await clinic.admin.must('timeOff.create', { providerId: f.providerId, startsAt: '2026-11-23T00:00:00Z', endsAt: '2026-11-24T00:00:00Z', reason: 'Conference' });
    const r = await clinic.admin.must('appointments.book', { patientId: f.patientId, providerId: f.providerId, startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T10:20:00Z', overrideDoubleBooking: true });
    expect(r.appointment).toMatchObject({ overrideDoubleBooking: true, overrideBy: 1 });
  });

  it('does not let a receptionist override', async () => {
    const desk = await clinic.signedIn('receptionist');
    await book('2026-11-23T10:00:00Z', '2026-11-23T10:20:00Z');
    const r = await desk.call('appointments.book', { patientId: f.otherPatientId, providerId: f.providerId, startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T10:20:00Z', overrideDoubleBooking: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('writes a history entry and an audit entry, and tells listeners inside the transaction', async () => {
    const heard: AppointmentChange[] = [];
    const stop = onAppointmentChange((_tx, change) => heard.push(change));
    try {
      const r = await clinic.admin.must('appointments.book', { patientId: f.patientId, providerId: f.providerId, typeId: f.typeId, startsAt: '2026-11-23T10:00:00Z' });
      const id = r.appointment.id;
      await clinic.admin.must('appointments.update', { id, fee: 4000, notes: 'Bring inhaler' });
      await clinic.admin.must('appointments.reschedule', { id, startsAt: '2026-11-23T11:00:00Z' });
      const detail = await clinic.admin.must('appointments.get', { id });
      expect(detail.history.map((h) => h.action)).toEqual(['booked', 'updated', 'rescheduled']);
      // Free text is named, never copied: history holds no clinical details.
      expect(detail.history[1]!.changes).toEqual({ fee: [6000, 4000], notes: [null, null] });
      expect(detail.history[2]!.changes).toEqual({ startsAt: ['2026-11-23T10:00:00.000Z', '2026-11-23T11:00:00.000Z'], endsAt: ['2026-11-23T10:20:00.000Z', '2026-11-23T11:20:00.000Z'] });
      expect(heard).toEqual([
        { type: 'booked', appointmentId: id, isNew: true },
        { type: 'updated', appointmentId: id, feeChanged: true, timeChanged: false },
        { type: 'updated', appointmentId: id, feeChanged: false, timeChanged: true },
      ]);
      const audit = await clinic.admin.must('audit.list', { entity: 'appointment', entityId: id });
      expect(audit.rows.map((a) => a.action).reverse()).toEqual(['create', 'update', 'reschedule', 'view']);
    } finally {
      stop();
    }
  });

  it('rolls the booking back when a listener fails', async () => {
    const stop = onAppointmentChange(() => {
      throw new Error('listener broke');
    });
    try {
      const before = snapshotDatabase(clinic.core.db.$client);
      const r = await book('2026-11-23T10:00:00Z', '2026-11-23T10:20:00Z');
      expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(snapshotDatabase(clinic.core.db.$client)).toEqual(before);
    } finally {
      stop();
    }
  });

  it('refuses an end before the start and an appointment over 12 hours, naming the field', async () => {
    const backwards = await book('2026-11-23T10:00:00Z', '2026-11-23T09:00:00Z');
    expect(backwards).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { endsAt: 'End must be after start.' } } });
    const long = await book('2026-11-23T06:00:00Z', '2026-11-23T19:00:00Z');
    expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { endsAt: 'An appointment can last at most 12 hours.' } } });
  });
});

describe('the database itself', () => {
  const insert = (start: number, end: number, override = 0) =>
    clinic.core.db.$client
      .prepare(
        `INSERT INTO appointments (patient_id, provider_id, mode, starts_at, ends_at, currency, override_double_booking, created_at, updated_at)
         VALUES (?, ?, 'in_person', ?, ?, 'GBP', ?, 0, 0)`,
      )
      .run(f.patientId, f.providerId, start, end, override);

  it('refuses a raw INSERT that overlaps, accepts touching rows and explicit overrides', () => {
    insert(1_000_000, 2_000_000);
    expect(() => insert(1_500_000, 2_500_000)).toThrow('double_booking');
    expect(() => insert(500_000, 1_000_001)).toThrow('double_booking');
    expect(() => insert(2_000_000, 3_000_000)).not.toThrow();
    expect(() => insert(1_500_000, 2_500_000, 1)).not.toThrow();
  });

  it('refuses a raw UPDATE that moves onto another appointment or revives a cancelled one over it', () => {
    insert(1_000_000, 2_000_000);
    const second = Number(insert(3_000_000, 4_000_000).lastInsertRowid);
    const db = clinic.core.db.$client;
    expect(() => db.prepare('UPDATE appointments SET starts_at = 1500000, ends_at = 2500000 WHERE id = ?').run(second)).toThrow('double_booking');
    db.prepare("UPDATE appointments SET status = 'cancelled' WHERE id = ?").run(second);
    db.prepare('UPDATE appointments SET starts_at = 1500000, ends_at = 2500000 WHERE id = ?').run(second);
    expect(() => db.prepare("UPDATE appointments SET status = 'booked' WHERE id = ?").run(second)).toThrow('double_booking');
  });

  it('refuses appointments longer than 12 hours (the bound the overlap check relies on)', () => {
    expect(() => insert(0, 12 * 3_600_000 + 1)).toThrow(/CHECK constraint failed/);
  });

  it('checks overlaps with one bounded index range, never the provider’s whole history', () => {
    const plan = clinic.core.db.$client
      .prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM appointments a WHERE a.provider_id = ? AND a.starts_at > ? AND a.starts_at < ? AND a.ends_at > ? AND a.status NOT IN ('cancelled', 'no_show')`)
      .all(1, 0, 0, 0) as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toContain('USING INDEX appointments_provider_start (provider_id=? AND starts_at>? AND starts_at<?)');
  });
});
