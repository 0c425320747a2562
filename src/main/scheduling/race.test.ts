// Two desks — two worker threads, each with its own SQLite connection to the same file — book the same slot
// at the same moment, 200 times. Exactly one wins each round; the other gets CONFLICT; no overlap is stored.
// Then the same race with bare INSERTs, where only the database trigger stands in the way.
import { Worker } from 'node:worker_threads';
import { resolve } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestClinic, MIGRATIONS, type TestClinic } from '../testing/test-core';
import { setUpScheduling, type SchedulingFixture } from './test-fixture';

let clinic: TestClinic;
let f: SchedulingFixture;
beforeEach(async () => {
  clinic = await createTestClinic();
  f = await setUpScheduling(clinic);
});
afterEach(() => clinic.close());

const ROUNDS = 200;

function desk(startLine: SharedArrayBuffer, patientId: number, mode: 'service' | 'raw' = 'service'): Promise<string[]> {
  const worker = new Worker(resolve(__dirname, 'race-worker.ts'), {
    // The worker loads our TypeScript through tsx, like `npx tsx` does.
    execArgv: ['--import', 'tsx'],
    workerData: {
      dataDir: clinic.dataDir,
      migrationsFolder: MIGRATIONS,
      password: ADMIN_PASSWORD,
      rounds: ROUNDS,
      startLine,
      providerId: f.providerId,
      patientId,
      firstSlot: Date.parse('2027-01-04T09:00:00Z'),
      mode,
    },
  });
  return new Promise((done, fail) => {
    worker.once('message', (m: string[]) => done(m));
    worker.once('error', fail);
  });
}

it(`exactly one of two racing desks books each of ${ROUNDS} contested slots`, async () => {
  const startLine = new SharedArrayBuffer(4);
  const [a, b] = await Promise.all([desk(startLine, f.patientId), desk(startLine, f.otherPatientId)]);
  expect(a).toHaveLength(ROUNDS);
  for (let i = 0; i < ROUNDS; i++) {
    expect([a[i], b[i]].sort(), `round ${i}`).toEqual(['CONFLICT', 'won']);
  }
  // Both desks won some rounds: the race was real, not one desk always first.
  expect(a.filter((x) => x === 'won').length).toBeGreaterThan(0);
  expect(b.filter((x) => x === 'won').length).toBeGreaterThan(0);
  const stored = clinic.core.db.$client
    .prepare(
      `SELECT COUNT(*) AS n FROM appointments x JOIN appointments y
       ON x.provider_id = y.provider_id AND x.id < y.id AND x.starts_at < y.ends_at AND y.starts_at < x.ends_at`,
    )
    .get() as { n: number };
  expect(stored.n).toBe(0);
  expect((clinic.core.db.$client.prepare('SELECT COUNT(*) AS n FROM appointments').get() as { n: number }).n).toBe(ROUNDS);
}, 120_000);

it('the database trigger alone also lets exactly one of two racing bare INSERTs in', async () => {
  const startLine = new SharedArrayBuffer(4);
  const [a, b] = await Promise.all([desk(startLine, f.patientId, 'raw'), desk(startLine, f.otherPatientId, 'raw')]);
  for (let i = 0; i < ROUNDS; i++) expect([a[i], b[i]].sort(), `round ${i}`).toEqual(['double_booking', 'won']);
  expect((clinic.core.db.$client.prepare('SELECT COUNT(*) AS n FROM appointments').get() as { n: number }).n).toBe(ROUNDS);
}, 120_000);
