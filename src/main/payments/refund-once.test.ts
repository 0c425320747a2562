// A refund is sent to Stripe once, even when its answer was lost and the retry comes after Stripe forgot the key.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { BACKOFF_CAP_MS } from '../jobs/backoff';
import { openPaymentsWorld, TEST_TIMEOUT_MS, type PaymentsWorld } from './test-support';

let w: PaymentsWorld;
beforeEach(async () => {
  w = await openPaymentsWorld();
});
afterEach(async () => {
  await w.close();
});

const desk = () => w.clinic.admin;

it('makes one Stripe refund when the first answer was lost and the app came back days later', async () => {
  const id = w.book(5000);
  await w.rt().runner.runDue();
  const linkId = [...w.stripe.links.keys()][0]!;
  w.stripe.markPaid(linkId, { fee: 95 });
  const paymentId = (await desk().must('payments.refresh', { appointmentId: id })).payments[0]!.id;

  // Stripe makes the refund, but its answer arrives after Anteroom stopped waiting (a dropped connection).
  w.stripe.script({ kind: 'ok', delayMs: TEST_TIMEOUT_MS * 3 }, { method: 'POST', path: /^\/v1\/refunds$/, times: 1 });
  const pending = await desk().must('payments.refund', { paymentId, amount: 2000, reason: 'Goodwill' });
  expect(pending.status).toBe('refund_pending');
  expect(w.stripe.refunds).toHaveLength(1);

  // The desk is closed over a long weekend: Stripe forgets the idempotency key after 24 hours.
  w.reopen();
  w.stripe.forgetIdempotencyKeys();
  w.advance(3 * 86_400_000 + BACKOFF_CAP_MS);
  await w.rt().runner.runDue();

  expect(w.stripe.refunds.map((r) => r.amount)).toEqual([2000]);
  const row = w.rt().db.$client.prepare('SELECT status, stripe_refund_id AS ref FROM payments WHERE id = ?').get(pending.id);
  expect(row).toEqual({ status: 'refunded', ref: w.stripe.refunds[0]!.id });
});
