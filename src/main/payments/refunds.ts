// Refunds, full or partial: recorded at once for manual payments, sent to Stripe through the queue for Stripe payments.
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { z } from 'zod';
import type { refundInput, settleRefundInput } from '../../shared/payments';
import { payments } from '../db/schema';
import { createRefund, findRefundFor, retrieveRefund } from '../integrations/stripe/gateway';
import { invalidField, notFound } from '../ipc/errors';
import { enqueueJob, jobByKey, type JobRow } from '../jobs/queue';
import { paymentRow, isReceived, refundedSoFar, type PaymentRow, type Tx } from './records';
import { REFUND_JOB, refundJobKey } from './refund-job-key';
import type { PaymentsRuntime } from './runtime';
import { installIdOf } from './settings';
import { asJobFailure, madeElsewhere, problemOf, stripeWithAccount } from './stripe-access';
import { formatMoney } from '../../shared/payments-format';

/** paid → partially_refunded → refunded, from the confirmed refunds. */
function settleOriginal(tx: Tx, paymentId: number, at: string): void {
  const original = paymentRow(tx, paymentId);
  if (!original) return;
  const { confirmed } = refundedSoFar(tx, paymentId);
  const status = confirmed === 0 ? 'paid' : confirmed >= original.amount ? 'refunded' : 'partially_refunded';
  tx.update(payments).set({ status, updatedAt: at }).where(eq(payments.id, paymentId)).run();
}

/**
 * Inside one transaction: checks the amount, inserts the refund row and (for Stripe) queues the Stripe call.
 * Returns the refund row id and whether Stripe must be asked.
 */
export function requestRefund(tx: Tx, input: z.output<typeof refundInput>, by: number, at: string): { refundId: number; viaStripe: boolean } {
  const original = paymentRow(tx, input.paymentId);
  if (!original || original.kind === 'refund') throw notFound('That payment');
  if (!isReceived(original.status)) throw invalidField('paymentId', 'Only a received payment can be refunded.');
  const { confirmed, pending } = refundedSoFar(tx, original.id);
  const left = original.amount - confirmed - pending;
  const amount = input.amount ?? left;
  if (left <= 0) throw invalidField('amount', 'This payment has already been refunded in full.');
  if (amount > left) throw invalidField('amount', `The refund can be at most ${formatMoney(left, original.currency)} — what is left of this payment.`);
  const viaStripe = original.kind === 'stripe_link';
  if (viaStripe && !original.stripePaymentIntentId) throw invalidField('paymentId', 'This Stripe payment has no payment reference yet. Refresh it first.');
  const row = tx
    .insert(payments)
    .values({
      appointmentId: original.appointmentId,
      patientId: original.patientId,
      kind: 'refund',
      status: viaStripe ? 'refund_pending' : 'refunded',
      amount,
      currency: original.currency,
      refundOf: original.id,
      // A refund is made on the account the payment was taken on, whatever key is saved when it is sent.
      stripeAccountId: viaStripe ? original.stripeAccountId : null,
      paidAt: viaStripe ? null : at,
      note: input.reason,
      createdBy: by,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: payments.id })
    .get();
  if (viaStripe) enqueueJob(tx, { kind: REFUND_JOB, key: refundJobKey(row.id), payload: { refundId: row.id }, dueAt: 0, at });
  else settleOriginal(tx, original.id, at);
  return { refundId: row.id, viaStripe };
}

/** The refund job: one Stripe refund per refund row, whatever the number of attempts. */
export async function sendRefundToStripe(rt: PaymentsRuntime, refundId: number): Promise<void> {
  const refund = paymentRow(rt.db, refundId);
  // Stripe's id on the row: Stripe holds it as pending, and the refresh asks after it (checkPendingRefund).
  if (!refund || refund.status !== 'refund_pending' || !refund.refundOf || refund.stripeRefundId) return;
  const original = paymentRow(rt.db, refund.refundOf);
  if (!original?.stripePaymentIntentId) return;
  let result: StripeRefund;
  let accountId: string | null;
  try {
    let stripe: Stripe;
    ({ stripe, accountId } = stripeWithAccount(rt));
    // Taken on an account the clinic has since left: this key cannot refund it (Stripe would answer 404). The row
    // waits, shown as not sent, for the desk to refund it in that account's Dashboard and mark it here.
    if (madeElsewhere(refund.stripeAccountId, accountId)) return;
    const installId = installIdOf(rt.db, rt.now().toISOString());
    // One cheap read first: a refund is money leaving the clinic, and a lost answer must never make a second one.
    result =
      (await findRefundFor(stripe, original.stripePaymentIntentId, refund.id)) ??
      (await createRefund(stripe, {
        paymentIntentId: original.stripePaymentIntentId,
        amount: refund.amount,
        idempotencyKey: `anteroom-${installId}-refund-${refund.id}`,
        refundRowId: refund.id,
      }));
  } catch (e) {
    // Stripe said no for good (e.g. the charge was disputed): the refund failed, the payment is as it was.
    if (problemOf(e).code === 'stripe_rejected') return recordRefundAnswer(rt, refund.id, original.id, { id: null, status: 'failed' });
    throw asJobFailure(e);
  }
  recordRefundAnswer(rt, refund.id, original.id, { ...result, accountId: refund.stripeAccountId ?? accountId });
}

