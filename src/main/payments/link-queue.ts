// Plans the payment links of new bookings and queues their jobs, right after the bookings have committed.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { sqlAll, sqlOne, sqlRun, type SqlTx } from '../jobs/fast-sql';
import { LINK_JOB, LINK_JOB_KEY_PREFIX, planPaymentLink } from './link-planner';

/*
 * Why not inside the booking: the appointment row, with its fee, is already the durable record that a link must be
 * made; the booking's transaction need not also write the `pending_link` row (a payment row and three index pages)
 * and the link job. Both follow here, a moment after the commit: the runner looks after every change (and at start,
 * and every half minute). Nothing can be lost in between: appointment ids only grow (AUTOINCREMENT, one writer at a
 * time), and the ids planned so far are kept as one number in the same file, moved in the same transaction as the
 * rows planned. A booking made just before the app closed gets its link after the next start.
 *
 * Once an appointment has been planned here, every later change plans it inside its own transaction as before
 * (register.ts → planPaymentLink), and an appointment that already has a link job keeps it (its backoff, parked
 * state and revision keep their meaning). A change made before this look reached the appointment plans it there
 * and then; the look below plans it again, which changes nothing (planning is idempotent).
 */

/** settings key: the highest appointment id whose link has been planned. Set to the newest id by migration 0030. */
export const LINKS_PLANNED_THROUGH = 'payments.links.plannedThrough';
/**
 * SQL: true for an appointment booked since the runner last looked, whose link is about to be planned: it shows as
 * "link being made" (the state its pending_link row will give it) rather than "unpaid" for that moment. `id` names the
 * appointment id column. A constant subquery: SQLite evaluates it once per statement, not per row.
 */
export const notYetPlanned = (id: string) => `${id} > (SELECT CAST(value AS INTEGER) FROM settings WHERE key = '${LINKS_PLANNED_THROUGH}')`;

/** Per transaction, so none holds the write lock long (after sample data or an import of old appointments, say). */
const BATCH = 200;

export function queueNewLinks(db: Db, at: string): number {
  // A mark gone missing is set again as migration 0030 set it (read as 0 it would plan every appointment in the file:
  // links for the sample visits, and a million plans on the desk's thread). The day book reads a missing mark the same
  // way: nothing waiting. Asked again under the lock: another connection may have set it and planned since.
  const restore = () => {
    if (plannedThrough(db) === null) markAllPlanned(db, at);
  };
  if (plannedThrough(db) === null) db.$client.transaction(restore).immediate();
  // Reads first: a write transaction takes the lock even when it writes nothing, and the runner looks after every
  // change and every half minute. While a CSV import holds the lock (the desk's connection does not wait then), every
  // look failed and logged an error; outside imports each look was a needless write transaction.
  while (hasUnplanned(db)) db.$client.transaction(() => planNewAppointments(db, at)).immediate();
  if (sqlOne(db, ANY_WAITING, LINK_JOB_KEY_PREFIX) === undefined) return 0;
  return db.run(sql`
    INSERT INTO jobs (kind, "key", payload, status, attempts, revision, next_attempt_at, created_at, updated_at)
    SELECT ${LINK_JOB}, ${LINK_JOB_KEY_PREFIX} || p.appointment_id, json_object('appointmentId', p.appointment_id), 'queued', 0, 1, 0, ${at}, ${at}
    FROM payments p
    WHERE p.status = 'pending_link' AND p.kind = 'stripe_link'
      AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j."key" = ${LINK_JOB_KEY_PREFIX} || p.appointment_id)
    GROUP BY p.appointment_id`).changes;
}

/** The highest appointment id planned so far (0 before any); null if the mark is missing (queueNewLinks sets it again). */
export function plannedThrough(db: SqlTx): number | null {
  const mark = sqlOne<{ v: string }>(db, `SELECT value AS v FROM settings WHERE key = ?`, LINKS_PLANNED_THROUGH);
  return mark === undefined ? null : Number(mark.v);
}

function hasUnplanned(db: SqlTx): boolean {
  const mark = plannedThrough(db);
  return mark !== null && sqlOne(db, `SELECT 1 AS n FROM appointments WHERE id > ? LIMIT 1`, mark) !== undefined;
}

/**
 * Moves the mark to the newest appointment: everything already written counts as planned (or never to be). Parameters:
 * the time (ISO). Also run by the bench's seeders, which write a million appointments straight into the file.
 */
export const MARK_ALL_PLANNED_SQL = `INSERT INTO settings (key, value, updated_at) SELECT '${LINKS_PLANNED_THROUGH}', coalesce(MAX(id), 0), ? FROM appointments WHERE true
  ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`;

function markAllPlanned(tx: SqlTx, at: string): void {
  sqlRun(tx, MARK_ALL_PLANNED_SQL, at);
}

/**
 * The next batch of new appointments, each planned as any change is; the mark moves past them in the same
 * transaction. Returns how many were planned.
 */
function planNewAppointments(db: SqlTx, at: string): number {
  const mark = plannedThrough(db);
  if (mark === null) return 0;
  const ids = sqlAll<{ id: number }>(db, `SELECT id FROM appointments WHERE id > +? ORDER BY id LIMIT ${BATCH}`, mark).map((r) => r.id);
  if (ids.length === 0) return 0;
  for (const id of ids) planPaymentLink(db, id, at);
  sqlRun(
    db,
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    LINKS_PLANNED_THROUGH,
    String(ids[ids.length - 1]),
    at,
  );
  return ids.length;
}

/**
 * Writes appointments whose links are not to be planned (the newcomer's sample schedule: sample visits never asked
 * Stripe for links; a made-up patient's link would only wait for a key, or worse, be made). Real bookings not yet
 * planned are planned first, in the same transaction, so the mark never skips one of them.
 */
export function writeWithoutLinks(tx: SqlTx, at: string, write: () => void): void {
  while (planNewAppointments(tx, at) === BATCH);
  write();
  markAllPlanned(tx, at);
}

/** The same rows as the INSERT's, as a read that stops at the first. */
const ANY_WAITING = `SELECT 1 AS n FROM payments p
  WHERE p.status = 'pending_link' AND p.kind = 'stripe_link'
    AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j."key" = ? || p.appointment_id)
  LIMIT 1`;
