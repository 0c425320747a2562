// Daily copies of the data file: complete, one per clinic day, a week kept, never a half-written one.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestClinic, SAMPLE_PATIENT, type TestClinic } from '../testing/test-core';
import { BEFORE_UPDATE_KEEP, backUpDay, clinicDay, DAILY_KEEP, dailyBackupName, listDailyBackups, pruneBackups, startDailyBackups } from './backups';

let clinic: TestClinic | undefined;
afterEach(() => clinic?.close());

const countIn = (file: string, table: string) => {
  const copy = new Database(file, { readonly: true });
  try {
    return (copy.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    copy.close();
  }
};

async function clinicWithPatients(n: number): Promise<TestClinic> {
  const c = await createTestClinic();
  for (let i = 0; i < n; i++) await c.admin.must('patients.create', { ...SAMPLE_PATIENT, lastName: `García ${i}`, phone: `07911 1234${String(i).padStart(2, '0')}`, email: `p${i}@example.com` });
  return c;
}

describe('daily backups', () => {
  it('copies the whole clinic into a file named by the day, once per day', async () => {
    clinic = await clinicWithPatients(3);
    const dir = join(clinic.dataDir, 'backups');
    const file = await backUpDay(clinic.core.db.$client, dir, '2026-11-20');
    expect(file).toBe(join(dir, dailyBackupName('2026-11-20')));
    expect(countIn(file!, 'patients')).toBe(3);
    const copy = new Database(file!, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    // A second check the same day leaves the morning's copy as it was.
    await clinic.admin.must('patients.create', { ...SAMPLE_PATIENT, lastName: 'Later', phone: '07911 123480', email: 'later@example.com' });
    expect(await backUpDay(clinic.core.db.$client, dir, '2026-11-20')).toBeNull();
    expect(countIn(file!, 'patients')).toBe(3);
    expect(listDailyBackups(dir).map((b) => b.day)).toEqual(['2026-11-20']);
  });

  it('includes what the desk saved while the copy was being made', async () => {
    clinic = await clinicWithPatients(1);
    const dir = join(clinic.dataDir, 'backups');
    const copying = backUpDay(clinic.core.db.$client, dir, '2026-11-21');
    await clinic.admin.must('patients.create', { ...SAMPLE_PATIENT, lastName: 'During', phone: '07911 123481', email: 'during@example.com' });
    const file = await copying;
    expect(countIn(file!, 'patients')).toBe(countIn(clinic.core.dbFile, 'patients'));
  });

  it('keeps a week of daily copies and the latest pre-update copies, and clears copies cut short', async () => {
    clinic = await clinicWithPatients(0);
    const dir = join(clinic.dataDir, 'backups');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    for (let d = 1; d <= 9; d++) writeFileSync(join(dir, dailyBackupName(`2026-11-0${d}`)), 'old copy');
    for (let h = 10; h < 15; h++) writeFileSync(join(dir, `anteroom-before-migration-2026-11-01T${h}-00-00-000Z.db`), 'old copy');
    writeFileSync(join(dir, `${dailyBackupName('2026-11-08')}.partial`), 'cut short');
    writeFileSync(join(dir, 'notes.txt'), 'not ours');
    await backUpDay(clinic.core.db.$client, dir, '2026-11-10');
    const left = readdirSync(dir).sort();
    expect(left.filter((n) => n.startsWith('anteroom-daily-'))).toEqual(
      ['04', '05', '06', '07', '08', '09', '10'].map((d) => dailyBackupName(`2026-11-${d}`)),
    );
    expect(left.filter((n) => n.startsWith('anteroom-before-migration-'))).toHaveLength(BEFORE_UPDATE_KEEP);
    expect(left).toContain('anteroom-before-migration-2026-11-01T14-00-00-000Z.db');
    expect(left.some((n) => n.endsWith('.partial'))).toBe(false);
    expect(left).toContain('notes.txt');
    expect(left.filter((n) => n.startsWith('anteroom-daily-'))).toHaveLength(DAILY_KEEP);
  });

  it('names the copy by the clinic’s own day, not UTC’s', () => {
    const lateEvening = new Date('2026-11-20T23:30:00Z');
    expect(clinicDay(lateEvening, 'Pacific/Auckland')).toBe('2026-11-21');
    expect(clinicDay(lateEvening, 'America/New_York')).toBe('2026-11-20');
    expect(clinicDay(lateEvening, 'Europe/London')).toBe('2026-11-20');
  });

  it('takes the copy in the background once the clinic is set up, and leaves nothing half-written when stopped', async () => {
    clinic = await clinicWithPatients(2);
    const dir = join(clinic.dataDir, 'backups');
    let day: string | null = null;
    const errors: unknown[] = [];
    const schedule = startDailyBackups({ sqlite: clinic.core.db.$client, dir, today: () => day, firstAfterMs: 0, everyMs: 20, onError: (e) => errors.push(e) });
    await new Promise((r) => setTimeout(r, 60));
    expect(existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith('anteroom-daily-')) : []).toEqual([]);
    day = '2026-11-20';
    for (let i = 0; i < 100 && listDailyBackups(dir).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await schedule.stop();
    expect(errors).toEqual([]);
    expect(listDailyBackups(dir).map((b) => b.day)).toEqual(['2026-11-20']);
    expect(countIn(listDailyBackups(dir)[0]!.file, 'patients')).toBe(2);
    expect(readdirSync(dir).some((n) => n.endsWith('.partial'))).toBe(false);
    pruneBackups(dir);
  });
});

describe('backups in Clinic settings', () => {
  it('lists the copies and takes today’s on request, once, audited; only an administrator may', async () => {
    clinic = await clinicWithPatients(1);
    const before = await clinic.admin.must('backups.list', {});
    expect(before).toMatchObject({ folder: join(clinic.dataDir, 'backups'), copies: [], keep: DAILY_KEEP });
    const taken = await clinic.admin.must('backups.takeNow', {});
    expect(taken.taken).toBe(true);
    expect(taken.copies).toEqual([{ day: '2026-11-20', bytes: expect.any(Number) }]);
    expect(countIn(join(taken.folder, dailyBackupName('2026-11-20')), 'patients')).toBe(1);
    expect(await clinic.admin.must('backups.takeNow', {})).toMatchObject({ taken: false, copies: [{ day: '2026-11-20' }] });
    const audited = clinic.core.db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'backup'").get();
    expect(audited).toEqual({ n: 1 });
    const reception = await clinic.signedIn('receptionist');
    expect(await reception.call('backups.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
