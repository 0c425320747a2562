// Decides, inside the appointment's own transaction, which Stripe link the appointment should have, and queues the network work.
import { and, eq, max } from 'drizzle-orm';
import { payments } from '../db/schema';
import { enqueueJob, jobByKey } from '../jobs/queue';
import { appointmentFacts, netReceived, paymentRowsOf, isReceived, type Tx } from './records';

export const LINK_JOB = 'payments.link';
export const linkJobKey = (appointmentId: number) => `payment-link:${appointmentId}`;

/**
 * Brings the appointment's link rows in line with its fee and status. Safe to call any number of times:
 * a second call with nothing changed does nothing. The Stripe calls happen later, in the job runner.
 */
export function planPaymentLink(tx: Tx, appointmentId: number, at: string): void {
  const appt = appointmentFacts(tx, appointmentId);
  if (!appt) return;
  const rows = paymentRowsOf(tx, appointmentId);
  const links = rows.filter((r) => r.kind === 'stripe_link');
  // Once a link has been paid it stays the record of that payment; a fee change after that is settled by hand.
  if (links.some((r) => isReceived(r.status))) return enqueueIfNeeded(tx, appointmentId, at, false);

  const open = links.find((r) => r.status === 'pending_link' || r.status === 'link_ready');
  const owed = appt.fee - netReceived(rows);
  const wanted = appt.status !== 'cancelled' && owed > 0;
  // A link is for the whole fee: once cash or insurance covered part of it, the desk settles the rest by hand.
  const fits = open && wanted && open.amount === appt.fee && open.currency === appt.currency && owed === appt.fee;

  let changed = false;
  if (open && !fits) {
    changed = true;
    tx.update(payments).set({ status: 'void', updatedAt: at }).where(eq(payments.id, open.id)).run();
  }
  if (wanted && !fits && owed === appt.fee) {
    changed = true;
    const version = tx.select({ v: max(payments.linkVersion) }).from(payments).where(and(eq(payments.appointmentId, appointmentId), eq(payments.kind, 'stripe_link'))).get()?.v ?? 0;
    tx.insert(payments)
      .values({
        appointmentId,
        patientId: appt.patientId,
        kind: 'stripe_link',
        status: 'pending_link',
        amount: appt.fee,
        currency: appt.currency,
        linkVersion: version + 1,
        createdAt: at,
        updatedAt: at,
      })
      .run();
  }
  enqueueIfNeeded(tx, appointmentId, at, changed);
}

/**
 * Queues the link job when a link must be created, or a replaced one deactivated on Stripe. A job already
 * waiting keeps its backoff (or its parked state) unless this change gave it new work.
 */
function enqueueIfNeeded(tx: Tx, appointmentId: number, at: string, changed: boolean): void {
  const waiting = jobByKey(tx, linkJobKey(appointmentId));
  if (!changed && waiting && waiting.status !== 'done') return;
  const work = paymentRowsOf(tx, appointmentId).some(
    (r) => r.kind === 'stripe_link' && (r.status === 'pending_link' || (r.status === 'void' && r.stripeLinkActive)),
  );
  // dueAt 0: due at once whatever the runner's clock says.
  if (work) enqueueJob(tx, { kind: LINK_JOB, key: linkJobKey(appointmentId), payload: { appointmentId }, dueAt: 0, at });
}
