// Plain words for payment kinds and statuses; every status also carries a symbol, so none relies on colour alone.
import type { Payment, PaymentStatus } from '../../../shared/payments';
import { LINK_STATE_LABELS, PAYMENT_KIND_LABELS } from '../../../shared/payments';

export const STATUS_LABELS: Record<PaymentStatus, string> = {
  pending_link: 'Waiting for link',
  link_ready: 'Not paid yet',
  paid: 'Paid',
  partially_refunded: 'Partly refunded',
  refunded: 'Refunded',
  void: 'Replaced or cancelled',
  // Stripe has the refund but the bank has not confirmed it: the money is not back with the patient yet.
  refund_pending: 'Refund pending',
  // Only refunds fail: the money stayed with the clinic, and the payment can be refunded again.
  failed: 'Refund failed · not returned',
};

export type Tone = 'paid' | 'waiting' | 'open' | 'quiet' | 'problem';

export function toneOf(p: Payment): Tone {
  if (p.kind === 'refund') return p.status === 'failed' ? 'problem' : p.status === 'refund_pending' ? 'waiting' : 'quiet';
  if (p.status === 'paid' || p.status === 'partially_refunded') return 'paid';
  if (p.status === 'refunded' || p.status === 'void') return 'quiet';
  if (p.linkState === 'needs_settings') return 'problem';
  if (p.linkState === 'waiting_for_connection' || p.linkState === 'creating') return 'waiting';
  return 'open';
}

export const TONE_SYMBOLS: Record<Tone, string> = { paid: '✓', waiting: '⟳', open: '○', quiet: '–', problem: '!' };

export function statusLabel(p: Payment): string {
  if (p.kind === 'stripe_link' && p.linkState && p.status === 'pending_link') return LINK_STATE_LABELS[p.linkState];
  if (p.kind === 'refund' && p.status === 'refund_pending' && p.previousAccount) {
    // Anteroom can no longer ask that account: only its Dashboard knows, and the desk marks the answer here (the
    // row adds where to look: settleHint).
    return p.previousAccount.sentToStripe ? 'Pending on the previous Stripe account' : 'Not sent · previous Stripe account';
  }
  if (p.kind === 'refund' && p.status === 'refund_pending' && p.problem) return 'Refund pending · not sent to Stripe yet';
  return STATUS_LABELS[p.status];
}

export const methodLabel = (p: Payment) => PAYMENT_KIND_LABELS[p.kind];

/** A refund only the previous Stripe account's Dashboard can settle: the desk marks it refunded or failed. */
export const settlesByHand = (p: Payment) => p.kind === 'refund' && p.status === 'refund_pending' && p.previousAccount !== null;

/** Under the status of a refund that settles by hand: where to look, and what to do then. */
export const settleHint = (p: Payment) =>
  p.previousAccount?.sentToStripe === false
    ? 'Make this refund in that account’s Stripe Dashboard, then mark how it ended.'
    : 'Check it in that account’s Stripe Dashboard, then mark how it ended.';

/** A payment that money arrived for (so it can be refunded and has a receipt). */
export const isReceived = (p: Payment) => p.kind !== 'refund' && (p.status === 'paid' || p.status === 'partially_refunded' || p.status === 'refunded');

/** What can still be refunded of a payment: its amount less refunds done or waiting on Stripe. */
export function refundableLeft(p: Payment, all: readonly Payment[]): number {
  const taken = all.filter((r) => r.kind === 'refund' && r.refundOf === p.id && r.status !== 'failed').reduce((sum, r) => sum + r.amount, 0);
  return Math.max(0, p.amount - taken);
}
