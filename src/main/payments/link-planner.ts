// Decides, inside the appointment's own transaction, which Stripe link the appointment should have, and queues the network work.
import { enqueueJob, jobStatus } from '../jobs/queue';
import { sqlAll, sqlOne, sqlRun, type SqlTx } from '../jobs/fast-sql';
import { isReceived } from './records';

export const LINK_JOB = 'payments.link';
/** Shared with link-queue.ts's SQL, which builds the same key. */
export const LINK_JOB_KEY_PREFIX = 'payment-link:';
export const linkJobKey = (appointmentId: number) => `${LINK_JOB_KEY_PREFIX}${appointmentId}`;

interface Facts {
  patientId: number;
  fee: number;
  currency: string;
  status: string;
}

interface PlanRow {
  id: number;
  kind: string;
  status: string;
  amount: number;
  currency: string;
  linkVersion: number | null;
  /** 0/1 as stored. */
  active: number;
}

/**
 * Brings the appointment's link rows in line with its fee and status. Safe to call any number of times:
 * a second call with nothing changed does nothing. The Stripe calls happen later, in the job runner.
 * Runs inside every change of an appointment, and for a new booking right after it (link-queue.ts): cached statements.
 */
export function planPaymentLink(tx: SqlTx, appointmentId: number, at: string): void {
  const appt = sqlOne<Facts>(tx, 'SELECT patient_id AS patientId, fee, currency, status FROM appointments WHERE id = ?', appointmentId);
  if (!appt) return;
  // `+?`: with ORDER BY, a bare parameter makes SQLite re-prepare this statement on every booking (statements.ts).
  const rows = sqlAll<PlanRow>(
    tx,
    `SELECT id, kind, status, amount, currency, link_version AS linkVersion, stripe_link_active AS active
     FROM payments WHERE appointment_id = +? ORDER BY id`,
    appointmentId,
  );
  if (rows.length === 0 && (appt.fee <= 0 || appt.status === 'cancelled')) return;
  const links = rows.filter((r) => r.kind === 'stripe_link');
  const staleOnStripe = links.some((r) => r.status === 'void' && r.active === 1);
  // Once a link has been paid it stays the record of that payment; a fee change after that is settled by hand.
  // A newer link (made when the fee changed before the old one's payment was seen) is withdrawn: the patient paid.
  if (links.some((r) => isReceived(r.status))) {
    const superseded = links.filter((r) => r.status === 'pending_link' || r.status === 'link_ready');
    for (const r of superseded) sqlRun(tx, `UPDATE payments SET status = 'void', updated_at = ? WHERE id = ?`, at, r.id);
    const retired = superseded.some((r) => r.active === 1);
    return queueLinkWork(tx, appointmentId, at, { create: false, retire: staleOnStripe || retired }, superseded.length > 0);
  }

  const open = links.find((r) => r.status === 'pending_link' || r.status === 'link_ready');
  const owed = appt.fee - netReceived(rows);
  // A link is for the whole fee: once cash or insurance covered part of it, the desk settles the rest by hand.
  const wanted = appt.status !== 'cancelled' && owed > 0 && owed === appt.fee;
  const fits = open !== undefined && wanted && open.amount === appt.fee && open.currency === appt.currency;

  let changed = false;
  let retired = false;
  if (open && !fits) {
    sqlRun(tx, `UPDATE payments SET status = 'void', updated_at = ? WHERE id = ?`, at, open.id);
    changed = true;
    retired = open.active === 1;
  }
  let pending = fits && open.status === 'pending_link';
  if (wanted && !fits) {
    const version = Math.max(0, ...links.map((r) => r.linkVersion ?? 0)) + 1;
    sqlRun(
      tx,
      `INSERT INTO payments (appointment_id, patient_id, kind, status, amount, currency, link_version, created_at, updated_at)
       VALUES (?, ?, 'stripe_link', 'pending_link', ?, ?, ?, ?, ?)`,
      appointmentId,
      appt.patientId,
      appt.fee,
      appt.currency,
      version,
      at,
      at,
    );
    changed = true;
    pending = true;
  }
  queueLinkWork(tx, appointmentId, at, { create: pending, retire: retired || staleOnStripe }, changed);
}

/** Received money minus confirmed refunds. */
function netReceived(rows: PlanRow[]): number {
  let net = 0;
  for (const r of rows) {
    if (r.kind === 'refund') net -= r.status === 'refunded' ? r.amount : 0;
    else if (isReceived(r.status)) net += r.amount;
  }
  return net;
}

/**
 * Queues the link job when a link must be created, or a replaced one deactivated on Stripe. A job already
 * waiting keeps its backoff (or its parked state) unless this change gave it new work.
 *
 * A first link for an appointment that never had a job (every new booking with a fee) is not queued here: its
 * `pending_link` row is the durable record, and the runner turns it into a job after the commit (link-queue.ts).
 */
function queueLinkWork(tx: SqlTx, appointmentId: number, at: string, work: { create: boolean; retire: boolean }, changed: boolean): void {
  if (!work.create && !work.retire) return;
  const job = jobStatus(tx, linkJobKey(appointmentId));
  if (job === undefined && !work.retire) return;
  if (!changed && job !== undefined && job !== 'done') return;
  // dueAt 0: due at once whatever the runner's clock says.
  enqueueJob(tx, { kind: LINK_JOB, key: linkJobKey(appointmentId), payload: { appointmentId }, dueAt: 0, at });
}
