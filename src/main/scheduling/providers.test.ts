// Doctors, their hours, time off and appointment types: validation that names the field, and what is kept.
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

describe('providers', () => {
  it('links a doctor’s staff account, and refuses other roles', async () => {
    const doctor = await clinic.admin.must('staff.create', { username: 'okafor', displayName: 'Amara Okafor', role: 'doctor', password: 'a long enough password' });
    const desk = await clinic.admin.must('staff.create', { username: 'desk', displayName: 'Front Desk', role: 'receptionist', password: 'a long enough password' });
    const linked = await clinic.admin.must('providers.update', { id: f.providerId, fields: { name: 'Dr Amara Okafor', color: '#2A7AB0', staffId: doctor.id } });
    expect(linked).toMatchObject({ staffId: doctor.id, color: '#2a7ab0' });
    const wrong = await clinic.admin.call('providers.update', { id: f.providerId, fields: { name: 'Dr Amara Okafor', color: '#2a7ab0', staffId: desk.id } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { staffId: expect.stringContaining('Only a doctor') } } });
  });

  it('keeps a deactivated doctor’s appointments but hides them from lists and refuses new bookings', async () => {
    const r = await clinic.admin.must('appointments.book', { patientId: f.patientId, providerId: f.providerId, startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T10:20:00Z' });
    await clinic.admin.must('providers.update', { id: f.providerId, fields: { name: 'Dr Amara Okafor', color: '#2a7ab0', active: false } });
    expect((await clinic.admin.must('providers.list', {})).map((p) => p.id)).toEqual([f.otherProviderId]);
    expect(await clinic.admin.must('providers.list', { includeInactive: true })).toHaveLength(2);
    expect((await clinic.admin.must('appointments.get', { id: r.appointment.id })).status).toBe('booked');
    const refused = await clinic.admin.call('appointments.book', { patientId: f.patientId, providerId: f.providerId, startsAt: '2026-11-24T10:00:00Z', endsAt: '2026-11-24T10:20:00Z' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { providerId: 'Dr Amara Okafor no longer takes appointments. Choose another doctor.' } } });
  });

  it('only administrators manage doctors and hours', async () => {
    const desk = await clinic.signedIn('receptionist');
    expect(await desk.call('providers.create', { name: 'Dr X', color: '#000000' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await desk.call('providers.hoursGet', { providerId: f.providerId })).ok).toBe(true);
  });
});

describe('working hours', () => {
  it('answers the week as HH:MM rows and replaces it whole', async () => {
    const week = await clinic.admin.must('providers.hoursGet', { providerId: f.providerId });
    expect(week).toHaveLength(10);
    expect(week[0]).toMatchObject({ kind: 'work', weekday: 1, start: '09:00', end: '17:00', everyWeeks: 1 });
    const short = await clinic.admin.must('providers.hoursSet', { providerId: f.providerId, rows: [{ weekday: 3, start: '08:30', end: '24:00' }] });
    expect(short.map((h) => [h.weekday, h.start, h.end])).toEqual([[3, '08:30', '24:00']]);
  });

  it.each([
    [{ weekday: 1, start: '10:00', end: '09:00' }, 'rows.0.end', 'End must be after start.'],
    [{ weekday: 8, start: '09:00', end: '10:00' }, 'rows.0.weekday', 'Weekday must be 1 (Monday) to 7 (Sunday).'],
    [{ weekday: 1, start: '9am', end: '10:00' }, 'rows.0.start', 'Start must be a time written HH:MM, e.g. 09:00.'],
    [{ weekday: 1, start: '09:00', end: '10:00', everyWeeks: 2 }, 'rows.0.anchorDate', 'Pick a week the pattern starts in (anchor week) when it repeats every few weeks.'],
  ])('refuses %j naming the field', async (row, field, message) => {
    const r = await clinic.admin.call('providers.hoursSet', { providerId: f.providerId, rows: [row] });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { [field]: message } } });
    expect(await clinic.admin.must('providers.hoursGet', { providerId: f.providerId })).toHaveLength(10);
  });
});

describe('time off', () => {
  it('lists a doctor’s time off with clinic closures, answers clashing bookings, and is removed', async () => {
    const booked = await clinic.admin.must('appointments.book', { patientId: f.patientId, providerId: f.providerId, startsAt: '2026-11-30T10:00:00Z', endsAt: '2026-11-30T10:20:00Z' });
    const sick = await clinic.admin.must('timeOff.create', { providerId: f.providerId, startsAt: '2026-11-30T00:00:00Z', endsAt: '2026-12-01T00:00:00Z', reason: 'Sick' });
    expect(sick.clashingAppointmentIds).toEqual([booked.appointment.id]);
    await clinic.admin.must('timeOff.create', { providerId: null, startsAt: '2026-12-25T00:00:00Z', endsAt: '2026-12-27T00:00:00Z', reason: 'Christmas' });
    await clinic.admin.must('timeOff.create', { providerId: f.otherProviderId, startsAt: '2026-12-02T00:00:00Z', endsAt: '2026-12-03T00:00:00Z', reason: null });
    const mine = await clinic.admin.must('timeOff.list', { from: '2026-11-01T00:00:00Z', to: '2027-01-01T00:00:00Z', providerId: f.providerId });
    expect(mine.map((t) => [t.providerId, t.reason])).toEqual([
      [f.providerId, 'Sick'],
      [null, 'Christmas'],
    ]);
    await clinic.admin.must('timeOff.remove', { id: sick.timeOff.id });
    expect(await clinic.admin.call('timeOff.remove', { id: sick.timeOff.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('appointment types', () => {
  it('sets and clears a doctor’s own duration and fee', async () => {
    const own = await clinic.admin.must('appointmentTypes.setOverride', { providerId: f.providerId, typeId: f.typeId, durationMinutes: null, fee: 9000 });
    expect(own).toMatchObject({ durationMinutes: 20, fee: 9000, overridden: true });
    const listed = await clinic.admin.must('appointmentTypes.list', { providerId: f.providerId });
    expect(listed[0]).toMatchObject({ fee: 9000, overridden: true });
    expect((await clinic.admin.must('appointmentTypes.list', {}))[0]).toMatchObject({ fee: 6000, overridden: false });
    const cleared = await clinic.admin.must('appointmentTypes.setOverride', { providerId: f.providerId, typeId: f.typeId, durationMinutes: null, fee: null });
    expect(cleared).toMatchObject({ fee: 6000, overridden: false });
  });

  it('hides inactive types unless asked, and refuses a 3-minute type', async () => {
    await clinic.admin.must('appointmentTypes.update', { id: f.typeId, fields: { name: 'Consultation', durationMinutes: 20, active: false } });
    expect(await clinic.admin.must('appointmentTypes.list', {})).toEqual([]);
    expect(await clinic.admin.must('appointmentTypes.list', { includeInactive: true })).toHaveLength(1);
    const short = await clinic.admin.call('appointmentTypes.create', { name: 'Blink', durationMinutes: 3 });
    expect(short).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { durationMinutes: 'Duration must be at least 5 minutes.' } } });
  });
});
