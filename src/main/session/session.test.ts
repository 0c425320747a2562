// First-run setup, sign-in throttling, the idle lock and account administration, through the real dispatcher.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestClinic, ADMIN_PASSWORD, CLINIC, SAMPLE_PATIENT, type TestClinic } from '../testing/test-core';
import { contract } from '../../shared/contract';
import { throttleWaitMs } from './sign-in';

let clinic: TestClinic;
afterEach(() => clinic.close());

/**
 * The day book left on screen: every 30 s of the test clock it re-reads its week, the check-in list and the
 * pinboard, as the window does on its own. Returns, per poll, the seconds since the first and whether main locked.
 */
async function pollEvery30s(c: TestClinic, forSeconds: number): Promise<{ at: number; locked: boolean }[]> {
  const polls: { at: number; locked: boolean }[] = [];
  for (let at = 30; at <= forSeconds; at += 30) {
    c.clock.now = new Date(c.clock.now.getTime() + 30_000);
    const answers = [
      await c.admin.call('appointments.range', { from: '2026-11-16T00:00:00Z', to: '2026-11-23T00:00:00Z', includeCancelled: true }),
      await c.admin.call('appointments.today', {}),
      await c.admin.call('pinboard.list', {}),
    ];
    const locked = answers.map((r) => !r.ok && r.error.code === 'UNAUTHENTICATED' && /locked/.test(r.error.message));
    if (!locked.every((l) => l === locked[0])) throw new Error(`polls at ${at}s disagree about the lock`);
    for (const r of answers) if (!r.ok && !locked[0]) throw new Error(`poll at ${at}s failed: ${JSON.stringify(r.error)}`);
    polls.push({ at, locked: locked[0]! });
  }
  return polls;
}

const auditActions = (c: TestClinic) =>
  (c.core.db.$client.prepare("SELECT action FROM audit_log WHERE entity = 'session' ORDER BY id").all() as { action: string }[]).map((r) => r.action);

