// Wires payments into an open database: the appointment listener, the job runner and its Stripe handlers.
import type { Db } from '../db/client';
import { JobRunner, type RunnerClock, systemClock } from '../jobs/runner';
import { onAppointmentChange } from '../scheduling/events';
import { noSecretStore, type SecretStore } from '../secrets/secret-store';
import { LINK_JOB, planPaymentLink } from './link-planner';
import { queueNewLinks } from './link-queue';
import { syncPaymentLink } from './link-sync';
import { refreshOpenLinks } from './refresh';
import { REFUND_JOB } from './refund-job-key';
import { sendRefundToStripe } from './refunds';
import { paymentsOf, setPaymentsRuntime, type PaymentsRuntime } from './runtime';

export const OPEN_LINK_REFRESH_MS = 5 * 60_000;

/**
 * The listener is process-wide (scheduling's event list is too) and must be added once: two cores open on the
 * same file (tests, a second connection) would otherwise plan every change twice. It needs only the transaction;
 * its clock is the most recently attached core's, so tests with a fixed clock get matching timestamps.
 */
let listening = false;
let clock: () => Date = () => new Date();
/** Runners of the open cores, woken after a change queued work (a runner with nothing due just goes back to sleep). */
const runners = new Set<JobRunner>();
let wakeQueued = false;

function listenToAppointments(): void {
  if (listening) return;
  listening = true;
  // Every kind of change is planned (status steps too): planning is idempotent, and only the fee and
  // cancellation decide the link — a patient who arrived, or did not come, may still pay. Every change wakes the
  // runner, whose look plans new bookings and queues the link jobs.
  onAppointmentChange((tx, change) => {
    // A new booking's link is planned by the runner's next look, right after the commit (link-queue.ts).
    if (!(change.type === 'booked' && change.isNew)) planPaymentLink(tx, change.appointmentId, clock().toISOString());
    if (wakeQueued) return;
    wakeQueued = true;
    // A timer fires only after the synchronous transaction has committed (or rolled back): never mid-write.
    setTimeout(() => {
      wakeQueued = false;
      for (const r of runners) r.wake();
    }, 0);
  });
}

export interface PaymentsOptions {
  secrets?: SecretStore;
  stripeTimeoutMs?: number;
  clock?: Partial<RunnerClock>;
}

/** Called by openCore. The runner is created but not started: the app starts it (index.ts), tests drive it. */
export function attachPayments(db: Db, now: () => Date, opts: PaymentsOptions = {}): PaymentsRuntime {
  clock = now;
  listenToAppointments();
  const runtime: PaymentsRuntime = {
    db,
    now,
    secrets: opts.secrets ?? noSecretStore(),
    stripeTimeoutMs: opts.stripeTimeoutMs ?? 20_000,
    runner: new JobRunner({
      db,
      clock: { ...systemClock, now: () => now().getTime(), ...opts.clock },
      handlers: {
        [LINK_JOB]: (payload) => syncPaymentLink(runtime, payload.appointmentId ?? 0),
        [REFUND_JOB]: (payload) => sendRefundToStripe(runtime, payload.refundId ?? 0),
      },
      periodic: [{ name: 'refresh-open-links', everyMs: OPEN_LINK_REFRESH_MS, run: () => refreshOpenLinks(runtime) }],
      discover: [() => queueNewLinks(db, now().toISOString())],
    }),
  };
  runners.add(runtime.runner);
  setPaymentsRuntime(db, runtime);
  return runtime;
}

/** Before the database closes: stops the runner (a job in flight finishes without writing). */
export function detachPayments(db: Db): void {
  const runtime = paymentsOf(db);
  runners.delete(runtime.runner);
  void runtime.runner.stop();
}

/** For the app (safeStorage) and tests (AES-GCM): the store that encrypts the Stripe key. */
export function usePaymentSecrets(db: Db, secrets: SecretStore): void {
  paymentsOf(db).secrets = secrets;
}

/**
 * For the app, after the window's core is open (index.ts):
 *   startPayments(core.db, safeStorageStore(safeStorage))
 * Uses the OS secure store for the Stripe key and starts the background runner (links, refunds, refresh).
 */
export function startPayments(db: Db, secrets: SecretStore): PaymentsRuntime {
  const runtime = paymentsOf(db);
  runtime.secrets = secrets;
  runtime.runner.start();
  return runtime;
}
