// Moving to another Stripe account and back (A → B → A): the links left open on A are taken up again once A's key is
// back — switched off, or recorded if a patient paid one meanwhile — and B's are left open on B, said so, as for any move.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../testing/test-core';
import { leftOpenNote } from './mode-switch';
import { OPEN_LINK_REFRESH_MS } from './register';
import { FIRST_ACCOUNT, openPaymentsWorld, SECOND_ACCOUNT, SECOND_KEY, TEST_KEY, type PaymentsWorld } from './test-support';

let w: PaymentsWorld;
beforeEach(async () => {
  w = await openPaymentsWorld();
  w.stripe.accounts.set(B_KEY, B);
});
afterEach(async () => {
  await w.close();
});

const A = FIRST_ACCOUNT;
const B = SECOND_ACCOUNT;
const B_KEY = SECOND_KEY;
const desk = () => w.clinic.admin;

interface LinkRow {
  id: number;
  appointmentId: number;
  status: string;
  active: number;
  account: string | null;
  linkId: string | null;
  note: string | null;
}
const linkRows = (): LinkRow[] =>
  w.rt().db.$client
    .prepare(
      `SELECT id, appointment_id AS appointmentId, status, stripe_link_active AS active, stripe_account_id AS account,
              stripe_link_id AS linkId, note FROM payments WHERE kind = 'stripe_link' ORDER BY id`,
    )
    .all() as LinkRow[];
const linkOn = (row: LinkRow) => w.stripe.links.get(row.linkId!)!;

async function runAll(): Promise<void> {
  await w.rt().runner.runDue();
  await w.rt().runner.runDue();
}

async function periodicPass(): Promise<void> {
  w.advance(OPEN_LINK_REFRESH_MS + 1);
  await runAll();
  await desk().must('auth.unlock', { password: ADMIN_PASSWORD });
}

it('A → B → A: every unpaid visit ends with one open link on A, and no link row is left that nothing looks after', async () => {
  const unpaid = w.book(3000);
  const paysOldLink = w.book(5000);
  const paidBefore = w.book(4000);
  await runAll();
  const aLinkOf = new Map(linkRows().map((r) => [r.appointmentId, r]));
  w.stripe.markPaid(aLinkOf.get(paidBefore)!.linkId!);
  await desk().must('payments.refresh', { appointmentId: paidBefore });

  await desk().must('payments.settingsSave', { secretKey: B_KEY });
  await runAll();
  // On B, the two unpaid visits have B links; A's stay open on A, marked so, and are not asked about with B's key.
  w.stripe.forgetRequests();
  w.advance(2 * 86_400_000); // two days on B: a patient pays the old A link they were sent
  w.stripe.markPaid(aLinkOf.get(paysOldLink)!.linkId!);
  await periodicPass();
  const askedWithB = w.stripe.requests.filter((r) => r.authorization === `Bearer ${B_KEY}` && JSON.stringify(r.query).includes(aLinkOf.get(unpaid)!.linkId!));
  expect(askedWithB).toHaveLength(0);

  const back = await desk().must('payments.settingsSave', { secretKey: TEST_KEY });
  expect(back).toMatchObject({ accountId: A, leftOnPreviousAccount: { accountId: B, links: 2 } });
  await runAll();

  // The visit whose patient paid the old A link: recorded as paid, no second link made for it.
  const paidView = await desk().must('payments.forAppointment', { appointmentId: paysOldLink });
  expect(paidView.totals).toMatchObject({ paid: 5000, outstanding: 0, upcoming: 0 });
  expect(paidView.payments.filter((p) => p.status === 'link_ready')).toHaveLength(0);
  // The unpaid visit: exactly one open link, made on A; its old A link switched off there.
  const rows = linkRows();
  const open = rows.filter((r) => r.status === 'link_ready' || r.status === 'pending_link');
  expect(open.map((r) => [r.appointmentId, r.status, r.account])).toEqual([[unpaid, 'link_ready', A]]);
  expect(linkOn(open[0]!)).toMatchObject({ account: A, active: true });
  expect(linkOn(aLinkOf.get(unpaid)!).active).toBe(false);
  expect(rows.find((r) => r.id === aLinkOf.get(unpaid)!.id)).toMatchObject({ status: 'void', active: 0, note: null });
  expect(rows.find((r) => r.id === aLinkOf.get(paidBefore)!.id)?.status).toBe('paid');

  // Every link row is settled (paid, or void and off Stripe's books), open on A, or left open on B and said so.
  for (const r of rows) {
    const settled = ['paid', 'partially_refunded', 'refunded'].includes(r.status) || (r.status === 'void' && r.active === 0);
    const openHere = r.status === 'link_ready' && r.account === A;
    const leftOnB = r.status === 'void' && r.active === 1 && r.account === B && r.note === leftOpenNote(B);
    expect({ row: r, ok: settled || openHere || leftOnB }).toEqual({ row: r, ok: true });
  }
  const leftOnB = rows.filter((r) => r.active === 1 && r.status === 'void');
  expect(leftOnB.map((r) => r.appointmentId).sort()).toEqual([unpaid, paysOldLink].sort());
  expect(leftOnB.every((r) => linkOn(r).active && linkOn(r).account === B)).toBe(true);
});
