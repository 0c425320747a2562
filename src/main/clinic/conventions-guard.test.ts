// Clinic settings once data exists: the currency stays while fees or payments rest on it, and a new time zone
// with appointments booked needs an explicit confirmation and is audited — over a real migrated SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpScheduling, type SchedulingFixture } from '../scheduling/test-fixture';
import { snapshotDatabase } from '../testing/db-snapshot';
import { CLINIC, createTestClinic, type TestClinic } from '../testing/test-core';

let clinic: TestClinic;
let f: SchedulingFixture;
beforeEach(async () => {
  clinic = await createTestClinic();
  f = await setUpScheduling(clinic);
});
afterEach(() => clinic.close());

const book = (fee: number, startsAt = '2026-11-23T10:00:00Z') =>
  clinic.admin.must('appointments.book', { patientId: f.patientId, providerId: f.providerId, startsAt, endsAt: '2026-11-23T10:20:00Z', fee });
const timeZoneChanges = async () => (await clinic.admin.must('audit.list', { action: 'time-zone-change' })).rows;

describe('the currency', () => {
  it('may change while no fee or payment is recorded (a free appointment costs nothing)', async () => {
    await book(0);
    expect(await clinic.admin.must('clinic.update', { ...CLINIC, currency: 'EUR' })).toMatchObject({ currency: 'EUR' });
  });

  it('before any booking, is refused to a currency with other decimals while doctors’ or types’ fees are set', async () => {
    // The fixture's doctor charges 5000 (£50.00) and its consultation type 6000: in JPY those would read ¥5,000 / ¥6,000.
    const before = snapshotDatabase(clinic.core.db.$client);
    const r = await clinic.admin.call('clinic.update', { ...CLINIC, currency: 'JPY' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { currency: expect.stringContaining('Set them to 0 first') } } });
    expect(snapshotDatabase(clinic.core.db.$client)).toEqual(before);
    // With those fees cleared, the change goes through.
    await clinic.admin.must('providers.update', { id: f.providerId, fields: { name: 'Dr Amara Okafor', color: '#2a7ab0', consultationFee: 0 } });
    await clinic.admin.must('appointmentTypes.update', { id: f.typeId, fields: { name: 'Consultation', durationMinutes: 20, fee: 0 } });
    expect(await clinic.admin.must('clinic.update', { ...CLINIC, currency: 'JPY' })).toMatchObject({ currency: 'JPY' });
  });

  it('is refused once an appointment carries a fee, naming the field and why; nothing is saved', async () => {
    await book(5000);
    const before = snapshotDatabase(clinic.core.db.$client);
    const r = await clinic.admin.call('clinic.update', { ...CLINIC, name: 'Riverside Clinic', currency: 'EUR' });
    const message =
      'Currency cannot change from GBP to EUR once fees or payments are recorded: amounts are stored in minor units of GBP, so every fee and payment would be read as EUR. Keep GBP.';
    expect(r).toEqual({ ok: false, error: { code: 'VALIDATION', message, fields: { currency: message } } });
    expect(snapshotDatabase(clinic.core.db.$client)).toEqual(before); // not even the new name
    // Everything else still changes.
    expect(await clinic.admin.must('clinic.update', { ...CLINIC, name: 'Riverside Clinic' })).toMatchObject({ name: 'Riverside Clinic', currency: 'GBP' });
  });

  it('is refused once any payment is recorded, even on a free appointment', async () => {
    const free = await book(0);
    await clinic.admin.must('payments.recordManual', { appointmentId: free.appointment.id, kind: 'cash', amount: 1000 });
    expect(await clinic.admin.call('clinic.update', { ...CLINIC, currency: 'USD' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { currency: expect.any(String) } } });
  });
});

describe('the time zone', () => {
  it('changes without a question while nothing is booked, and the change is audited', async () => {
    expect(await clinic.admin.must('clinic.update', { ...CLINIC, timeZone: 'Europe/Dublin' })).toMatchObject({ timeZone: 'Europe/Dublin' });
    expect(await timeZoneChanges()).toMatchObject([{ action: 'time-zone-change', entity: 'clinic', entityId: 1, userName: 'Ada Admin' }]);
  });

  it('needs the confirmation once appointments exist; confirmed, appointments keep their instant and it is audited', async () => {
    const booked = (await book(5000)).appointment;
    const before = snapshotDatabase(clinic.core.db.$client);
    const refused = await clinic.admin.call('clinic.update', { ...CLINIC, timeZone: 'America/New_York' });
    const message = 'Appointments are booked: they keep their moment in time, and their clock times will show in America/New_York. Confirm the time zone change to save it.';
    expect(refused).toEqual({ ok: false, error: { code: 'VALIDATION', message, fields: { timeZone: message } } });
    expect(snapshotDatabase(clinic.core.db.$client)).toEqual(before);

    const saved = await clinic.admin.must('clinic.update', { ...CLINIC, timeZone: 'America/New_York', confirmTimeZoneChange: true });
    expect(saved.timeZone).toBe('America/New_York');
    expect((await clinic.admin.must('appointments.get', { id: booked.id })).startsAt).toBe(booked.startsAt);
    expect(await timeZoneChanges()).toMatchObject([{ entity: 'clinic', entityId: 1 }]);
    // Saving again in the same zone is no time-zone change: no question, no second entry.
    await clinic.admin.must('clinic.update', { ...CLINIC, timeZone: 'America/New_York', name: 'Riverside NYC' });
    expect(await timeZoneChanges()).toHaveLength(1);
  });
});
