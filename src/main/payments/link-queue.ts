// Turns payment links waiting to be made into jobs for the runner, after the booking that wanted them has committed.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { sqlOne } from '../jobs/fast-sql';
import { LINK_JOB, LINK_JOB_KEY_PREFIX } from './link-planner';

/*
 * Why not a job row inside the booking: the `pending_link` payment row written in the booking's transaction is
 * already the durable record that a link must be made. Leaving the job row (and its two index pages) to this step
 * takes three of fifteen pages out of every booking's commit. Nothing can be lost in between: if the app stops
 * after the booking commits, the next look at the queue (at start, and after every change) finds the row here.
 *
 * Only appointments that never had a link job are picked up. Once a job row exists for an appointment, every
 * later change goes through it as before (link-planner.ts re-queues it), so its backoff, parked state and revision
 * keep their meaning.
 */
export function queueNewLinks(db: Db, at: string): number {
  // A read first: an INSERT takes the write lock even when it inserts nothing, and the runner looks after every
  // change and every half minute. While a CSV import holds the lock (the desk's connection does not wait then),
  // every look failed and logged an error; outside imports each look was a needless write transaction.
  if (sqlOne(db, ANY_WAITING, LINK_JOB_KEY_PREFIX) === undefined) return 0;
  return db.run(sql`
    INSERT INTO jobs (kind, "key", payload, status, attempts, revision, next_attempt_at, created_at, updated_at)
    SELECT ${LINK_JOB}, ${LINK_JOB_KEY_PREFIX} || p.appointment_id, json_object('appointmentId', p.appointment_id), 'queued', 0, 1, 0, ${at}, ${at}
    FROM payments p
    WHERE p.status = 'pending_link' AND p.kind = 'stripe_link'
      AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j."key" = ${LINK_JOB_KEY_PREFIX} || p.appointment_id)
    GROUP BY p.appointment_id`).changes;
}

/** The same rows as the INSERT's, as a read that stops at the first. */
const ANY_WAITING = `SELECT 1 AS n FROM payments p
  WHERE p.status = 'pending_link' AND p.kind = 'stripe_link'
    AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j."key" = ? || p.appointment_id)
  LIMIT 1`;
