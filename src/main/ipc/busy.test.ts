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

it('while a CSV import holds the write lock, reads answer from the last commit and writes are refused at once, not after busy_timeout', async () => {
  other.close(); // this test's lock holder is the import itself
  other = new Database(':memory:');
  const desk = clinic.core.db.$client;
  desk.pragma('busy_timeout = 5000'); // the app's own wait
  await clinic.admin.must('patients.create', SAMPLE_PATIENT);
  const header = 'First,Last,Born,Sex,Mobile,Email,Allergies';
  const rows = Array.from({ length: 20_000 }, (_, i) => `Test${i},Person,01/01/1990,F,07911 ${String(210000 + i)},,`);
  const mapping = { firstName: 'First', lastName: 'Last', dateOfBirth: 'Born', sex: 'Sex', phone: 'Mobile', email: 'Email', allergies: 'Allergies' };
  const job = await clinic.admin.must('patients.importStart', { text: [header, ...rows].join('\n') + '\n', mapping, mode: 'all-or-nothing' });
  for (;;) {
    const s = await clinic.admin.must('patients.importStatus', { jobId: job.jobId });
    if (s.state === 'importing' && s.percent > 50) break;
    if (s.state !== 'validating' && s.state !== 'importing') throw new Error(`import ended (${s.state}: ${s.message}) before the lock could be met`);
    await new Promise((r) => setImmediate(r));
  }
  // The register still reads: the import's rows are not committed, so only the one patient shows.
  expect((await clinic.admin.must('patients.list', {})).total).toBe(1);
  const started = Date.now();
  const refused = await clinic.admin.call('patients.create', { ...SAMPLE_PATIENT, phone: '07911 123457' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'BUSY' } });
  // Answered at once, not after busy_timeout: better-sqlite3 waits for the lock synchronously, so waiting would freeze
  // the desk's whole main thread (every other call with it) for up to 5 s while the import's thread holds the lock.
  expect(Date.now() - started).toBeLessThan(2_500);
  expect((await clinic.admin.must('patients.importStatus', { jobId: job.jobId })).state).toBe('importing');

  for (;;) {
    const s = await clinic.admin.must('patients.importStatus', { jobId: job.jobId });
    if (s.state !== 'validating' && s.state !== 'importing') break;
    await new Promise((r) => setTimeout(r, 5));
  }
  expect(desk.pragma('busy_timeout', { simple: true })).toBe(5000);
  expect((await clinic.admin.must('patients.create', { ...SAMPLE_PATIENT, phone: '07911 123457' })).mrn).toBe('P-020002');
});