describe('first run', () => {
  it('sets up the clinic and its first admin once, then refuses a second setup', async () => {
    clinic = await createTestClinic({ setup: false });
    expect(await clinic.admin.must('setup.status', {})).toEqual({ needsSetup: true, clinicName: null });
    const session = await clinic.admin.must('setup.complete', {
      clinic: CLINIC,
      admin: { username: 'Owner', displayName: 'Olive Owner', password: ADMIN_PASSWORD },
    });
    expect(session.user).toMatchObject({ username: 'owner', role: 'admin', active: true });
    expect(session.clinic).toMatchObject({ name: CLINIC.name, country: 'GB', currency: 'GBP', timeZone: 'Europe/London' });
    const again = await clinic.desk('other').call('setup.complete', { clinic: CLINIC, admin: { username: 'x2y', displayName: 'X', password: ADMIN_PASSWORD } });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('stores only a scrypt hash with its own salt, never the password', async () => {
    clinic = await createTestClinic();
    await clinic.signedIn('receptionist', 'rita');
    const rows = clinic.core.db.$client.prepare('SELECT password_hash AS h FROM staff').all() as { h: string }[];
    for (const { h } of rows) {
      expect(h).toMatch(/^scrypt\$\d+\$\d+\$\d+\$/);
      expect(h).not.toContain(ADMIN_PASSWORD);
    }
    const salts = rows.map((r) => r.h.split('$')[4]);
    expect(new Set(salts).size).toBe(salts.length);
  });

  it('loads clearly-marked sample patients when asked', async () => {
    clinic = await createTestClinic({ setup: false });
    await clinic.admin.must('setup.complete', {
      clinic: CLINIC,
      admin: { username: 'owner', displayName: 'Olive', password: ADMIN_PASSWORD },
      loadSampleData: true,
    });
    const page = await clinic.admin.must('patients.list', {});
    expect(page.total).toBeGreaterThanOrEqual(10);
    const one = await clinic.admin.must('patients.get', { id: page.rows[0]!.id });
    expect(one.medicalHistory).toMatch(/SAMPLE RECORD/);
  });

  it('saves nothing when setup fails part-way, so it can simply be run again', async () => {
    clinic = await createTestClinic({ setup: false });
    const sqlite = clinic.core.db.$client;
    // A failure at the very end of setup (its audit entry), after the clinic, the admin and the sample data.
    sqlite.exec("CREATE TEMP TRIGGER fail_setup BEFORE INSERT ON audit_log WHEN NEW.action = 'setup' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    const input = { clinic: CLINIC, admin: { username: 'owner', displayName: 'Olive', password: ADMIN_PASSWORD }, loadSampleData: true };
    expect(await clinic.admin.call('setup.complete', input)).toMatchObject({ ok: false });
    const counts = sqlite.prepare('SELECT (SELECT count(*) FROM clinic) AS clinic, (SELECT count(*) FROM staff) AS staff, (SELECT count(*) FROM patients) AS patients, (SELECT count(*) FROM appointments) AS appointments').get();
    expect(counts).toEqual({ clinic: 0, staff: 0, patients: 0, appointments: 0 });
    expect(await clinic.admin.must('setup.status', {})).toEqual({ needsSetup: true, clinicName: null });
    expect(await clinic.admin.call('auth.current', {})).toMatchObject({ ok: true, data: null });
    sqlite.exec('DROP TRIGGER temp.fail_setup');
    const session = await clinic.admin.must('setup.complete', input);
    expect(session.user).toMatchObject({ username: 'owner', role: 'admin' });
  });
});

describe('signing in', () => {
  it('signs in, audits success and failure, and signs out', async () => {
    clinic = await createTestClinic();
    const desk = clinic.desk('desk-2');
    const wrong = await desk.call('auth.signIn', { username: 'admin', password: 'nope' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const right = await desk.must('auth.signIn', { username: 'ADMIN', password: ADMIN_PASSWORD });
    expect(right.user.username).toBe('admin');
    expect(await desk.must('auth.current', {})).toMatchObject({ user: { username: 'admin' }, locked: false });
    await desk.must('auth.signOut', {});
    expect(await desk.must('auth.current', {})).toBeNull();
    expect((await desk.call('patients.list', {})).ok).toBe(false);
    expect(auditActions(clinic)).toEqual(['sign-in-failed', 'sign-in', 'sign-out']);
  });

  it('throttles repeated wrong passwords, even when the right one is then typed', async () => {
    clinic = await createTestClinic();
    const desk = clinic.desk('desk-2');
    for (let i = 0; i < 5; i++) await desk.call('auth.signIn', { username: 'admin', password: `wrong ${i}` });
    const blocked = await desk.call('auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/Try again in \d+ seconds/) } });
    clinic.clock.now = new Date(clinic.clock.now.getTime() + throttleWaitMs(5) + 1000);
    expect((await desk.call('auth.signIn', { username: 'admin', password: ADMIN_PASSWORD })).ok).toBe(true);
  });

  it('counts wrong passwords sent all at once one by one, so a burst cannot dodge the throttle', async () => {
    clinic = await createTestClinic();
    const desk = clinic.desk('desk-2');
    await Promise.all(Array.from({ length: 8 }, (_, i) => desk.call('auth.signIn', { username: 'admin', password: `wrong ${i}` })));
    const blocked = await desk.call('auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/Try again in \d+ seconds/) } });
  });

  it('waits longer after each further failure, up to a cap', () => {
    expect(throttleWaitMs(4)).toBe(0);
    expect(throttleWaitMs(5)).toBe(30_000);
    expect(throttleWaitMs(6)).toBe(60_000);
    expect(throttleWaitMs(30)).toBe(15 * 60_000);
  });

  it('refuses deactivated accounts and ends their open sessions', async () => {
    clinic = await createTestClinic();
    const rita = await clinic.signedIn('receptionist', 'rita');
    const staff = await clinic.admin.must('staff.list', {});
    const ritaId = staff.find((s) => s.username === 'rita')!.id;
    await clinic.admin.must('staff.update', { id: ritaId, active: false });
    expect(await rita.call('patients.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const again = await clinic.desk('rita-2').call('auth.signIn', { username: 'rita', password: ADMIN_PASSWORD });
    expect(again).toMatchObject({ ok: false, error: { message: expect.stringContaining('deactivated') } });
  });

  it('never leaves the clinic without an active administrator', async () => {
    clinic = await createTestClinic();
    const me = (await clinic.admin.must('auth.current', {}))!.user;
    const r = await clinic.admin.call('staff.update', { id: me.id, role: 'receptionist' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('lets an admin reset a password: the old one stops working, the new one works', async () => {
    clinic = await createTestClinic();
    await clinic.signedIn('doctor', 'doc');
    const id = (await clinic.admin.must('staff.list', {})).find((s) => s.username === 'doc')!.id;
    await clinic.admin.must('staff.resetPassword', { id, password: 'a fresh long password' });
    expect((await clinic.desk('d2').call('auth.signIn', { username: 'doc', password: ADMIN_PASSWORD })).ok).toBe(false);
    expect((await clinic.desk('d3').call('auth.signIn', { username: 'doc', password: 'a fresh long password' })).ok).toBe(true);
  });
});

describe('the idle lock', () => {
  it('locks after the clinic idle time, refuses work while locked, and unlocks with the password', async () => {
    clinic = await createTestClinic();
    await clinic.admin.must('patients.create', SAMPLE_PATIENT);
    clinic.clock.now = new Date(clinic.clock.now.getTime() + 6 * 60_000);
    const locked = await clinic.admin.call('patients.list', {});
    expect(locked).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('locked') } });
    expect(await clinic.admin.must('auth.current', {})).toMatchObject({ locked: true });
    expect((await clinic.admin.call('auth.unlock', { password: 'wrong' })).ok).toBe(false);
    const back = await clinic.admin.must('auth.unlock', { password: ADMIN_PASSWORD });
    expect(back.locked).toBe(false);
    expect((await clinic.admin.must('patients.list', {})).total).toBe(1);
  });

  it('locks after the idle time even while the day book keeps polling: the window\'s own refreshes are not activity', async () => {
    clinic = await createTestClinic();
    const polled = await pollEvery30s(clinic, 6 * 60);
    // Answered until 4:30; from 5:00 (the clinic's 5 minutes since sign-in) every poll meets the lock.
    expect(polled.filter((p) => p.locked).map((p) => p.at)[0]).toBe(5 * 60);
    expect(polled.filter((p) => !p.locked).map((p) => p.at)).toEqual([30, 60, 90, 120, 150, 180, 210, 240, 270]);
    expect(polled.every((p) => p.locked === (p.at >= 5 * 60))).toBe(true);
    expect(await clinic.admin.must('auth.current', {})).toMatchObject({ locked: true });
    // Unlocking starts the count again.
    await clinic.admin.must('auth.unlock', { password: ADMIN_PASSWORD });
    expect((await pollEvery30s(clinic, 4 * 60 + 30)).some((p) => p.locked)).toBe(false);
  });

  it('counts what a person does: a save, or the window saying someone is typing, starts the idle time again', async () => {
    clinic = await createTestClinic();
    await pollEvery30s(clinic, 3 * 60);
    await clinic.admin.must('patients.create', SAMPLE_PATIENT); // at 3:00
    const afterSave = await pollEvery30s(clinic, 5 * 60);
    expect(afterSave.filter((p) => p.locked).map((p) => p.at)).toEqual([5 * 60]); // 8:00, five minutes after the save
    await clinic.admin.must('auth.unlock', { password: ADMIN_PASSWORD });
    await pollEvery30s(clinic, 4 * 60);
    // The window's keep-alive while someone types a long form (useIdleLock) reaches main as clinic.get.
    await clinic.admin.must('clinic.get', {});
    expect((await pollEvery30s(clinic, 4 * 60 + 30)).some((p) => p.locked)).toBe(false);
  });

  it('marks in the contract every channel the window calls on its own timer', () => {
    const background = Object.entries(contract).filter(([, c]) => 'background' in c && c.background).map(([name]) => name);
    expect(background.sort()).toEqual(['appointments.dayCounts', 'appointments.range', 'appointments.today', 'patients.importStatus', 'payments.forAppointment', 'pinboard.list']);
  });

  it('locks at once when the desk asks to', async () => {
    clinic = await createTestClinic();
    await clinic.admin.must('auth.lock', {});
    expect(await clinic.admin.call('patients.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
