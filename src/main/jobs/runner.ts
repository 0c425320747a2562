// Runs due jobs in the background, one at a time, outside any transaction; timer-driven with an injectable clock.
import type { Db } from '../db/client';
import { logError } from '../log';
import { backoffDelay } from './backoff';
import { dueJobs, jobByKey, makeJobDueNow, markJobDone, markJobParked, markJobRetry, nextDueAt, type JobPayload, type JobRow } from './queue';

/** Thrown by a job handler: `transient` failures retry with backoff; others park the job until a person acts. */
export class JobFailure extends Error {
  constructor(
    readonly code: string,
    readonly transient: boolean,
  ) {
    super(code);
    this.name = 'JobFailure';
  }
}

export type JobHandler = (payload: JobPayload, job: JobRow) => Promise<void>;

export interface RunnerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  random(): number;
}

export const systemClock: RunnerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  random: Math.random,
};

export interface PeriodicTask {
  name: string;
  everyMs: number;
  run: () => Promise<void>;
}

export interface RunnerOptions {
  db: Db;
  handlers: Record<string, JobHandler>;
  clock?: RunnerClock;
  /** Longest sleep between looks at the queue (another process may have added work). */
  pollMs?: number;
  periodic?: PeriodicTask[];
  /**
   * Turn durable records into jobs before each look at the queue, each in its own short transaction: work a writer
   * left as a row of its own (a booking's new payment link) rather than as a job row in its transaction.
   */
  discover?: (() => void)[];
}

export class JobRunner {
  private readonly clock: RunnerClock;
  private readonly pollMs: number;
  private timer: unknown = null;
  private running = false;
  /** Set by stop(): work already chained finds it and ends quietly (the database may be closing). */
  private halted = false;
  /** Every unit of work chains here: never two jobs (or a job and a periodic task) at once. */
  private chain: Promise<unknown> = Promise.resolve();
  private readonly lastPeriodic = new Map<string, number>();

  constructor(private readonly opts: RunnerOptions) {
    this.clock = opts.clock ?? systemClock;
    this.pollMs = opts.pollMs ?? 30_000;
  }

  get started(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.halted = false;
    this.schedule(0);
  }

  /** Stops the timer and waits for the job in flight, if any. */
  async stop(): Promise<void> {
    this.running = false;
    this.halted = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    await this.chain.catch(() => undefined);
  }

  /** Looks at the queue now rather than at the next timer (after new work is queued). */
  wake(): void {
    if (this.running) this.schedule(0);
  }

  /** Runs every job due now, then any periodic task that is due. Returns how many jobs ran. */
  runDue(): Promise<number> {
    return this.exclusive(async () => {
      let ran = 0;
      this.discoverWork();
      while (!this.halted) {
        const batch = dueJobs(this.opts.db, this.clock.now());
        if (batch.length === 0) break;
        for (const job of batch) {
          if (this.halted) break;
          await this.runOne(job);
          ran++;
        }
      }
      if (!this.halted) await this.runPeriodic();
      return ran;
    });
  }

  /** "Retry now": makes the job due and runs it, waiting for any job already in flight. */
  runNow(key: string): Promise<boolean> {
    return this.exclusive(async () => {
      if (this.halted) return false;
      this.discoverWork();
      const at = new Date(this.clock.now()).toISOString();
      if (!makeJobDueNow(this.opts.db, key, this.clock.now(), at)) return false;
      const job = jobByKey(this.opts.db, key);
      if (job) await this.runOne(job);
      return true;
    });
  }

  private discoverWork(): void {
    for (const find of this.opts.discover ?? []) {
      try {
        find();
      } catch (e) {
        // The records stay as they are: the next look tries again.
        logError('job runner: finding new work failed', e);
      }
    }
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async runOne(job: JobRow): Promise<void> {
    const handler = this.opts.handlers[job.kind];
    const at = () => new Date(this.clock.now()).toISOString();
    try {
      if (!handler) throw new JobFailure('unknown_job', false);
      await handler(JSON.parse(job.payload) as JobPayload, job);
      markJobDone(this.opts.db, job, at());
    } catch (e) {
      const failure = e instanceof JobFailure ? e : null;
      if (!failure) logError(`job ${job.kind} failed`, e);
      try {
        if (failure && !failure.transient) markJobParked(this.opts.db, job, failure.code, at());
        else markJobRetry(this.opts.db, job, failure?.code ?? 'internal', this.clock.now() + backoffDelay(job.attempts + 1, this.clock.random), at());
      } catch (writeError) {
        // The database closed under us (app quitting): the job stays queued and runs after restart.
        logError(`job ${job.kind}: could not record the outcome`, writeError);
      }
    }
  }

  private async runPeriodic(): Promise<void> {
    for (const task of this.opts.periodic ?? []) {
      const last = this.lastPeriodic.get(task.name);
      if (last !== undefined && this.clock.now() - last < task.everyMs) continue;
      this.lastPeriodic.set(task.name, this.clock.now());
      try {
        await task.run();
      } catch (e) {
        logError(`periodic ${task.name} failed`, e);
      }
    }
  }

  private schedule(ms: number): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.tick();
    }, ms);
  }

  private async tick(): Promise<void> {
    if (!this.running) return;
    try {
      await this.runDue();
    } catch (e) {
      logError('job runner tick failed', e);
    }
    if (!this.running) return;
    const due = nextDueAt(this.opts.db);
    const wait = due === null ? this.pollMs : Math.max(0, Math.min(this.pollMs, due - this.clock.now()));
    this.schedule(Math.max(wait, 50));
  }
}
