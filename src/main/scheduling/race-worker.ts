// One "desk" in the race test: its own connection (openCore → openDatabase) on the shared file, booking the
// same slots as the other desk at the same moment, round after round. Run as a worker thread.
import { parentPort, workerData } from 'node:worker_threads';
import { openCore } from '../core';

interface RaceJob {
  dataDir: string;
  migrationsFolder: string;
  password: string;
  rounds: number;
  /** Int32Array[0] counts arrivals at the start line; both desks start each round together. */
  startLine: SharedArrayBuffer;
  providerId: number;
  patientId: number;
  firstSlot: number;
  /** `service`: appointments.book through the dispatcher; `raw`: a bare INSERT, so only the trigger stands guard. */
  mode: 'service' | 'raw';
}

const job = workerData as RaceJob;
const line = new Int32Array(job.startLine);

function waitForOtherDesk(round: number): void {
  const target = 2 * (round + 1);
  Atomics.add(line, 0, 1);
  Atomics.notify(line, 0);
  for (let seen = Atomics.load(line, 0); seen < target; seen = Atomics.load(line, 0)) Atomics.wait(line, 0, seen, 50);
}

async function run(): Promise<void> {
  const core = openCore({ dataDir: job.dataDir, migrationsFolder: job.migrationsFolder });
  const caller = { senderId: `desk-${process.pid}-${Math.random()}`, trusted: true };
  const signIn = await core.dispatch('auth.signIn', { username: 'admin', password: job.password }, caller);
  if (!signIn.ok) throw new Error('sign-in failed');
  const outcomes: string[] = [];
  for (let round = 0; round < job.rounds; round++) {
    const start = job.firstSlot + round * 20 * 60_000;
    waitForOtherDesk(round);
    if (job.mode === 'raw') {
      outcomes.push(rawInsert(core, start));
      continue;
    }
    const r = await core.dispatch(
      'appointments.book',
      { patientId: job.patientId, providerId: job.providerId, startsAt: new Date(start).toISOString(), endsAt: new Date(start + 20 * 60_000).toISOString() },
      caller,
    );
    outcomes.push(r.ok ? 'won' : r.error.code);
  }
  core.close();
  parentPort?.postMessage(outcomes);
}

function rawInsert(core: ReturnType<typeof openCore>, start: number): string {
  try {
    core.db.$client
      .prepare(
        `INSERT INTO appointments (patient_id, provider_id, mode, starts_at, ends_at, currency, created_at, updated_at)
         VALUES (?, ?, 'in_person', ?, ?, 'GBP', 0, 0)`,
      )
      .run(job.patientId, job.providerId, start, start + 20 * 60_000);
    return 'won';
  } catch (e) {
    return e instanceof Error ? e.message : 'error';
  }
}

void run();
