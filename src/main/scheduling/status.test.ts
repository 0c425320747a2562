// Status steps (allowed and refused with messages naming both statuses), arrival time, reschedule rules, and undo/redo.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotDatabase } from '../testing/db-snapshot';
import { ADMIN_PASSWORD, createTestClinic, type TestClinic } from '../testing/test-core';
import { setUpScheduling, type SchedulingFixture } from './test-fixture';

let clinic: TestClinic;
let f: SchedulingFixture;
let id: number;
beforeEach(async () => {
  clinic = await createTestClinic(); // the clock stands at Fri 20 Nov 2026, 09:00 UTC
  f = await setUpScheduling(clinic);
  const r = await clinic.admin.must('appointments.book', { patientId: f.patientId, providerId: f.providerId, startsAt: '2026-11-20T09:30:00Z', endsAt: '2026-11-20T09:50:00Z' });
  id = r.appointment.id;
});
afterEach(() => clinic.close());

/** Moves the clock; the idle lock would otherwise trip, so the admin unlocks as a real desk would. */
async function at(iso: string) {
  clinic.clock.now = new Date(iso);
  await clinic.admin.call('auth.unlock', { password: ADMIN_PASSWORD });
}

describe('status steps', () => {
  it('walks booked → confirmed → arrived → in consultation → completed, recording the arrival time', async () => {
    await clinic.admin.must('appointments.setStatus', { id, status: 'confirmed' });
    await at('2026-11-20T09:25:00Z');
    const arrived = await clinic.admin.must('appointments.setStatus', { id, status: 'arrived' });
    expect(arrived.appointment).toMatchObject({ status: 'arrived', arrivedAt: '2026-11-20T09:25:00.000Z' });
    await clinic.admin.must('appointments.setStatus', { id, status: 'in_consultation' });
    const done = await clinic.admin.must('appointments.setStatus', { id, status: 'completed' });
    expect(done.appointment.status).toBe('completed');
    const detail = await clinic.admin.must('appointments.get', { id });
    expect(detail.history.map((h) => h.changes.status?.[1])).toEqual(['booked', 'confirmed', 'arrived', 'in_consultation', 'completed']);
    expect(detail.nextStatuses).toEqual([]);
  });

  it('lets a doctor move their patients along but not book', async () => {
    const doctor = await clinic.signedIn('doctor');
    expect((await doctor.call('appointments.setStatus', { id, status: 'arrived' })).ok).toBe(true);
    const r = await doctor.call('appointments.book', { patientId: f.patientId, providerId: f.providerId, startsAt: '2026-11-20T11:00:00Z', endsAt: '2026-11-20T11:20:00Z' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it.each([
    ['completed', 'confirmed', 'An appointment marked Completed cannot be changed to Confirmed.'],
    ['completed', 'no_show', 'An appointment marked Completed cannot be changed to No-show.'],
    ['booked', 'in_consultation', 'An appointment marked Booked cannot be changed to In consultation.'],
    ['booked', 'completed', 'An appointment marked Booked cannot be changed to Completed.'],
  ] as const)('refuses %s → %s with a message naming both', async (from, to, message) => {
    if (from === 'completed') {
      await clinic.admin.must('appointments.setStatus', { id, status: 'arrived' });
      await clinic.admin.must('appointments.setStatus', { id, status: 'completed' });
    }
    const before = snapshotDatabase(clinic.core.db.$client);
    const r = await clinic.admin.call('appointments.setStatus', { id, status: to });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message, fields: { status: message } } });
    expect(snapshotDatabase(clinic.core.db.$client)).toEqual(before);
  });

  it('refuses to cancel a completed appointment, and cancelling twice', async () => {
    await clinic.admin.must('appointments.cancel', { id, reason: 'Called' });
    const again = await clinic.admin.call('appointments.cancel', { id, reason: 'Again' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'An appointment marked Cancelled cannot be changed to Cancelled.' } });
  });

  it('asks for a reason to cancel and says setStatus cannot cancel', async () => {
    const noReason = await clinic.admin.call('appointments.cancel', { id, reason: '  ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { reason: 'Reason for cancelling is required.' } } });
    const viaStatus = await clinic.admin.call('appointments.setStatus', { id, status: 'cancelled' as never });
    expect(viaStatus).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('use cancel') } });
  });

  it('marks a no-show only once the appointment has started; a late no-show can still arrive', async () => {
    const early = await clinic.admin.call('appointments.setStatus', { id, status: 'no_show' });
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('only once the appointment has started (Fri 20 Nov 2026, 09:30)') } });
    await at('2026-11-20T09:45:00Z');
    await clinic.admin.must('appointments.setStatus', { id, status: 'no_show' });
    const late = await clinic.admin.must('appointments.setStatus', { id, status: 'arrived' });
    expect(late.appointment.arrivedAt).toBe('2026-11-20T09:45:00.000Z');
  });

  it('does not let a late no-show take back a slot someone else was booked into', async () => {
    await at('2026-11-20T09:45:00Z');
    await clinic.admin.must('appointments.setStatus', { id, status: 'no_show' });
    await clinic.admin.must('appointments.book', { patientId: f.otherPatientId, providerId: f.providerId, startsAt: '2026-11-20T09:45:00Z', endsAt: '2026-11-20T10:00:00Z' });
    const r = await clinic.admin.call('appointments.setStatus', { id, status: 'arrived' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('already has an appointment Fri 20 Nov 2026, 09:45–10:00') } });
  });
});

