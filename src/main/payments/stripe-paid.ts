// Records a Stripe payment the patient made through a link: amount, time, references, Stripe's fee and the net.
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { nextInSequence } from '../clinic/sequence';
import { payments } from '../db/schema';
import { chargeDetails, type PaidSession } from '../integrations/stripe/gateway';
import { planPaymentLink } from './link-planner';
import { paymentRow, isReceived } from './records';
import type { PaymentsRuntime } from './runtime';

export const formatReceiptNumber = (n: number) => `R-${String(n).padStart(6, '0')}`;

export async function recordStripePaid(rt: PaymentsRuntime, stripe: Stripe, paymentId: number, session: PaidSession): Promise<void> {
  const details = session.paymentIntentId ? await chargeDetails(stripe, session.paymentIntentId) : null;
  const at = rt.now().toISOString();
  const paidAt = new Date((details?.chargedAt ?? session.created) * 1000).toISOString();
  rt.db.transaction((tx) => {
    const row = paymentRow(tx, paymentId);
    if (!row || isReceived(row.status)) return;
    tx.update(payments)
      .set({
        status: 'paid',
        amount: session.amount > 0 ? session.amount : row.amount,
        stripeCheckoutSessionId: session.sessionId,
        stripePaymentIntentId: session.paymentIntentId,
        feeAmount: details?.fee ?? null,
        netAmount: details?.net ?? null,
        paidAt,
        // A paid link accepts no more payments (limit 1); nothing left to deactivate.
        stripeLinkActive: false,
        receiptNumber: formatReceiptNumber(nextInSequence(tx, 'receipt')),
        lastCheckedAt: at,
        updatedAt: at,
      })
      .where(eq(payments.id, paymentId))
      .run();
    // A replaced link that was paid after all: any newer link for the same fee is no longer needed.
    planPaymentLink(tx, row.appointmentId, at);
  });
}

/** Fills in Stripe's fee on a payment recorded before Stripe had settled it. */
export async function fillStripeFee(rt: PaymentsRuntime, stripe: Stripe, paymentId: number, paymentIntentId: string): Promise<void> {
  const details = await chargeDetails(stripe, paymentIntentId);
  if (details.fee === null) return;
  const at = rt.now().toISOString();
  rt.db
    .update(payments)
    .set({ feeAmount: details.fee, netAmount: details.net, lastCheckedAt: at, updatedAt: at })
    .where(eq(payments.id, paymentId))
    .run();
}
