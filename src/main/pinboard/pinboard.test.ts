// The pinboard through the real dispatcher: pins survive reopening the database, stay per desk user, come off when
// the appointment is placed or can no longer move, and placing goes through reschedule's own clash checks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestClinic, openTestCore, SAMPLE_PATIENT, type TestClinic } from '../testing/test-core';
import { setUpScheduling, type SchedulingFixture } from '../scheduling/test-fixture';

let clinic: TestClinic;
let f: SchedulingFixture;
let apptId: number;
const MONDAY_9 = '2026-11-23T09:00:00.000Z';
const MONDAY_920 = '2026-11-23T09:20:00.000Z';
const WEDNESDAY_10 = '2026-11-25T10:00:00.000Z';

const pinCount = () => (clinic.core.db.$client.prepare('SELECT count(*) AS n FROM pinned_appointments').get() as { n: number }).n;
const auditOf = (action: string) => clinic.core.db.$client.prepare('SELECT entity, entity_id AS entityId FROM audit_log WHERE action = ?').all(action);
const auditBy = (action: string) => clinic.core.db.$client.prepare('SELECT user_id AS userId, entity_id AS entityId FROM audit_log WHERE action = ? ORDER BY id').all(action);
const staffId = (username: string) => (clinic.core.db.$client.prepare('SELECT id FROM staff WHERE username = ?').get(username) as { id: number }).id;

beforeEach(async () => {
  clinic = await createTestClinic();
  f = await setUpScheduling(clinic);
  const booked = await clinic.admin.must('appointments.book', { patientId: f.patientId, providerId: f.providerId, typeId: f.typeId, startsAt: MONDAY_9 });
  apptId = booked.appointment.id;
});
afterEach(() => clinic.close());

