// Reads and writes the jobs table; every function is synchronous so callers can use it inside their own transaction.
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jobs } from '../db/schema/jobs';
import { sqlOne, sqlRun, type SqlTx } from './fast-sql';

/** A drizzle db or transaction handle. */
export type JobTx = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;
export type JobRow = typeof jobs.$inferSelect;
export type JobPayload = Record<string, number>;

/** Queues (or revives) the job with this key, due at `dueAt` ms. Payload: ids only. Runs inside bookings, hence raw SQL. */
export function enqueueJob(tx: SqlTx, job: { kind: string; key: string; payload: JobPayload; dueAt: number; at: string }): void {
  sqlRun(
    tx,
    `INSERT INTO jobs (kind, "key", payload, status, attempts, revision, next_attempt_at, created_at, updated_at)
     VALUES (?, ?, ?, 'queued', 0, 1, ?, ?, ?)
     ON CONFLICT("key") DO UPDATE SET kind = excluded.kind, payload = excluded.payload, status = 'queued', attempts = 0,
       revision = revision + 1, next_attempt_at = excluded.next_attempt_at, updated_at = excluded.updated_at`,
    job.kind,
    job.key,
    JSON.stringify(job.payload),
    job.dueAt,
    job.at,
    job.at,
  );
}

/** Just the status of the job with this key (queued, parked or done), or undefined when there never was one. */
export const jobStatus = (tx: SqlTx, key: string): JobRow['status'] | undefined =>
  sqlOne<{ status: JobRow['status'] }>(tx, `SELECT status FROM jobs WHERE "key" = ?`, key)?.status;

export function dueJobs(tx: JobTx, nowMs: number, limit = 20): JobRow[] {
  return tx
    .select()
    .from(jobs)
    .where(and(eq(jobs.status, 'queued'), lte(jobs.nextAttemptAt, nowMs)))
    .orderBy(asc(jobs.nextAttemptAt), asc(jobs.id))
    .limit(limit)
    .all();
}

export function nextDueAt(tx: JobTx): number | null {
  const row = tx.select({ at: jobs.nextAttemptAt }).from(jobs).where(eq(jobs.status, 'queued')).orderBy(asc(jobs.nextAttemptAt)).limit(1).get();
  return row?.at ?? null;
}

export const jobByKey = (tx: JobTx, key: string): JobRow | undefined => tx.select().from(jobs).where(eq(jobs.key, key)).get();

/** Done — unless the job was re-enqueued while it ran (its revision moved on): then it stays queued for the newer work. */
export function markJobDone(tx: JobTx, job: JobRow, at: string): void {
  tx.update(jobs)
    .set({ status: 'done', lastError: null, lastAttemptAt: at, updatedAt: at })
    .where(and(eq(jobs.id, job.id), eq(jobs.revision, job.revision)))
    .run();
}

export function markJobRetry(tx: JobTx, job: JobRow, code: string, dueAt: number, at: string): void {
  tx.update(jobs)
    .set({ attempts: job.attempts + 1, lastError: code, nextAttemptAt: dueAt, lastAttemptAt: at, updatedAt: at })
    .where(and(eq(jobs.id, job.id), eq(jobs.revision, job.revision)))
    .run();
}

export function markJobParked(tx: JobTx, job: JobRow, code: string, at: string): void {
  tx.update(jobs)
    .set({ status: 'parked', attempts: job.attempts + 1, lastError: code, lastAttemptAt: at, updatedAt: at })
    .where(and(eq(jobs.id, job.id), eq(jobs.revision, job.revision)))
    .run();
}

/** After settings change: parked jobs get another go at once. */
export function unparkJobs(tx: JobTx, nowMs: number, at: string): number {
  return tx.update(jobs).set({ status: 'queued', attempts: 0, nextAttemptAt: nowMs, updatedAt: at }).where(eq(jobs.status, 'parked')).run().changes;
}

/** "Retry now": the job (queued or parked) is due immediately. Returns false when there is no such open job. */
export function makeJobDueNow(tx: JobTx, key: string, nowMs: number, at: string): boolean {
  const job = jobByKey(tx, key);
  if (!job || job.status === 'done') return false;
  tx.update(jobs).set({ status: 'queued', nextAttemptAt: nowMs, updatedAt: at }).where(eq(jobs.id, job.id)).run();
  return true;
}
