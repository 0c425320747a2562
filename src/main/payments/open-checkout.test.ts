// A patient who opened the Stripe page before the desk withdrew the link can still pay on it (Stripe keeps an open
// checkout page payable until it expires): that money must still land on the appointment, not vanish.
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

async function linkWithdrawnByCash(): Promise<{ id: number; linkId: string }> {
  const id = w.book(5000);
  await w.rt().runner.runDue();
  const linkId = [...w.stripe.links.keys()][0]!;
  // The patient's phone is on Stripe's page; it is slow, so the desk takes cash instead.
  await desk().must('payments.recordManual', { appointmentId: id, kind: 'cash', amount: 5000 });
  await w.rt().runner.runDue();
  expect(w.stripe.links.get(linkId)?.active).toBe(false);
  return { id, linkId };
}

it('a payment made on a withdrawn link shows up on Refresh, so the desk sees it was paid twice', async () => {
  const { id, linkId } = await linkWithdrawnByCash();
  w.stripe.markPaid(linkId, { fee: 95 });
  const view = await desk().must('payments.refresh', { appointmentId: id });
  expect(view.payments.map((p) => [p.kind, p.status, p.amount])).toEqual([
    ['stripe_link', 'paid', 5000],
    ['cash', 'paid', 5000],
  ]);
  expect(view.totals).toMatchObject({ paid: 10000, netPaid: 10000, outstanding: 0 });
});

it('the periodic refresh finds it too, within a day of the withdrawal', async () => {
  const { id, linkId } = await linkWithdrawnByCash();
  w.stripe.markPaid(linkId, { fee: 95 });
  w.advance(OPEN_LINK_REFRESH_MS + 1);
  await w.rt().runner.runDue();
  await desk().must('auth.unlock', { password: ADMIN_PASSWORD });
  const view = await desk().must('payments.forAppointment', { appointmentId: id });
  expect(view.payments.find((p) => p.kind === 'stripe_link')?.status).toBe('paid');
});

it('stops asking about a withdrawn link once Stripe pages opened before it have expired', async () => {
  const { linkId } = await linkWithdrawnByCash();
  const asked = () => w.stripe.requestsTo('GET', /^\/v1\/checkout\/sessions$/).filter((r) => r.query.payment_link === linkId).length;
  const before = asked();
  w.advance(25 * 3_600_000);
  await w.rt().runner.runDue();
  await desk().must('auth.unlock', { password: ADMIN_PASSWORD });
  expect(asked()).toBe(before);
});
