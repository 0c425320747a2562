// The Stripe calls Anteroom makes, as plain functions over the SDK: only ids and amounts cross, never patient data.
import type Stripe from 'stripe';

export interface NewLink {
  appointmentId: number;
  amount: number;
  currency: string;
  /** No medical details, no patient name: e.g. "Appointment #42 at Riverside Family Practice". */
  productName: string;
  idempotencyKey: string;
}

export interface CreatedLink {
  id: string;
  url: string;
}

export async function createPaymentLink(stripe: Stripe, link: NewLink): Promise<CreatedLink> {
  // Inline price_data makes the Price and the link in one request, so one idempotency key covers both.
  const created = await stripe.paymentLinks.create(
    {
      line_items: [
        {
          quantity: 1,
          price_data: { currency: link.currency.toLowerCase(), unit_amount: link.amount, product_data: { name: link.productName } },
        },
      ],
      restrictions: { completed_sessions: { limit: 1 } },
      metadata: { appointment_id: String(link.appointmentId) },
      after_completion: { type: 'hosted_confirmation', hosted_confirmation: { custom_message: 'Thank you — your payment was received.' } },
    },
    { idempotencyKey: link.idempotencyKey },
  );
  return { id: created.id, url: created.url };
}

export async function deactivatePaymentLink(stripe: Stripe, linkId: string, idempotencyKey: string): Promise<void> {
  await stripe.paymentLinks.update(linkId, { active: false }, { idempotencyKey });
}

export interface PaidSession {
  sessionId: string;
  paymentIntentId: string | null;
  amount: number;
  currency: string;
  /** Unix seconds from Stripe. */
  created: number;
}

/** The completed, paid Checkout Session of a link, if any (links are limited to one completed session). */
export async function findPaidSession(stripe: Stripe, linkId: string): Promise<PaidSession | null> {
  const page = await stripe.checkout.sessions.list({ payment_link: linkId, limit: 10 });
  const paid = page.data.find((s) => s.status === 'complete' && s.payment_status === 'paid');
  if (!paid) return null;
  const pi = paid.payment_intent;
  return {
    sessionId: paid.id,
    paymentIntentId: typeof pi === 'string' ? pi : (pi?.id ?? null),
    amount: paid.amount_total ?? 0,
    currency: (paid.currency ?? '').toUpperCase(),
    created: paid.created,
  };
}

export interface ChargeDetails {
  /** Unix seconds when the charge was made. */
  chargedAt: number | null;
  /** Stripe's processing fee and the net; null until Stripe has made the balance transaction. */
  fee: number | null;
  net: number | null;
}

export async function chargeDetails(stripe: Stripe, paymentIntentId: string): Promise<ChargeDetails> {
  const pi = await stripe.paymentIntents.retrieve(paymentIntentId, { expand: ['latest_charge.balance_transaction'] });
  const charge = pi.latest_charge;
  if (!charge || typeof charge === 'string') return { chargedAt: null, fee: null, net: null };
  const bt = charge.balance_transaction;
  if (!bt || typeof bt === 'string') return { chargedAt: charge.created, fee: null, net: null };
  return { chargedAt: charge.created, fee: bt.fee, net: bt.net };
}

export async function createRefund(
  stripe: Stripe,
  r: { paymentIntentId: string; amount: number; idempotencyKey: string; refundRowId: number },
): Promise<{ id: string; status: string }> {
  // Reason text stays in Anteroom: it may mention the patient. Stripe gets ids and the amount only.
  const refund = await stripe.refunds.create(
    { payment_intent: r.paymentIntentId, amount: r.amount, metadata: { [REFUND_ROW_KEY]: String(r.refundRowId) } },
    { idempotencyKey: r.idempotencyKey },
  );
  return { id: refund.id, status: refund.status ?? 'pending' };
}

/** Where a refund Stripe already made stands now: pending ones settle as succeeded, failed or canceled. */
export async function retrieveRefund(stripe: Stripe, refundId: string): Promise<{ id: string; status: string }> {
  const refund = await stripe.refunds.retrieve(refundId);
  return { id: refund.id, status: refund.status ?? 'pending' };
}

/** Our refund row's id, kept on Stripe's refund: an attempt whose answer was lost can be recognised later. */
const REFUND_ROW_KEY = 'anteroom_refund_id';

/**
 * The refund an earlier attempt already made for this refund row, if any. Stripe forgets an idempotency key after
 * 24 hours, so a retry after a longer pause (the app closed mid-request over a weekend) must look before it asks again.
 */
export async function findRefundFor(stripe: Stripe, paymentIntentId: string, refundRowId: number): Promise<{ id: string; status: string } | null> {
  const page = await stripe.refunds.list({ payment_intent: paymentIntentId, limit: 100 });
  const made = page.data.find((r) => r.metadata?.[REFUND_ROW_KEY] === String(refundRowId));
  return made ? { id: made.id, status: made.status ?? 'pending' } : null;
}

/** The Stripe account a key belongs to (acct_…): links made with one account's key are invisible to another's. */
export async function stripeAccountId(stripe: Stripe): Promise<string> {
  return (await stripe.accounts.retrieveCurrent()).id;
}

/** A cheap read that needs the same permission as the real work (payment links). */
export async function checkConnection(stripe: Stripe): Promise<void> {
  await stripe.paymentLinks.list({ limit: 1 });
}
