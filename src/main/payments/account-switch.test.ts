// Moving to another Stripe account (same mode): the new account would never see the old links' payments, so saving
// its key makes every unpaid link again there — and says plainly that the old ones are still open on the old account.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { snapshotDatabase } from '../testing/db-snapshot';
import { FIRST_ACCOUNT, openPaymentsWorld, SECOND_ACCOUNT, SECOND_KEY, TEST_KEY, type PaymentsWorld } from './test-support';

let w: PaymentsWorld;
beforeEach(async () => {
  w = await openPaymentsWorld();
});
afterEach(async () => {
  await w.close();
});

const OLD_ACCOUNT = FIRST_ACCOUNT;
const NEW_ACCOUNT = SECOND_ACCOUNT;
const NEW_KEY = SECOND_KEY;
const desk = () => w.clinic.admin;
const viewOf = async (appointmentId: number) => (await desk().must('payments.forAppointment', { appointmentId })).payments;
const linkCreates = () => w.stripe.requestsTo('POST', /^\/v1\/payment_links$/);
const deactivations = () => w.stripe.requestsTo('POST', /^\/v1\/payment_links\/plink_/);

beforeEach(() => {
  w.stripe.accounts.set(NEW_KEY, NEW_ACCOUNT);
});

it("a key of another account voids the unpaid links, makes them again on the new account, and leaves paid ones alone", async () => {
  const unpaid = w.book(5000);
  const paid = w.book(3000);
  await w.rt().runner.runDue();
  const [oldLink, paidLink] = [...w.stripe.links.values()];
  w.stripe.markPaid(paidLink!.id);
  const paidBefore = (await desk().must('payments.refresh', { appointmentId: paid })).payments;
  expect(paidBefore[0]).toMatchObject({ status: 'paid', receiptNumber: 'R-000001' });
  expect((await desk().must('payments.settingsGet', {})).accountId).toBe(OLD_ACCOUNT);

  const saved = await desk().must('payments.settingsSave', { secretKey: NEW_KEY });
  expect(saved).toMatchObject({ mode: 'test', accountId: NEW_ACCOUNT, leftOnPreviousAccount: { accountId: OLD_ACCOUNT, links: 1 } });
  // At once, in the save's own transaction: the desk is not handed the old account's page any more.
  const withdrawn = await viewOf(unpaid);
  expect(withdrawn.map((p) => [p.status, p.linkUrl])).toEqual([
    ['void', null],
    ['pending_link', null],
  ]);
  // Honest about what could not be done: the old link is still open on the old account.
  expect(withdrawn[0]?.note).toContain(`previous Stripe account (${OLD_ACCOUNT}) and still open there`);
  // The paid link is left as it was, now marked as taken on the previous account (a refund of it must be made there).
  expect(await viewOf(paid)).toEqual(paidBefore.map((p) => ({ ...p, previousAccount: { accountId: OLD_ACCOUNT, sentToStripe: true } })));

  await w.rt().runner.runDue();
  const made = linkCreates().at(-1)!;
  expect(made.authorization).toBe(`Bearer ${NEW_KEY}`);
  expect(made.idempotencyKey).toMatch(new RegExp(`-link-${unpaid}-5000gbp-v2$`));
  expect((await viewOf(unpaid)).map((p) => p.linkState)).toEqual(['void', 'ready']);
  expect(w.stripe.links.get(oldLink!.id)?.active).toBe(true); // nobody pretended to switch it off
  expect(deactivations()).toHaveLength(0);
  expect(linkCreates()).toHaveLength(3);
  // The new key cannot see the old link: Refresh stays quiet about it.
  expect((await desk().must('payments.refresh', { appointmentId: unpaid })).stripeProblem).toBeNull();
});

it('another key of the same account keeps the links', async () => {
  const id = w.book(5000);
  await w.rt().runner.runDue();
  w.stripe.accounts.set('sk_test_FAKErotated0003', OLD_ACCOUNT);
  const saved = await desk().must('payments.settingsSave', { secretKey: 'sk_test_FAKErotated0003' });
  expect(saved).toMatchObject({ accountId: OLD_ACCOUNT, leftOnPreviousAccount: null });
  await w.rt().runner.runDue();
  expect((await viewOf(id)).map((p) => p.linkState)).toEqual(['ready']);
  expect(linkCreates()).toHaveLength(1);
});

