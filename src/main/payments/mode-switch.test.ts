// Going live: links made with the test key cannot take a real card, so saving a live key makes every unpaid link again.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openPaymentsWorld, type PaymentsWorld } from './test-support';
import { appointmentPayments } from './view';

let w: PaymentsWorld;
beforeEach(async () => {
  w = await openPaymentsWorld();
});
afterEach(async () => {
  await w.close();
});

const LIVE_KEY = 'sk_live_FAKElive9876';
const view = (appointmentId: number) => appointmentPayments(w.rt().db, appointmentId, w.clinic.clock.now);
const linkCreates = () => w.stripe.requestsTo('POST', /^\/v1\/payment_links$/);

it('saving a live key after testing replaces the unpaid test links with live ones; paid ones stay as they were', async () => {
  const unpaid = w.book(5000);
  const paid = w.book(3000);
  await w.rt().runner.runDue();
  const testUrl = view(unpaid).payments[0]!.linkUrl;
  w.stripe.markPaid([...w.stripe.links.values()].find((l) => l.amount === 3000)!.id);
  await w.clinic.admin.must('payments.refresh', { appointmentId: paid });

  await w.clinic.admin.must('payments.settingsSave', { secretKey: LIVE_KEY });
  // A live key cannot see test-mode objects: Stripe answers 404 for the old link from now on.
  w.stripe.links.delete([...w.stripe.links.values()].find((l) => l.url === testUrl)!.id);
  // At once, before Stripe answers: the desk is not handed the test page any more.
  expect(view(unpaid).payments.map((p) => [p.status, p.linkUrl])).toEqual([
    ['void', null],
    ['pending_link', null],
  ]);
  await w.rt().runner.runDue();

  const live = linkCreates().at(-1)!;
  expect(live.authorization).toBe(`Bearer ${LIVE_KEY}`);
  expect(live.idempotencyKey).toMatch(new RegExp(`-link-${unpaid}-5000gbp-v2$`));
  expect(view(unpaid).payments.map((p) => p.linkState)).toEqual(['void', 'ready']);
  expect(view(unpaid).payments[1]!.linkUrl).not.toBe(testUrl);
  expect(view(paid).payments.map((p) => p.status)).toEqual(['paid']);
  // The test link is not asked about with the live key (Stripe would not know it), and Refresh stays quiet.
  expect((await w.clinic.admin.must('payments.refresh', { appointmentId: unpaid })).stripeProblem).toBeNull();
});

it('saving another key of the same mode keeps the links', async () => {
  const id = w.book(5000);
  await w.rt().runner.runDue();
  await w.clinic.admin.must('payments.settingsSave', { secretKey: 'sk_test_FAKEother0002' });
  await w.rt().runner.runDue();
  expect(view(id).payments.map((p) => p.linkState)).toEqual(['ready']);
  expect(linkCreates()).toHaveLength(1);
});
