// A patient opened while an import holds the write lock: its 'view' entry waits in a file in the data folder and
// lands in the audit log exactly once — when the import ends, or at the next start if the app died first.
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Core } from '../core';
import { createTestClinic, openTestCore, SAMPLE_PATIENT, type TestClinic } from '../testing/test-core';
import { waitingFileOf } from './csv-import-audit-file';
import { importHoldsLock } from './csv-import-audit';

let clinic: TestClinic;
/** Stands in for the import's saving thread: another connection holding the write lock. */
let importer: Database.Database;
let reopened: Core[] = [];
let patientId: number;

beforeEach(async () => {
  clinic = await createTestClinic();
  patientId = (await clinic.admin.must('patients.create', SAMPLE_PATIENT)).id;
  importer = new Database(clinic.core.dbFile);
});
afterEach(() => {
  importer.close();
  if (clinic.core.db.$client.open) clinic.core.close();
  for (const core of reopened) core.close();
  reopened = [];
  rmSync(clinic.dataDir, { recursive: true, force: true });
});

const views = (core: Core) => core.db.$client.prepare("SELECT entity_id AS id, user_id AS userId, at FROM audit_log WHERE action = 'view' ORDER BY id").all();

/** An import has started and its transaction holds the lock, as csv-import.ts arranges (the desk's writes fail at once). */
function importRunning(): () => void {
  const ended = importHoldsLock(clinic.core.db);
  clinic.core.db.$client.pragma('busy_timeout = 0');
  importer.exec('BEGIN IMMEDIATE');
  return () => {
    importer.exec('ROLLBACK');
    clinic.core.db.$client.pragma('busy_timeout = 5000');
    ended();
  };
}

/** The app dies: whatever was only in memory is gone; the data folder stays. A fresh core then opens it. */
function crashAndRestart(): Core {
  if (importer.inTransaction) importer.exec('ROLLBACK');
  clinic.core.close();
  const core = openTestCore(clinic.dataDir, clinic.clock);
  reopened.push(core);
  return core;
}

const openedAt = () => clinic.clock.now.toISOString();

it('keeps the entry on disk (ids only) while the import runs, and writes it into the audit log when the import ends', async () => {
  const end = importRunning();
  expect(await clinic.admin.must('patients.get', { id: patientId })).toMatchObject({ lastName: 'García' });
  expect(views(clinic.core)).toEqual([]);
  const file = waitingFileOf(clinic.core.db);
  const kept = readFileSync(file, 'utf8');
  expect(kept.trim().split('\n')).toHaveLength(1);
  expect(JSON.parse(kept)).toMatchObject({ at: openedAt(), action: 'view', entity: 'patient', entityId: patientId });
  for (const value of Object.values(SAMPLE_PATIENT)) expect(kept).not.toContain(value);

  end();
  expect(views(clinic.core)).toEqual([{ id: patientId, userId: expect.any(Number), at: openedAt() }]);
  expect(existsSync(file)).toBe(false);
});

it('writes the entries of an import the app did not live to finish at the next start, exactly once', async () => {
  importRunning();
  await clinic.admin.must('patients.get', { id: patientId });
  clinic.clock.now = new Date(clinic.clock.now.getTime() + 1_000);
  await clinic.admin.must('patients.get', { id: patientId });
  const file = waitingFileOf(clinic.core.db);

  const restarted = crashAndRestart();
  const both = [
    { id: patientId, userId: expect.any(Number), at: '2026-11-20T09:00:00.000Z' },
    { id: patientId, userId: expect.any(Number), at: '2026-11-20T09:00:01.000Z' },
  ];
  expect(views(restarted)).toEqual(both);
  expect(existsSync(file)).toBe(false);
  restarted.close();
  reopened = [];
  const again = openTestCore(clinic.dataDir, clinic.clock);
  reopened.push(again);
  expect(views(again)).toEqual(both);
});

it('writes nothing twice when the app died after writing the entries but before removing their file', async () => {
  const end = importRunning();
  await clinic.admin.must('patients.get', { id: patientId });
  const file = waitingFileOf(clinic.core.db);
  const leftBehind = `${file}.copy`;
  copyFileSync(file, leftBehind);
  end();
  expect(views(clinic.core)).toHaveLength(1);
  copyFileSync(leftBehind, file); // as if the removal never happened
  rmSync(leftBehind);

  const restarted = crashAndRestart();
  expect(views(restarted)).toHaveLength(1);
  expect(existsSync(file)).toBe(false);
});

it('skips a line torn by a crash mid-write and keeps the entries around it', async () => {
  const end = importRunning();
  await clinic.admin.must('patients.get', { id: patientId });
  const file = waitingFileOf(clinic.core.db);
  writeFileSync(file, `${readFileSync(file, 'utf8')}{"line":"torn","at":"2026-11-2`); // the app died here
  clinic.clock.now = new Date(clinic.clock.now.getTime() + 1_000);
  await clinic.admin.must('patients.get', { id: patientId });
  end();
  expect(views(clinic.core).map((v) => (v as { at: string }).at)).toEqual(['2026-11-20T09:00:00.000Z', '2026-11-20T09:00:01.000Z']);
});

it('a read that meets a lock held by anything but an import still answers BUSY, and nothing is kept on disk', async () => {
  clinic.core.db.$client.pragma('busy_timeout = 0');
  importer.exec('BEGIN IMMEDIATE');
  expect(await clinic.admin.call('patients.get', { id: patientId })).toMatchObject({ ok: false, error: { code: 'BUSY' } });
  importer.exec('ROLLBACK');
  expect(existsSync(waitingFileOf(clinic.core.db))).toBe(false);
});
