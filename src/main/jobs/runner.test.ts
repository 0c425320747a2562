// The job runner with an injected clock: backoff grows and caps, parked jobs wait, the timer wakes for due work.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { jobs } from '../db/schema';
import { openTestCore } from '../testing/test-core';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffDelay } from './backoff';
import { enqueueJob, jobByKey, unparkJobs } from './queue';
import { JobFailure, JobRunner, type RunnerClock } from './runner';

describe('backoff', () => {
  it('doubles from the base, never below half a step, capped at ten minutes', () => {
    expect(backoffDelay(1, () => 0)).toBe(BACKOFF_BASE_MS / 2);
    expect(backoffDelay(1, () => 1)).toBe(BACKOFF_BASE_MS);
    expect(backoffDelay(3, () => 1)).toBe(BACKOFF_BASE_MS * 4);
    expect(backoffDelay(30, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(30, () => 0)).toBe(BACKOFF_CAP_MS / 2);
  });
});

describe('JobRunner', () => {
  let core: Core;
  let clock: RunnerClock & { at: number; timers: { due: number; fn: () => void }[] };
  beforeEach(() => {
    core = openTestCore();
    clock = {
      at: 1_000_000,
      timers: [],
      now: () => clock.at,
      setTimeout: (fn, ms) => {
        const t = { due: clock.at + ms, fn };
        clock.timers.push(t);
        return t;
      },
      clearTimeout: (h) => {
        clock.timers = clock.timers.filter((t) => t !== h);
      },
      random: () => 1,
    };
  });
  afterEach(() => core.close());

  const enqueue = (key: string) => enqueueJob(core.db, { kind: 'test.work', key, payload: { n: 1 }, dueAt: 0, at: new Date(clock.at).toISOString() });

  it('retries transient failures with growing delays, then marks the job done', async () => {
    let calls = 0;
    const flaky = async () => {
      if (++calls < 3) throw new JobFailure('stripe_offline', true);
    };
    const runner = new JobRunner({ db: core.db, clock, handlers: { 'test.work': flaky } });
    enqueue('a');
    await runner.runDue();
    expect(jobByKey(core.db, 'a')).toMatchObject({ status: 'queued', attempts: 1, lastError: 'stripe_offline', nextAttemptAt: clock.at + BACKOFF_BASE_MS });
    clock.at += BACKOFF_BASE_MS - 1;
    expect(await runner.runDue()).toBe(0);
    clock.at += 1;
    await runner.runDue();
    expect(jobByKey(core.db, 'a')).toMatchObject({ attempts: 2, nextAttemptAt: clock.at + BACKOFF_BASE_MS * 2 });
    clock.at += BACKOFF_BASE_MS * 2;
    await runner.runDue();
    expect(jobByKey(core.db, 'a')).toMatchObject({ status: 'done', lastError: null });
    expect(calls).toBe(3);
  });

  it('parks permanent failures until unparked', async () => {
    let fail = true;
    const runner = new JobRunner({ db: core.db, clock, handlers: { 'test.work': async () => { if (fail) throw new JobFailure('stripe_invalid_key', false); } } });
    enqueue('b');
    await runner.runDue();
    clock.at += BACKOFF_CAP_MS * 10;
    expect(await runner.runDue()).toBe(0);
    expect(jobByKey(core.db, 'b')?.status).toBe('parked');
    fail = false;
    unparkJobs(core.db, clock.at, new Date(clock.at).toISOString());
    expect(await runner.runDue()).toBe(1);
    expect(jobByKey(core.db, 'b')?.status).toBe('done');
  });

  it('keeps a job queued when it was re-enqueued while running (new work must not be lost)', async () => {
    let runs = 0;
    // The first run gets new work queued under it (as a fee change during a Stripe call does).
    const runner = new JobRunner({ db: core.db, clock, handlers: { 'test.work': async () => void (runs++ === 0 && enqueue('c')) } });
    enqueue('c');
    await runner.runDue();
    expect(runs).toBe(2);
    expect(jobByKey(core.db, 'c')?.status).toBe('done');
  });

  it('started, it wakes by its timer at the next due time; stopped, it schedules nothing', async () => {
    let runs = 0;
    const runner = new JobRunner({ db: core.db, clock, pollMs: 30_000, handlers: { 'test.work': async () => { if (++runs === 1) throw new JobFailure('stripe_offline', true); } } });
    enqueue('d');
    runner.start();
    expect(clock.timers).toHaveLength(1);
    const fire = async () => {
      const t = clock.timers.shift()!;
      clock.at = Math.max(clock.at, t.due);
      t.fn();
      await new Promise((r) => setTimeout(r, 20));
    };
    await fire();
    expect(runs).toBe(1);
    expect(clock.timers[0]?.due).toBe(clock.at + BACKOFF_BASE_MS);
    await fire();
    expect(runs).toBe(2);
    expect(clock.timers[0]?.due).toBe(clock.at + 30_000); // nothing due: the poll interval
    await runner.stop();
    expect(clock.timers).toHaveLength(0);
    expect(core.db.select().from(jobs).all()).toMatchObject([{ status: 'done' }]);
  });
});