/**
 * A refund Stripe holds as pending (or requires_action): asked again by the periodic refresh and the desk's
 * Refresh until Stripe says it succeeded, failed or was canceled. Stripe failures go to the caller.
 */
export async function checkPendingRefund(rt: PaymentsRuntime, stripe: Stripe, refund: PaymentRow): Promise<void> {
  if (refund.status !== 'refund_pending' || !refund.stripeRefundId || !refund.refundOf) return;
  recordRefundAnswer(rt, refund.id, refund.refundOf, await retrieveRefund(stripe, refund.stripeRefundId));
}

type StripeRefund = { id: string | null; status: string; /** The account it was made on, on the first answer. */ accountId?: string | null };

/**
 * Only `succeeded` means the money went back. failed / canceled: it stays with the clinic (counted as received
 * again, refundable again); anything else (pending, requires_action) keeps the row pending, with Stripe's id to ask by.
 */
function recordRefundAnswer(rt: PaymentsRuntime, refundId: number, originalId: number, answer: StripeRefund): void {
  const at = rt.now().toISOString();
  const status = answer.status === 'succeeded' ? 'refunded' : answer.status === 'failed' || answer.status === 'canceled' ? 'failed' : 'refund_pending';
  rt.db.transaction((tx) => {
    // Only a still-pending row changes: the job and a Refresh may both have asked, and the first answer stands.
    const changed = tx
      .update(payments)
      .set({
        status,
        stripeRefundId: answer.id,
        ...(answer.accountId !== undefined && { stripeAccountId: answer.accountId }),
        paidAt: status === 'refunded' ? at : null,
        lastCheckedAt: at,
        updatedAt: at,
      })
      .where(and(eq(payments.id, refundId), eq(payments.status, 'refund_pending')))
      .run();
    if (changed.changes > 0 && status !== 'refund_pending') settleOriginal(tx, originalId, at);
  });
}

/**
 * A refund the job passed over because its payment was taken on an account the clinic had left (its job is done, no
 * Stripe id). Not sent by itself if that account's key comes back: the desk was told to make it in the Dashboard, and
 * sending it then could refund the patient twice. Only the desk settles it.
 */
export const neverSent = (refund: PaymentRow, job: JobRow['status'] | undefined): boolean =>
  refund.kind === 'refund' && refund.status === 'refund_pending' && refund.stripeRefundId === null && refund.stripeAccountId !== null && (job ?? 'done') === 'done';

/**
 * The desk's answer for a refund Anteroom can no longer ask Stripe about — pending on, or never sent to, a Stripe
 * account the clinic moved away from — once that account's Dashboard shows how it ended. In the dispatcher's
 * transaction with its audit entry. A refund of the saved key's account settles by itself and is refused here.
 */
export function settleRefundByHand(tx: Tx, input: z.output<typeof settleRefundInput>, savedAccount: string | null, at: string): PaymentRow {
  const refund = paymentRow(tx, input.paymentId);
  if (!refund || refund.kind !== 'refund' || !refund.refundOf) throw notFound('That refund');
  if (refund.status !== 'refund_pending') throw invalidField('paymentId', 'This refund is already settled: it shows as refunded or failed.');
  if (!madeElsewhere(refund.stripeAccountId, savedAccount) && !neverSent(refund, jobByKey(tx, refundJobKey(refund.id))?.status)) {
    throw invalidField('paymentId', 'Anteroom asks Stripe about this refund by itself and records the answer. Use Refresh to ask now.');
  }
  const status = input.outcome === 'refunded' ? 'refunded' : 'failed';
  tx.update(payments)
    .set({ status, paidAt: status === 'refunded' ? at : null, updatedAt: at })
    .where(eq(payments.id, refund.id))
    .run();
  settleOriginal(tx, refund.refundOf, at);
  return paymentRow(tx, refund.id)!;
}
