// The payments machinery of one open database: its secret store, Stripe timeout and job runner.
// Kept per Db (not in the shared Services) so payments can be wired without touching every handler's context.
import type { Db } from '../db/client';
import type { JobRunner } from '../jobs/runner';
import type { SecretStore } from '../secrets/secret-store';

export interface PaymentsRuntime {
  db: Db;
  now: () => Date;
  /** Replaced at startup by Electron's safeStorage (index.ts) or a test store; until then keys cannot be saved. */
  secrets: SecretStore;
  /** Per Stripe request. */
  stripeTimeoutMs: number;
  runner: JobRunner;
}

const runtimes = new WeakMap<Db, PaymentsRuntime>();

export function setPaymentsRuntime(db: Db, runtime: PaymentsRuntime): void {
  runtimes.set(db, runtime);
}

export function paymentsOf(db: Db): PaymentsRuntime {
  const runtime = runtimes.get(db);
  if (!runtime) throw new Error('payments are not attached to this database (openCore attaches them)');
  return runtime;
}

/** After the current transaction commits (timers never fire mid-write), look at the queue for the work it added. */
export function wakeAfterCommit(runtime: PaymentsRuntime): void {
  setTimeout(() => runtime.runner.wake(), 0);
}
