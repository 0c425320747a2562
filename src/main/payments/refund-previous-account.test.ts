// A refund still pending at Stripe when the clinic moves to another Stripe account: the new key can never see it, so
// it is not asked about any more; the desk sees where it is and settles it by hand once that account's Dashboard says.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../testing/test-core';
import { OPEN_LINK_REFRESH_MS } from './register';
import { FIRST_ACCOUNT, openPaymentsWorld, SECOND_ACCOUNT, SECOND_KEY, TEST_KEY, type PaymentsWorld } from './test-support';

let w: PaymentsWorld;
beforeEach(async () => {
  w = await openPaymentsWorld();
  w.stripe.accounts.set(NEW_KEY, NEW_ACCOUNT);
});
afterEach(async () => {
  await w.close();
});

const OLD_ACCOUNT = FIRST_ACCOUNT;
const NEW_ACCOUNT = SECOND_ACCOUNT;
const NEW_KEY = SECOND_KEY;
const desk = () => w.clinic.admin;
const viewOf = (appointmentId: number) => desk().must('payments.forAppointment', { appointmentId });
const refundAsks = (key: string) => w.stripe.requestsTo('GET', /^\/v1\/refunds\/re_/).filter((r) => r.authorization === `Bearer ${key}`);
/** What the day book's block reads (kept by triggers on payments). */
const blockTotals = (id: number) =>
  w.rt().db.$client.prepare('SELECT payments_received AS received, payments_refunded AS refunded FROM appointments WHERE id = ?').get(id);

async function periodicPass(): Promise<void> {
  w.advance(OPEN_LINK_REFRESH_MS + 1);
  await w.rt().runner.runDue();
  await desk().must('auth.unlock', { password: ADMIN_PASSWORD });
}

/** A £50 visit paid through its link on the old account, and a £20 refund Stripe holds as pending there. */
async function pendingRefundThenMove(): Promise<{ id: number; paymentId: number; refundId: number }> {
  const id = w.book(5000);
  await w.rt().runner.runDue();
  w.stripe.markPaid([...w.stripe.links.values()][0]!.id, { fee: 95, at: new Date('2026-11-20T08:30:00Z') });
  const paymentId = (await desk().must('payments.refresh', { appointmentId: id })).payments[0]!.id;
  w.stripe.refundStatus = 'pending';
  const refund = await desk().must('payments.refund', { paymentId, amount: 2000, reason: 'Goodwill' });
  expect(refund.status).toBe('refund_pending');
  await desk().must('payments.settingsSave', { secretKey: NEW_KEY });
  return { id, paymentId, refundId: refund.id };
}