describe('reschedule', () => {
  it('moves with the same checks, keeping the length unless told otherwise', async () => {
    await clinic.admin.must('appointments.book', { patientId: f.otherPatientId, providerId: f.providerId, startsAt: '2026-11-20T11:00:00Z', endsAt: '2026-11-20T11:20:00Z' });
    const clash = await clinic.admin.call('appointments.reschedule', { id, startsAt: '2026-11-20T10:50:00Z' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('11:00–11:20') } });
    const touching = await clinic.admin.must('appointments.reschedule', { id, startsAt: '2026-11-20T10:40:00Z' });
    expect(touching.appointment).toMatchObject({ startsAt: '2026-11-20T10:40:00.000Z', endsAt: '2026-11-20T11:00:00.000Z' });
  });

  it('moves to another doctor', async () => {
    const r = await clinic.admin.must('appointments.reschedule', { id, startsAt: '2026-11-20T09:30:00Z', providerId: f.otherProviderId });
    expect(r.appointment.providerId).toBe(f.otherProviderId);
  });

  it('refuses to move an appointment that has already started', async () => {
    await clinic.admin.must('appointments.setStatus', { id, status: 'arrived' });
    const r = await clinic.admin.call('appointments.reschedule', { id, startsAt: '2026-11-20T10:30:00Z' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'An appointment marked Arrived cannot be moved; only booked or confirmed ones can.' } });
  });
});

describe('undo', () => {
  it('reverts a reschedule, and its own answer redoes it', async () => {
    const moved = await clinic.admin.must('appointments.reschedule', { id, startsAt: '2026-11-20T14:00:00Z' });
    const undone = await clinic.admin.must('appointments.undo', { entries: moved.undo });
    expect(undone.appointment).toMatchObject({ startsAt: '2026-11-20T09:30:00.000Z', endsAt: '2026-11-20T09:50:00.000Z' });
    const redone = await clinic.admin.must('appointments.undo', { entries: undone.undo });
    expect(redone.appointment.startsAt).toBe('2026-11-20T14:00:00.000Z');
  });

  it('reverts a cancel (clearing who/why) and a status step (clearing the arrival time)', async () => {
    const cancelled = await clinic.admin.must('appointments.cancel', { id, reason: 'Wrong patient' });
    const back = await clinic.admin.must('appointments.undo', { entries: cancelled.undo });
    expect(back.appointment).toMatchObject({ status: 'booked', cancelledAt: null, cancelledBy: null, cancelReason: null });
    const arrived = await clinic.admin.must('appointments.setStatus', { id, status: 'arrived' });
    const notYet = await clinic.admin.must('appointments.undo', { entries: arrived.undo });
    expect(notYet.appointment).toMatchObject({ status: 'booked', arrivedAt: null });
  });

  it('undoes a booking by cancelling it', async () => {
    const r = await clinic.admin.must('appointments.book', { patientId: f.patientId, providerId: f.providerId, startsAt: '2026-11-20T15:00:00Z', endsAt: '2026-11-20T15:20:00Z' });
    const undone = await clinic.admin.must('appointments.undo', { entries: r.undo });
    expect(undone.appointment).toMatchObject({ status: 'cancelled', cancelReason: 'Booking undone' });
  });

  it('refuses to undo a change that is no longer the latest, and one whose old slot was taken', async () => {
    const moved = await clinic.admin.must('appointments.reschedule', { id, startsAt: '2026-11-20T14:00:00Z' });
    await clinic.admin.must('appointments.update', { id, fee: 100 });
    const stale = await clinic.admin.call('appointments.undo', { entries: moved.undo });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('changed again since') } });

    const again = await clinic.admin.must('appointments.reschedule', { id, startsAt: '2026-11-20T16:00:00Z' });
    await clinic.admin.must('appointments.book', { patientId: f.otherPatientId, providerId: f.providerId, startsAt: '2026-11-20T14:00:00Z', endsAt: '2026-11-20T14:20:00Z' });
    const taken = await clinic.admin.call('appointments.undo', { entries: again.undo });
    expect(taken).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('14:00–14:20') } });
  });

  it('an undo refused because the old slot was taken names what holds it, not the appointment being moved back', async () => {
    // Nudged ten minutes earlier: its new place overlaps its old one, and someone is booked into the rest of it.
    const nudged = await clinic.admin.must('appointments.reschedule', { id, startsAt: '2026-11-20T09:20:00Z' });
    await clinic.admin.must('appointments.book', { patientId: f.otherPatientId, providerId: f.providerId, startsAt: '2026-11-20T09:40:00Z', endsAt: '2026-11-20T10:00:00Z' });
    const refused = await clinic.admin.call('appointments.undo', { entries: nudged.undo });
    const message = 'Dr Amara Okafor already has an appointment Fri 20 Nov 2026, 09:40–10:00. Choose another time.';
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message, fields: { startsAt: message } } });
  });
});
