// A Stripe refund answered "pending" stays pending — not returned, still in flight — until Stripe says how it ended.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../testing/test-core';
import { OPEN_LINK_REFRESH_MS } from './register';
import { openPaymentsWorld, type PaymentsWorld } from './test-support';

let w: PaymentsWorld;
beforeEach(async () => {
  w = await openPaymentsWorld();
});
afterEach(async () => {
  await w.close();
});

const desk = () => w.clinic.admin;
const viewOf = (appointmentId: number) => desk().must('payments.forAppointment', { appointmentId });
/** The patient list's Total spend for this patient, sorted on (patient_activity) and shown (list-extras.ts). */
const listedSpend = async () => {
  const rows = (await desk().must('patients.list', { sort: 'totalSpend', direction: 'desc' })).rows;
  return rows.find((r) => r.id === w.patientId)?.totalSpend;
};
const rowOf = (id: number) => w.rt().db.$client.prepare('SELECT status, stripe_refund_id AS ref, paid_at AS paidAt FROM payments WHERE id = ?').get(id);

/** A £50 visit paid through its link on 20 November, then a refund Stripe answers as pending. */
async function paidThenPendingRefund(amount: number): Promise<{ id: number; paymentId: number; refundId: number; stripeRefundId: string }> {
  const id = w.book(5000);
  await w.rt().runner.runDue();
  const link = [...w.stripe.links.values()][0]!;
  w.stripe.markPaid(link.id, { fee: 95, at: new Date('2026-11-20T08:30:00Z') });
  const paymentId = (await desk().must('payments.refresh', { appointmentId: id })).payments[0]!.id;
  w.stripe.refundStatus = 'pending';
  const refund = await desk().must('payments.refund', { paymentId, amount, reason: 'Goodwill' });
  expect(refund).toMatchObject({ status: 'refund_pending', problem: null, retryAt: null });
  const stripeRefundId = w.stripe.refunds.at(-1)!.id;
  expect(rowOf(refund.id)).toEqual({ status: 'refund_pending', ref: stripeRefundId, paidAt: null });
  return { id, paymentId, refundId: refund.id, stripeRefundId };
}

/** Lets the periodic refresh run, as five quiet minutes at the desk do (which also lock it). */
async function periodicPass(): Promise<void> {
  w.advance(OPEN_LINK_REFRESH_MS + 1);
  await w.rt().runner.runDue();
  await desk().must('auth.unlock', { password: ADMIN_PASSWORD });
}

it('counts a pending refund as neither returned nor refundable again, and records it once Stripe says it succeeded', async () => {
  const { id, paymentId, refundId, stripeRefundId } = await paidThenPendingRefund(2000);

  let view = await viewOf(id);
  expect(view.payments.find((p) => p.id === paymentId)?.status).toBe('paid');
  expect(view.totals).toMatchObject({ paid: 5000, refunded: 0, netPaid: 5000 });
  expect(await desk().must('payments.summary', { from: '2026-11-20', to: '2026-11-21' })).toEqual([expect.objectContaining({ gross: 5000, refunds: 0 })]);
  expect(await listedSpend()).toBe(5000);
  // The £20 is on its way: only £30 is left to refund.
  expect(await desk().call('payments.refund', { paymentId, amount: 3500, reason: 'Again' })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { amount: 'The refund can be at most £30.00 — what is left of this payment.' } },
  });

  // Still pending at Stripe: the periodic refresh asks, and nothing changes.
  await periodicPass();
  expect(w.stripe.requestsTo('GET', new RegExp(`^/v1/refunds/${stripeRefundId}$`))).toHaveLength(1);
  expect(rowOf(refundId)).toMatchObject({ status: 'refund_pending' });

  w.stripe.settleRefund(stripeRefundId, 'succeeded');
  await periodicPass();
  expect(rowOf(refundId)).toEqual({ status: 'refunded', ref: stripeRefundId, paidAt: w.clinic.clock.now.toISOString() });
  view = await viewOf(id);
  expect(view.payments.find((p) => p.id === paymentId)?.status).toBe('partially_refunded');
  expect(view.totals).toMatchObject({ paid: 5000, refunded: 2000, netPaid: 3000 });
  expect(await listedSpend()).toBe(3000);
  // Asked about no more once it ended.
  await periodicPass();
  expect(w.stripe.requestsTo('GET', /^\/v1\/refunds\/re_/)).toHaveLength(2);
  expect(w.stripe.refunds).toHaveLength(1);
});

it('a pending refund that fails leaves the money received, and the desk can refund again', async () => {
  const { id, paymentId, refundId, stripeRefundId } = await paidThenPendingRefund(5000);
  w.stripe.settleRefund(stripeRefundId, 'failed');

  // The desk's Refresh on the appointment asks too, without waiting for the periodic pass.
  const view = await desk().must('payments.refresh', { appointmentId: id });
  expect(view.stripeProblem).toBeNull();
  expect(view.payments.find((p) => p.id === refundId)?.status).toBe('failed');
  expect(view.payments.find((p) => p.id === paymentId)?.status).toBe('paid');
  expect(view.totals).toMatchObject({ paid: 5000, refunded: 0, netPaid: 5000 });
  expect(rowOf(refundId)).toEqual({ status: 'failed', ref: stripeRefundId, paidAt: null });

  w.stripe.refundStatus = 'succeeded';
  const again = await desk().must('payments.refund', { paymentId, reason: 'Second try' });
  expect(again).toMatchObject({ status: 'refunded', amount: 5000 });
  expect((await viewOf(id)).payments.find((p) => p.id === paymentId)?.status).toBe('refunded');
});

it('a pending refund Stripe cancels is no longer in flight, and one waiting on the patient stays pending', async () => {
  const { id, paymentId, refundId, stripeRefundId } = await paidThenPendingRefund(1000);
  w.stripe.refundStatus = 'requires_action';
  const waiting = await desk().must('payments.refund', { paymentId, amount: 1500, reason: 'Parking refund' });
  expect(waiting.status).toBe('refund_pending');

  w.stripe.settleRefund(stripeRefundId, 'canceled');
  await periodicPass();
  const view = await viewOf(id);
  expect(view.payments.filter((p) => p.kind === 'refund').map((p) => [p.id, p.status])).toEqual([
    [refundId, 'failed'],
    [waiting.id, 'refund_pending'],
  ]);
  expect(view.totals).toMatchObject({ refunded: 0, netPaid: 5000 });
  // £15 still in flight; the cancelled £10 can be refunded again.
  expect(await desk().call('payments.refund', { paymentId, amount: 3600, reason: 'Too much' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  w.stripe.refundStatus = 'succeeded';
  expect(await desk().must('payments.refund', { paymentId, amount: 3500, reason: 'The rest' })).toMatchObject({ status: 'refunded' });
});
