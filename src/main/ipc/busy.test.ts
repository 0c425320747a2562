// A desk write that meets another writer's lock (a CSV import, another window) answers BUSY in plain words,
// saves nothing, and works again once the lock is gone.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { snapshotDatabase } from '../testing/db-snapshot';
import { createTestClinic, SAMPLE_PATIENT, type TestClinic } from '../testing/test-core';

let clinic: TestClinic;
let other: Database.Database;
beforeEach(async () => {
  clinic = await createTestClinic();
  other = new Database(clinic.core.dbFile);
  // The app waits 5 s for a lock; the test needs only the outcome of running out.
  clinic.core.db.$client.pragma('busy_timeout = 50');
});
afterEach(() => {
  other.close();
  clinic.close();
});

it('a write while another connection holds the write lock is BUSY, saves nothing, and succeeds afterwards', async () => {
  const before = snapshotDatabase(clinic.core.db.$client);
  other.exec('BEGIN IMMEDIATE');
  const r = await clinic.admin.call('patients.create', SAMPLE_PATIENT);
  expect(r).toEqual({
    ok: false,
    error: { code: 'BUSY', message: 'Another task is saving right now (for example an import). Try again in a moment — nothing was changed.' },
  });
  // Search runs outside a write transaction, so it still answers while the lock is held.
  expect((await clinic.admin.must('patients.search', { query: 'garcia' })).hits).toEqual([]);
  other.exec('ROLLBACK');
  expect(snapshotDatabase(clinic.core.db.$client)).toEqual(before);
  expect((await clinic.admin.must('patients.create', SAMPLE_PATIENT)).mrn).toBe('P-000001');
});
