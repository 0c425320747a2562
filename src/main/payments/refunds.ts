// Refunds, full or partial: recorded at once for manual payments, sent to Stripe through the queue for Stripe payments.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { refundInput } from '../../shared/payments';
import { payments } from '../db/schema';
import { createRefund, findRefundFor } from '../integrations/stripe/gateway';
import { invalidField, notFound } from '../ipc/errors';
import { enqueueJob } from '../jobs/queue';
import { paymentRow, isReceived, refundedSoFar, type Tx } from './records';
import { REFUND_JOB, refundJobKey } from './refund-job-key';
import type { PaymentsRuntime } from './runtime';
import { installIdOf } from './settings';
import { asJobFailure, problemOf, stripeFor } from './stripe-access';
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
  if (!refund || refund.status !== 'refund_pending' || !refund.refundOf) return;
  const original = paymentRow(rt.db, refund.refundOf);
  if (!original?.stripePaymentIntentId) return;
  let result: { id: string; status: string };
  try {
    const stripe = stripeFor(rt);
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
    if (problemOf(e).code === 'stripe_rejected') return markRefund(rt, refund.id, original.id, 'failed', null);
    throw asJobFailure(e);
  }
  markRefund(rt, refund.id, original.id, result.status === 'failed' || result.status === 'canceled' ? 'failed' : 'refunded', result.id);
}

function markRefund(rt: PaymentsRuntime, refundId: number, originalId: number, status: 'refunded' | 'failed', stripeRefundId: string | null): void {
  const at = rt.now().toISOString();
  rt.db.transaction((tx) => {
    tx.update(payments)
      .set({ status, stripeRefundId, paidAt: status === 'refunded' ? at : null, updatedAt: at })
      .where(eq(payments.id, refundId))
      .run();
    settleOriginal(tx, originalId, at);
  });
}