describe('pinboard', () => {
  it('pins an appointment without moving it, lists it as a card, and audits ids only', async () => {
    const jobsBefore = clinic.core.db.$client.prepare('SELECT count(*) AS n, max(revision) AS r FROM jobs').get();
    const card = await clinic.admin.must('pinboard.pin', { appointmentId: apptId });
    // Nothing reaches the patient (no queued work, no history entry) until the appointment lands somewhere new.
    expect(clinic.core.db.$client.prepare('SELECT count(*) AS n, max(revision) AS r FROM jobs').get()).toEqual(jobsBefore);
    expect((await clinic.admin.must('appointments.get', { id: apptId })).history).toHaveLength(1);
    expect(card).toMatchObject({ appointmentId: apptId, patientName: 'María García', providerName: 'Dr Amara Okafor', typeName: 'Consultation', startsAt: MONDAY_9, endsAt: MONDAY_920, status: 'booked' });
    expect(await clinic.admin.must('pinboard.list', {})).toEqual([card]);
    // Still booked at its old time: nothing is sent and nobody else can take the slot.
    const detail = await clinic.admin.must('appointments.get', { id: apptId });
    expect(detail).toMatchObject({ startsAt: MONDAY_9, status: 'booked' });
    expect(auditOf('pin')).toEqual([{ entity: 'appointment', entityId: apptId }]);
  });

  it('pinning twice keeps one card and one audit entry', async () => {
    await clinic.admin.must('pinboard.pin', { appointmentId: apptId });
    await clinic.admin.must('pinboard.pin', { appointmentId: apptId });
    expect(await clinic.admin.must('pinboard.list', {})).toHaveLength(1);
    expect(auditOf('pin')).toHaveLength(1);
  });

  it('survives closing and reopening the database: after signing in again the card is still there', async () => {
    const card = await clinic.admin.must('pinboard.pin', { appointmentId: apptId });
    clinic.core.close();
    const reopened = openTestCore(clinic.dataDir, clinic.clock);
    try {
      const caller = { senderId: 'after-restart', trusted: true };
      expect(await reopened.dispatch('auth.signIn', { username: 'admin', password: ADMIN_PASSWORD }, caller)).toMatchObject({ ok: true });
      expect(await reopened.dispatch('pinboard.list', {}, caller)).toEqual({ ok: true, data: [card] });
    } finally {
      reopened.close();
    }
  });

  it('is per desk user: another receptionist sees an empty board and cannot take or drop the pin', async () => {
    const other = await clinic.signedIn('receptionist', 'rita');
    await clinic.admin.must('pinboard.pin', { appointmentId: apptId });
    expect(await other.must('pinboard.list', {})).toEqual([]);
    expect(await other.call('pinboard.pin', { appointmentId: apptId })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Ada Admin has already pinned') } });
    expect(await other.call('pinboard.unpin', { appointmentId: apptId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(pinCount()).toBe(1);
  });

  it('a pin held by a deactivated colleague counts as free: a new pin takes it over, off their board', async () => {
    const rita = await clinic.signedIn('receptionist', 'rita');
    const sam = await clinic.signedIn('receptionist', 'sam');
    await rita.must('pinboard.pin', { appointmentId: apptId });
    // While Rita is active her pin is hers: Sam is told whom to ask.
    expect(await sam.call('pinboard.pin', { appointmentId: apptId })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Test receptionist has already pinned') } });
    await clinic.admin.must('staff.update', { id: staffId('rita'), active: false });

    expect(await sam.must('pinboard.pin', { appointmentId: apptId })).toMatchObject({ appointmentId: apptId, startsAt: MONDAY_9 });
    expect(await sam.must('pinboard.list', {})).toMatchObject([{ appointmentId: apptId }]);
    expect(pinCount()).toBe(1);
    expect(auditBy('pin')).toEqual([
      { userId: staffId('rita'), entityId: apptId },
      { userId: staffId('sam'), entityId: apptId },
    ]);
    // Back at work, Rita finds her board without it: Sam is moving it now.
    await clinic.admin.must('staff.update', { id: staffId('rita'), active: true });
    const ritaAgain = clinic.desk('rita-again');
    await ritaAgain.must('auth.signIn', { username: 'rita', password: ADMIN_PASSWORD });
    expect(await ritaAgain.must('pinboard.list', {})).toEqual([]);
  });

  it('a pin held by a deactivated colleague, or by a staff id that no longer exists, can be unpinned by anyone who may pin', async () => {
    const rita = await clinic.signedIn('receptionist', 'rita');
    const sam = await clinic.signedIn('receptionist', 'sam');
    await rita.must('pinboard.pin', { appointmentId: apptId });
    await clinic.admin.must('staff.update', { id: staffId('rita'), active: false });
    expect(await sam.must('pinboard.unpin', { appointmentId: apptId })).toBeNull();
    expect(pinCount()).toBe(0);
    expect(auditBy('unpin')).toEqual([{ userId: staffId('sam'), entityId: apptId }]);

    // A row left pointing at nobody (written by hand, or before foreign keys were checked) is no one's pin either.
    await sam.must('pinboard.pin', { appointmentId: apptId });
    const raw = clinic.core.db.$client;
    raw.pragma('foreign_keys = OFF');
    raw.prepare('UPDATE pinned_appointments SET pinned_by = 9999 WHERE appointment_id = ?').run(apptId);
    raw.pragma('foreign_keys = ON');
    expect(await sam.must('pinboard.list', {})).toEqual([]);
    expect(await sam.must('pinboard.pin', { appointmentId: apptId })).toMatchObject({ appointmentId: apptId });
    raw.pragma('foreign_keys = OFF');
    raw.prepare('UPDATE pinned_appointments SET pinned_by = 9999 WHERE appointment_id = ?').run(apptId);
    raw.pragma('foreign_keys = ON');
    expect(await sam.must('pinboard.unpin', { appointmentId: apptId })).toBeNull();
    expect(pinCount()).toBe(0);
  });

  it('an administrator may unpin an active colleague’s pin (audited as theirs); a receptionist may not', async () => {
    const rita = await clinic.signedIn('receptionist', 'rita');
    const sam = await clinic.signedIn('receptionist', 'sam');
    await rita.must('pinboard.pin', { appointmentId: apptId });
    expect(await sam.call('pinboard.unpin', { appointmentId: apptId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Test receptionist pinned this appointment; only they or an administrator can unpin it.' },
    });
    expect(pinCount()).toBe(1);

    expect(await clinic.admin.must('pinboard.unpin', { appointmentId: apptId })).toBeNull();
    expect(await rita.must('pinboard.list', {})).toEqual([]);
    expect(auditBy('unpin')).toEqual([{ userId: staffId('admin'), entityId: apptId }]);
    expect(await clinic.admin.must('appointments.get', { id: apptId })).toMatchObject({ startsAt: MONDAY_9, status: 'booked' });
  });

  it('a doctor may read a board but not pin', async () => {
    const doctor = await clinic.signedIn('doctor');
    expect(await doctor.must('pinboard.list', {})).toEqual([]);
    expect(await doctor.call('pinboard.pin', { appointmentId: apptId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('unpin returns the card and leaves the appointment where it was; unpinning again is harmless', async () => {
    await clinic.admin.must('pinboard.pin', { appointmentId: apptId });
    expect(await clinic.admin.must('pinboard.unpin', { appointmentId: apptId })).toBeNull();
    expect(await clinic.admin.must('pinboard.unpin', { appointmentId: apptId })).toBeNull();
    expect(await clinic.admin.must('pinboard.list', {})).toEqual([]);
    expect(auditOf('unpin')).toEqual([{ entity: 'appointment', entityId: apptId }]);
    expect(await clinic.admin.must('appointments.get', { id: apptId })).toMatchObject({ startsAt: MONDAY_9, status: 'booked' });
  });

  it('refuses unknown and unmovable appointments with a message saying why', async () => {
    expect(await clinic.admin.call('pinboard.pin', { appointmentId: 9999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await clinic.admin.must('appointments.setStatus', { id: apptId, status: 'arrived' });
    expect(await clinic.admin.call('pinboard.pin', { appointmentId: apptId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'An appointment marked Arrived cannot be moved, so it cannot be pinned. Only booked or confirmed ones can.' },
    });
    expect(await clinic.admin.call('pinboard.pin', { appointmentId: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { appointmentId: 'Appointment must be positive.' } } });
  });

  it('placing is a reschedule: the appointment lands in its new slot and the pin comes off in the same transaction', async () => {
    await clinic.admin.must('pinboard.pin', { appointmentId: apptId });
    const moved = await clinic.admin.must('appointments.reschedule', { id: apptId, startsAt: WEDNESDAY_10, providerId: f.otherProviderId });
    expect(moved.appointment).toMatchObject({ startsAt: WEDNESDAY_10, endsAt: '2026-11-25T10:20:00.000Z', providerId: f.otherProviderId });
    expect(await clinic.admin.must('pinboard.list', {})).toEqual([]);
    // Undo puts it back at its old time; the desk re-pins it (the renderer does) and the card returns.
    await clinic.admin.must('appointments.undo', { entries: moved.undo });
    expect(await clinic.admin.must('appointments.get', { id: apptId })).toMatchObject({ startsAt: MONDAY_9, providerId: f.providerId });
    expect(await clinic.admin.must('pinboard.pin', { appointmentId: apptId })).toMatchObject({ startsAt: MONDAY_9 });
  });

  it('a clash on placing refuses the move and keeps the card pinned', async () => {
    await clinic.admin.must('appointments.book', { patientId: f.otherPatientId, providerId: f.providerId, typeId: f.typeId, startsAt: WEDNESDAY_10 });
    await clinic.admin.must('pinboard.pin', { appointmentId: apptId });
    const r = await clinic.admin.call('appointments.reschedule', { id: apptId, startsAt: '2026-11-25T10:10:00.000Z' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { startsAt: expect.stringContaining('Choose another time.') } } });
    expect(await clinic.admin.must('pinboard.list', {})).toMatchObject([{ appointmentId: apptId, startsAt: MONDAY_9 }]);
  });

  it('confirming keeps the pin; cancelling or checking the patient in takes it off', async () => {
    await clinic.admin.must('pinboard.pin', { appointmentId: apptId });
    await clinic.admin.must('appointments.setStatus', { id: apptId, status: 'confirmed' });
    expect(await clinic.admin.must('pinboard.list', {})).toMatchObject([{ appointmentId: apptId, status: 'confirmed' }]);
    await clinic.admin.must('appointments.cancel', { id: apptId, reason: 'Patient called' });
    expect(pinCount()).toBe(0);

    const second = await clinic.admin.must('appointments.book', { patientId: f.patientId, providerId: f.providerId, typeId: f.typeId, startsAt: WEDNESDAY_10 });
    await clinic.admin.must('pinboard.pin', { appointmentId: second.appointment.id });
    await clinic.admin.must('appointments.setStatus', { id: second.appointment.id, status: 'arrived' });
    expect(await clinic.admin.must('pinboard.list', {})).toEqual([]);
  });

  it('a pin left on an appointment that was settled outside the app drops off the board when it is next read', async () => {
    await clinic.admin.must('pinboard.pin', { appointmentId: apptId });
    clinic.core.db.$client.prepare("UPDATE appointments SET status = 'completed' WHERE id = ?").run(apptId);
    expect(await clinic.admin.must('pinboard.list', {})).toEqual([]);
    expect(pinCount()).toBe(0);
  });

  it('stays pinned through a patient merge, now under the kept record', async () => {
    const dup = await clinic.admin.must('patients.create', { ...SAMPLE_PATIENT, firstName: 'Maria', lastName: 'Garcia', phone: '07911 200001' });
    const dupAppt = await clinic.admin.must('appointments.book', { patientId: dup.id, providerId: f.providerId, typeId: f.typeId, startsAt: WEDNESDAY_10 });
    await clinic.admin.must('pinboard.pin', { appointmentId: dupAppt.appointment.id });
    await clinic.admin.must('patients.merge', { keepId: f.patientId, mergeId: dup.id });
    // The appointment itself still needs a new slot, so the card stays — it now names the record that was kept.
    expect(await clinic.admin.must('pinboard.list', {})).toMatchObject([{ appointmentId: dupAppt.appointment.id, patientId: f.patientId, patientName: 'María García' }]);
  });
});