it('a clinic set up before account ids were kept: the old key is asked once, and the move is still seen', async () => {
  const id = w.book(5000);
  await w.rt().runner.runDue();
  w.rt().db.$client.prepare("DELETE FROM settings WHERE key = 'payments.stripe.accountId'").run();
  await desk().must('payments.settingsSave', { secretKey: NEW_KEY });
  const asked = w.stripe.requestsTo('GET', /^\/v1\/account$/).slice(-2);
  expect(asked.map((r) => r.authorization)).toEqual([`Bearer ${NEW_KEY}`, `Bearer ${TEST_KEY}`]);
  expect((await viewOf(id)).map((p) => p.status)).toEqual(['void', 'pending_link']);
});

it('a key Stripe refuses, or a Stripe out of reach, changes nothing', async () => {
  const id = w.book(5000);
  await w.rt().runner.runDue();
  const before = snapshotDatabase(w.rt().db.$client);

  w.stripe.script({ kind: 'fail', status: 401 }, { path: /^\/v1\/account$/, times: 1 });
  expect(await desk().call('payments.settingsSave', { secretKey: NEW_KEY })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { secretKey: expect.stringContaining('Stripe did not accept this key') } },
  });
  w.stripe.script({ kind: 'fail', status: 503 }, { path: /^\/v1\/account$/, times: 1 });
  expect(await desk().call('payments.settingsSave', { secretKey: NEW_KEY })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', fields: { secretKey: expect.stringContaining('could not be reached') } },
  });
  expect(snapshotDatabase(w.rt().db.$client)).toEqual(before);
  expect((await viewOf(id)).map((p) => p.linkState)).toEqual(['ready']);
});

it('a restricted key that may not read its account saves, keeps the known account and the links, and says so', async () => {
  const RESTRICTED = 'rk_test_FAKErestr0004';
  const id = w.book(5000);
  await w.rt().runner.runDue();
  const [link] = [...w.stripe.links.values()];
  w.stripe.forgetRequests();
  // Stripe refuses this key, and only this key, what account it belongs to.
  w.stripe.script({ kind: 'fail', status: 403 }, { path: /^\/v1\/account$/, key: RESTRICTED });

  const saved = await desk().must('payments.settingsSave', { secretKey: RESTRICTED });
  expect(saved).toMatchObject({ keyLast4: '0004', accountId: OLD_ACCOUNT, leftOnPreviousAccount: null });
  expect(saved.accountNotice).toContain('could not confirm which Stripe account');
  expect(saved.accountNotice).toContain('links were left as they are');
  expect(w.stripe.requestsTo('GET', /^\/v1\/account$/).map((r) => r.authorization)).toEqual([`Bearer ${RESTRICTED}`]);
  // Nothing voided or made again; the link the patient has still works and is still looked after.
  await w.rt().runner.runDue();
  expect((await viewOf(id)).map((p) => [p.status, p.linkUrl])).toEqual([['link_ready', link!.url]]);
  expect(linkCreates()).toHaveLength(0);
  expect((await desk().must('payments.settingsGet', {})).accountNotice).toBe(saved.accountNotice);

  // A key whose account Stripe does tell takes over as usual, and the notice goes.
  const rotated = await desk().must('payments.settingsSave', { secretKey: TEST_KEY });
  expect(rotated).toMatchObject({ accountId: OLD_ACCOUNT, accountNotice: null });
});

it('a link the old key was still making while the new key was saved does not hold up the new link, and stays tied to the old account', async () => {
  const id = w.book(5000);
  await w.rt().runner.runDue();
  await desk().must('payments.settingsSave', { secretKey: NEW_KEY });
  // As if Stripe's answer for the old link landed after the save: the void row is marked still open on Stripe.
  w.rt().db.$client.prepare("UPDATE payments SET stripe_link_active = 1, note = NULL WHERE appointment_id = ? AND status = 'void'").run(id);
  await w.rt().runner.runDue();
  const rows = await viewOf(id);
  expect(rows.map((p) => p.linkState)).toEqual(['void', 'ready']);
  // Not written off: still open on the old account, so the row says so and waits for that account's key.
  expect(rows[0]?.note).toContain(`previous Stripe account (${OLD_ACCOUNT}) and still open there`);
  const row = "SELECT stripe_link_active AS active, stripe_account_id AS account FROM payments WHERE appointment_id = ? AND status = 'void'";
  expect(w.rt().db.$client.prepare(row).get(id)).toEqual({ active: 1, account: OLD_ACCOUNT });
  expect(deactivations()).toHaveLength(0);
});