it('is no longer asked about with the new key, says where it is, and keeps counting as in flight', async () => {
  const { id, paymentId, refundId } = await pendingRefundThenMove();
  w.stripe.forgetRequests();

  await periodicPass();
  const refreshed = await desk().must('payments.refresh', { appointmentId: id });
  expect(refundAsks(NEW_KEY)).toHaveLength(0);
  // Nothing went wrong that the desk could act on by retrying: no Stripe problem sentence.
  expect(refreshed.stripeProblem).toBeNull();
  const refund = refreshed.payments.find((p) => p.id === refundId)!;
  expect(refund).toMatchObject({ status: 'refund_pending', previousAccount: { accountId: OLD_ACCOUNT, sentToStripe: true } });
  // The payment itself was taken on the old account too.
  expect(refreshed.payments.find((p) => p.id === paymentId)?.previousAccount).toEqual({ accountId: OLD_ACCOUNT, sentToStripe: true });
  // Still in flight: not returned, and not refundable a second time.
  expect(refreshed.totals).toMatchObject({ paid: 5000, refunded: 0, netPaid: 5000 });
  expect(blockTotals(id)).toEqual({ received: 5000, refunded: 0 });
  expect(await desk().call('payments.refund', { paymentId, amount: 3500, reason: 'Again' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
});

it('the desk marks it refunded by hand: counted as returned everywhere, with an audit entry', async () => {
  const { id, paymentId, refundId } = await pendingRefundThenMove();
  const marked = await desk().must('payments.settleRefund', { paymentId: refundId, outcome: 'refunded' });
  expect(marked).toMatchObject({ id: refundId, status: 'refunded', paidAt: w.clinic.clock.now.toISOString() });

  const view = await viewOf(id);
  expect(view.payments.find((p) => p.id === paymentId)?.status).toBe('partially_refunded');
  expect(view.totals).toMatchObject({ paid: 5000, refunded: 2000, netPaid: 3000 });
  expect(blockTotals(id)).toEqual({ received: 5000, refunded: 2000 });
  const day = w.clinic.clock.now.toISOString().slice(0, 10);
  expect(await desk().must('payments.summary', { from: '2026-11-01', to: day })).toEqual(
    expect.arrayContaining([expect.objectContaining({ refunds: 2000 })]),
  );
  const audit = await desk().must('audit.list', { entity: 'payment', entityId: refundId });
  expect(audit.rows.map((e) => e.action)).toContain('status-change');
  // Settled: asked about by nobody, and cannot be settled twice.
  expect(await desk().call('payments.settleRefund', { paymentId: refundId, outcome: 'failed' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
});

it('the desk marks it failed by hand: the money counts as kept, and can be refunded again', async () => {
  const { id, paymentId, refundId } = await pendingRefundThenMove();
  await desk().must('payments.settleRefund', { paymentId: refundId, outcome: 'failed' });
  const view = await viewOf(id);
  expect(view.payments.find((p) => p.id === refundId)?.status).toBe('failed');
  expect(view.payments.find((p) => p.id === paymentId)?.status).toBe('paid');
  expect(view.totals).toMatchObject({ paid: 5000, refunded: 0, netPaid: 5000 });
  expect(blockTotals(id)).toEqual({ received: 5000, refunded: 0 });

  // A new refund of that payment cannot go through the new key either: it waits, marked as not sent, for the desk.
  w.stripe.forgetRequests();
  const again = await desk().must('payments.refund', { paymentId, amount: 5000, reason: 'Refund in full' });
  expect(again).toMatchObject({ status: 'refund_pending', previousAccount: { accountId: OLD_ACCOUNT, sentToStripe: false } });
  expect(w.stripe.requestsTo('POST', /^\/v1\/refunds$/)).toHaveLength(0);
  await desk().must('payments.settleRefund', { paymentId: again.id, outcome: 'refunded' });
  expect((await viewOf(id)).totals).toMatchObject({ paid: 5000, refunded: 5000, netPaid: 0 });
  expect(blockTotals(id)).toEqual({ received: 5000, refunded: 5000 });
});

it("a refund of the saved key's own account is not settled by hand, and a 404 for it is still shown as Stripe's refusal", async () => {
  const id = w.book(5000);
  await w.rt().runner.runDue();
  w.stripe.markPaid([...w.stripe.links.values()][0]!.id);
  const paymentId = (await desk().must('payments.refresh', { appointmentId: id })).payments[0]!.id;
  w.stripe.refundStatus = 'pending';
  const refund = await desk().must('payments.refund', { paymentId, amount: 2000, reason: 'Goodwill' });
  expect(refund.previousAccount).toBeNull();
  expect(await desk().call('payments.settleRefund', { paymentId: refund.id, outcome: 'refunded' })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { paymentId: expect.stringContaining('asks Stripe') } },
  });
  w.stripe.script({ kind: 'fail', status: 404 }, { path: /^\/v1\/refunds\/re_/, times: 1 });
  const view = await desk().must('payments.refresh', { appointmentId: id });
  expect(view.stripeProblem?.code).toBe('stripe_rejected');
  expect(view.payments.find((p) => p.id === refund.id)?.status).toBe('refund_pending');
  expect(refundAsks(TEST_KEY)).toHaveLength(1);
  expect(view.totals).toMatchObject({ paid: 5000, refunded: 0, netPaid: 5000 });
});

it("back on the old account: its pending refund is asked about again, but one never sent is left to the desk (it may have been made in the Dashboard)", async () => {
  const { id, paymentId, refundId } = await pendingRefundThenMove();
  const unsent = await desk().must('payments.refund', { paymentId, amount: 1000, reason: 'Parking refund' });
  expect(unsent.previousAccount).toEqual({ accountId: OLD_ACCOUNT, sentToStripe: false });

  await desk().must('payments.settingsSave', { secretKey: TEST_KEY });
  w.stripe.forgetRequests();
  w.stripe.settleRefund(w.stripe.refunds[0]!.id, 'succeeded');
  await periodicPass();
  // The refund made on this account settles by itself again, with this account's key.
  expect(refundAsks(TEST_KEY)).toHaveLength(1);
  const view = await viewOf(id);
  expect(view.payments.find((p) => p.id === refundId)).toMatchObject({ status: 'refunded', previousAccount: null });
  // The one never sent is not sent now, and still waits for the desk's answer.
  expect(w.stripe.requestsTo('POST', /^\/v1\/refunds$/)).toHaveLength(0);
  expect(view.payments.find((p) => p.id === unsent.id)).toMatchObject({ status: 'refund_pending', previousAccount: { accountId: OLD_ACCOUNT, sentToStripe: false } });
  await desk().must('payments.settleRefund', { paymentId: unsent.id, outcome: 'failed' });
  expect((await viewOf(id)).totals).toMatchObject({ paid: 5000, refunded: 2000, netPaid: 3000 });
  expect(blockTotals(id)).toEqual({ received: 5000, refunded: 2000 });
});
