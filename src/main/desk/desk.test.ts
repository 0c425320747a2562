// The desk's privacy screen setting: off by default, saved for the desk (not the user), any staff may flip it,
// strangers and locked desks may not, bad input saves nothing, and the audit log records who — never values.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, settings } from '../db/schema';
import { snapshotDatabase } from '../testing/db-snapshot';
import { ADMIN_PASSWORD, createTestClinic, openTestCore, type TestClinic } from '../testing/test-core';

let clinic: TestClinic;
beforeEach(async () => {
  clinic = await createTestClinic();
});
afterEach(() => clinic.close());

describe('privacy screen', () => {
  it('is off until someone turns it on', async () => {
    expect(await clinic.admin.must('desk.settingsGet', {})).toEqual({ privacyScreen: false });
  });

  it('is saved for the desk: another staff member signing in here finds it on', async () => {
    const receptionist = await clinic.signedIn('receptionist');
    expect(await receptionist.must('desk.settingsSave', { privacyScreen: true })).toEqual({ privacyScreen: true });
    const doctor = await clinic.signedIn('doctor');
    expect(await doctor.must('desk.settingsGet', {})).toEqual({ privacyScreen: true });
    expect(await doctor.must('desk.settingsSave', { privacyScreen: false })).toEqual({ privacyScreen: false });
    expect(await clinic.admin.must('desk.settingsGet', {})).toEqual({ privacyScreen: false });
  });

  it('is kept in the data file: a fresh start of the app finds it on', async () => {
    await clinic.admin.must('desk.settingsSave', { privacyScreen: true });
    // A second core over the same file reads only what was written to disk, as the app does after a restart.
    const restarted = openTestCore(clinic.dataDir);
    try {
      const desk = { senderId: 'after-restart', trusted: true };
      expect(await restarted.dispatch('auth.signIn', { username: 'admin', password: ADMIN_PASSWORD }, desk)).toMatchObject({ ok: true });
      expect(await restarted.dispatch('desk.settingsGet', {}, desk)).toEqual({ ok: true, data: { privacyScreen: true } });
    } finally {
      restarted.close();
    }
  });

  it('refuses anything but on or off, naming the field, and saves nothing', async () => {
    const before = snapshotDatabase(clinic.core.db.$client);
    const r = await clinic.admin.call('desk.settingsSave', { privacyScreen: 'yes' as never });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { privacyScreen: 'Privacy screen must be on or off.' } } });
    const extra = await clinic.admin.call('desk.settingsSave', { privacyScreen: true, patientId: 3 } as never);
    expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(snapshotDatabase(clinic.core.db.$client)).toEqual(before);
  });

  it('is refused to a signed-out or locked desk', async () => {
    expect(await clinic.desk('stranger').call('desk.settingsSave', { privacyScreen: true })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await clinic.admin.must('auth.lock', {});
    expect(await clinic.admin.call('desk.settingsSave', { privacyScreen: true })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(clinic.core.db.select().from(settings).where(eq(settings.key, 'desk.privacyScreen')).get()).toBeUndefined();
  });

  it('leaves one audit entry per change: who and when, no values', async () => {
    const receptionist = await clinic.signedIn('receptionist');
    await receptionist.must('desk.settingsSave', { privacyScreen: true });
    const entries = clinic.core.db.select().from(auditLog).where(eq(auditLog.entity, 'settings')).all();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'update', entityId: null });
    expect(entries[0]!.userId).not.toBe(1);
  });
});
