// Decides, inside the appointment's own transaction, which Stripe link the appointment should have, and queues the network work.
import { eq } from 'drizzle-orm';
import { payments } from '../db/schema';
import { enqueueJob, jobByKey } from '../jobs/queue';
import { appointmentFacts, isReceived, netReceived, paymentRowsOf, type Tx } from './records';

export const LINK_JOB = 'payments.link';
export const linkJobKey = (appointmentId: number) => `payment-link:${appointmentId}`;

/**
 * Brings the appointment's link rows in line with its fee and status. Safe to call any number of times:
 * a second call with nothing changed does nothing. The Stripe calls happen later, in the job runner.
 * Runs inside every booking, so the common paths stay at a handful of indexed statements.
 */
export function planPaymentLink(tx: Tx, appointmentId: number, at: string): void {
  const appt = appointmentFacts(tx, appointmentId);
  if (!appt) return;
  const rows = paymentRowsOf(tx, appointmentId);
  if (rows.length === 0 && (appt.fee <= 0 || appt.status === 'cancelled')) return;
  const links = rows.filter((r) => r.kind === 'stripe_link');
  const staleOnStripe = links.some((r) => r.status === 'void' && r.stripeLinkActive);
  // Once a link has been paid it stays the record of that payment; a fee change after that is settled by hand.
  if (links.some((r) => isReceived(r.status))) return queueLinkWork(tx, appointmentId, at, staleOnStripe, false);

  const open = links.find((r) => r.status === 'pending_link' || r.status === 'link_ready');
  const owed = appt.fee - netReceived(rows);
  // A link is for the whole fee: once cash or insurance covered part of it, the desk settles the rest by hand.
  const wanted = appt.status !== 'cancelled' && owed > 0 && owed === appt.fee;
  const fits = open !== undefined && wanted && open.amount === appt.fee && open.currency === appt.currency;

  let changed = false;
  let retired = false;
  if (open && !fits) {
    tx.update(payments).set({ status: 'void', updatedAt: at }).where(eq(payments.id, open.id)).run();
    changed = true;
    retired = open.stripeLinkActive;
  }
  let pending = fits && open.status === 'pending_link';
  if (wanted && !fits) {
    const version = Math.max(0, ...links.map((r) => r.linkVersion ?? 0)) + 1;
    tx.insert(payments)
      .values({ appointmentId, patientId: appt.patientId, kind: 'stripe_link', status: 'pending_link', amount: appt.fee, currency: appt.currency, linkVersion: version, createdAt: at, updatedAt: at })
      .run();
    changed = true;
    pending = true;
  }
  queueLinkWork(tx, appointmentId, at, pending || retired || staleOnStripe, changed);
}

/**
 * Queues the link job when a link must be created, or a replaced one deactivated on Stripe. A job already
 * waiting keeps its backoff (or its parked state) unless this change gave it new work.
 */
function queueLinkWork(tx: Tx, appointmentId: number, at: string, work: boolean, changed: boolean): void {
  if (!work) return;
  if (!changed) {
    const waiting = jobByKey(tx, linkJobKey(appointmentId));
    if (waiting && waiting.status !== 'done') return;
  }
  // dueAt 0: due at once whatever the runner's clock says.
  enqueueJob(tx, { kind: LINK_JOB, key: linkJobKey(appointmentId), payload: { appointmentId }, dueAt: 0, at });
}
