// Payment links against the fake Stripe server with the real SDK: request shape, failures, retries and restarts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobs, payments } from '../db/schema';
import { BACKOFF_CAP_MS } from '../jobs/backoff';
import { linkJobKey } from './link-planner';
import { PATIENT_DETAILS, openPaymentsWorld, TEST_KEY, type PaymentsWorld } from './test-support';
import { appointmentPayments } from './view';
import { jobByKey } from '../jobs/queue';
import { ADMIN_PASSWORD, openTestCore } from '../testing/test-core';
import { paymentsOf } from './runtime';

let w: PaymentsWorld;
beforeEach(async () => {
  w = await openPaymentsWorld();
});
afterEach(async () => {
  await w.close();
});

const linkCreates = () => w.stripe.requestsTo('POST', /^\/v1\/payment_links$/);
const view = (appointmentId: number) => appointmentPayments(w.rt().db, appointmentId, w.clinic.clock.now);
const linkOf = (appointmentId: number) => view(appointmentId).payments.find((p) => p.kind === 'stripe_link' && p.status !== 'void');

describe('a booked appointment with a fee', () => {
  it('gets exactly one Stripe link for its fee, with nothing about the patient sent to Stripe', async () => {
    const id = w.book(5000);
    expect(linkOf(id)).toMatchObject({ status: 'pending_link', linkState: 'creating', amount: 5000, currency: 'GBP' });
    await w.rt().runner.runDue();

    expect(linkCreates()).toHaveLength(1);
    const req = linkCreates()[0]!;
    expect(req.body).toEqual({
      line_items: [{ quantity: '1', price_data: { currency: 'gbp', unit_amount: '5000', product_data: { name: `Appointment #${id} at Riverside Family Practice` } } }],
      restrictions: { completed_sessions: { limit: '1' } },
      metadata: { appointment_id: String(id) },
      after_completion: { type: 'hosted_confirmation', hosted_confirmation: { custom_message: expect.any(String) } },
    });
    expect(req.idempotencyKey).toMatch(new RegExp(`^anteroom-[0-9a-f]{8}-link-${id}-5000gbp-v1$`));
    expect(req.authorization).toBe(`Bearer ${TEST_KEY}`);
    const sent = JSON.stringify(w.stripe.requests.map((r) => [r.path, r.query, r.body]));
    for (const detail of PATIENT_DETAILS) expect(sent).not.toContain(detail);

    const link = [...w.stripe.links.values()][0]!;
    expect(linkOf(id)).toMatchObject({ status: 'link_ready', linkState: 'ready', linkUrl: link.url, problem: null, retryAt: null });
    expect(jobByKey(w.rt().db, linkJobKey(id))?.status).toBe('done');
  });

  it('makes no link for a free appointment', async () => {
    const id = w.book(0);
    await w.rt().runner.runDue();
    expect(view(id).payments).toEqual([]);
    expect(linkCreates()).toHaveLength(0);
  });

  it('waits for connection on a timeout and retries with the same idempotency key, making one link', async () => {
    w.stripe.script({ kind: 'hang' }, { path: /^\/v1\/payment_links$/, times: 1 });
    const id = w.book(5000);
    await w.rt().runner.runDue();
    expect(linkOf(id)).toMatchObject({ status: 'pending_link', linkState: 'waiting_for_connection', problem: { code: 'stripe_offline' } });
    // The desk can say when the next try is: after now, within the backoff cap.
    const retryAt = Date.parse(linkOf(id)?.retryAt ?? '');
    expect(retryAt).toBeGreaterThan(w.clinic.clock.now.getTime());
    expect(retryAt).toBeLessThanOrEqual(w.clinic.clock.now.getTime() + BACKOFF_CAP_MS);
    // The backoff holds the next attempt back: running now sends nothing.
    await w.rt().runner.runDue();
    expect(linkCreates()).toHaveLength(1);

    w.advance(BACKOFF_CAP_MS);
    await w.rt().runner.runDue();
    const [first, second] = linkCreates();
    expect(second?.idempotencyKey).toBe(first?.idempotencyKey);
    expect(w.stripe.links.size).toBe(1);
    expect(linkOf(id)).toMatchObject({ linkState: 'ready' });
  });

  it('keeps one link when Stripe made it but the answer was lost (slow network)', async () => {
    w.stripe.script({ kind: 'ok', delayMs: 1200 }, { path: /^\/v1\/payment_links$/, times: 1 });
    const id = w.book(5000);
    await w.rt().runner.runDue();
    expect(linkOf(id)?.linkState).toBe('waiting_for_connection');
    expect(w.stripe.links.size).toBe(1); // Stripe did make it

    w.advance(BACKOFF_CAP_MS);
    await w.rt().runner.runDue();
    expect(w.stripe.links.size).toBe(1);
    expect(linkOf(id)).toMatchObject({ linkState: 'ready', linkUrl: [...w.stripe.links.values()][0]!.url });
  });

  it.each([
    [500, 'stripe_unavailable'],
    [503, 'stripe_unavailable'],
    [429, 'stripe_rate_limited'],
  ] as const)('retries after %i (%s) until Stripe answers', async (status, code) => {
    w.stripe.script({ kind: 'fail', status }, { path: /^\/v1\/payment_links$/, times: 2 });
    const id = w.book(5000);
    await w.rt().runner.runDue();
    expect(linkOf(id)).toMatchObject({ linkState: 'waiting_for_connection', problem: { code } });
    w.advance(BACKOFF_CAP_MS);
    await w.rt().runner.runDue();
    expect(jobByKey(w.rt().db, linkJobKey(id))?.attempts).toBe(2);
    w.advance(BACKOFF_CAP_MS);
    await w.rt().runner.runDue();
    expect(linkOf(id)?.linkState).toBe('ready');
    expect(w.stripe.links.size).toBe(1);
  });

  it.each([
    [401, 'stripe_invalid_key'],
    [403, 'stripe_permission'],
  ] as const)('parks the link on %i (%s) until an admin changes the settings', async (status, code) => {
    w.stripe.script({ kind: 'fail', status }, { path: /^\/v1\/payment_links$/ });
    const id = w.book(5000);
    await w.rt().runner.runDue();
    const pending = linkOf(id)!;
    expect(pending).toMatchObject({ linkState: 'needs_settings', problem: { code } });
    expect(pending.problem?.message).not.toMatch(/Scripted|Error|at /);
    w.advance(BACKOFF_CAP_MS * 3);
    await w.rt().runner.runDue();
    expect(linkCreates()).toHaveLength(1); // parked: no hammering a bad key

    w.stripe.clearScripts();
    await w.clinic.admin.must('auth.unlock', { password: ADMIN_PASSWORD }); // the clock moved past the idle lock
    await w.clinic.admin.must('payments.settingsSave', { secretKey: 'rk_test_FAKErestr0002' });
    await w.rt().runner.runDue();
    expect(linkOf(id)?.linkState).toBe('ready');
    expect(linkCreates().at(-1)?.authorization).toBe('Bearer rk_test_FAKErestr0002');
  });

  it('waits for the settings when no key is saved yet, then creates the link once one is', async () => {
    await w.clinic.admin.must('payments.settingsSave', { removeKey: true });
    const id = w.book(4000);
    await w.rt().runner.runDue();
    expect(linkOf(id)).toMatchObject({ linkState: 'needs_settings', problem: { code: 'stripe_not_configured' } });
    expect(w.stripe.requests).toHaveLength(0);
    await w.clinic.admin.must('payments.settingsSave', { secretKey: TEST_KEY });
    await w.rt().runner.runDue();
    expect(linkOf(id)?.linkState).toBe('ready');
  });

  it('"retry now" runs a waiting link at once, ignoring the backoff', async () => {
    w.stripe.script({ kind: 'fail', status: 500 }, { path: /^\/v1\/payment_links$/, times: 1 });
    const id = w.book(5000);
    await w.rt().runner.runDue();
    expect(linkOf(id)?.linkState).toBe('waiting_for_connection');
    const after = await w.clinic.admin.must('payments.retry', { appointmentId: id });
    expect(after.payments.find((p) => p.kind === 'stripe_link')).toMatchObject({ linkState: 'ready' });
  });
});

describe('fee changes and cancellations', () => {
  it('replaces the link when the fee of an unpaid appointment changes, deactivating the old one', async () => {
    const id = w.book(5000);
    await w.rt().runner.runDue();
    const oldLink = [...w.stripe.links.values()][0]!;
    w.setFee(id, 7000);
    await w.rt().runner.runDue();

    expect(w.stripe.links.get(oldLink.id)?.active).toBe(false);
    const deactivate = w.stripe.requestsTo('POST', new RegExp(`^/v1/payment_links/${oldLink.id}$`))[0]!;
    expect(deactivate.body).toEqual({ active: 'false' });
    expect(deactivate.idempotencyKey).toBeTruthy();
    const second = linkCreates()[1]!;
    expect(second.body).toMatchObject({ line_items: [{ price_data: { unit_amount: '7000' } }] });
    expect(second.idempotencyKey).toMatch(/-link-\d+-7000gbp-v2$/);
    const rows = view(id).payments;
    expect(rows.map((p) => [p.status, p.amount])).toEqual([
      ['void', 5000],
      ['link_ready', 7000],
    ]);
  });

  it('deactivates the link when the appointment is cancelled, and owes nothing', async () => {
    const id = w.book(5000);
    await w.rt().runner.runDue();
    w.cancel(id);
    await w.rt().runner.runDue();
    expect([...w.stripe.links.values()][0]?.active).toBe(false);
    expect(view(id).payments[0]).toMatchObject({ status: 'void', linkState: 'void', linkUrl: null });
    expect(view(id).totals).toMatchObject({ outstanding: 0, upcoming: 0 });
  });

  it('withdraws the new link when the patient paid the old one just before the fee changed', async () => {
    const id = w.book(5000);
    await w.rt().runner.runDue();
    const oldLink = [...w.stripe.links.values()][0]!;
    w.setFee(id, 7000);
    w.stripe.markPaid(oldLink.id, { fee: 95 });
    await w.rt().runner.runDue();

    // The desk must not be handed a second link for the full new fee: the patient could pay twice.
    expect(view(id).payments.map((p) => [p.status, p.amount, p.linkUrl !== null])).toEqual([
      ['paid', 5000, true],
      ['void', 7000, false],
    ]);
    expect([...w.stripe.links.values()].filter((l) => l.id !== oldLink.id && l.active)).toEqual([]);
    expect(view(id).totals).toMatchObject({ outstanding: 0, upcoming: 2000 }); // the rest is due at next week's visit
  });

  it('a Stripe refusal while recording the old link’s payment leaves that link on watch, and makes no second link', async () => {
    const id = w.book(5000);
    await w.rt().runner.runDue();
    const oldLink = [...w.stripe.links.values()][0]!;
    w.setFee(id, 7000);
    w.stripe.markPaid(oldLink.id, { fee: 95 });
    // Stripe finds the paid session but refuses the payment's details once.
    w.stripe.script({ kind: 'fail', status: 404 }, { method: 'GET', path: /^\/v1\/payment_intents\//, times: 1 });
    await w.rt().runner.runDue();
    // Not written off as a link Stripe does not know (it was paid), and the patient is not handed a second link.
    expect(w.stripe.links.size).toBe(1);
    expect(view(id).payments.map((p) => [p.status, p.amount, p.note])).toEqual([
      ['void', 5000, null],
      ['pending_link', 7000, null],
    ]);

    // The next look records the payment and withdraws the newer link.
    await w.clinic.admin.must('payments.refresh', { appointmentId: id });
    expect(view(id).payments.map((p) => [p.status, p.amount])).toEqual([
      ['paid', 5000],
      ['void', 7000],
    ]);
    expect(w.stripe.links.size).toBe(1);
  });

  it('withdraws the new link when a refresh finds the old one paid while Stripe was unreachable', async () => {
    const id = w.book(5000);
    await w.rt().runner.runDue();
    const oldLink = [...w.stripe.links.values()][0]!;
    w.stripe.script({ kind: 'fail', status: 503 }, { method: 'POST', path: /^\/v1\/payment_links\/.+$/, times: 1 });
    w.setFee(id, 7000);
    await w.rt().runner.runDue(); // the old link could not be deactivated yet
    w.stripe.markPaid(oldLink.id, { fee: 95 });
    await w.clinic.admin.must('payments.refresh', { appointmentId: id });
    w.advance(BACKOFF_CAP_MS);
    await w.rt().runner.runDue();

    expect(view(id).payments.map((p) => [p.status, p.amount])).toEqual([
      ['paid', 5000],
      ['void', 7000],
    ]);
    expect(w.stripe.links.size).toBe(1);
    expect(view(id).totals).toMatchObject({ outstanding: 0, upcoming: 2000 }); // the rest is due at next week's visit
  });

  it('a fee change while the first link is still waiting creates only the new one', async () => {
    await w.stripe.stop(); // offline
    const id = w.book(5000);
    await w.rt().runner.runDue();
    w.setFee(id, 6000);
    await w.stripe.start(w.stripe.port);
    await w.rt().runner.runDue();
    expect(linkCreates()).toHaveLength(1);
    expect(linkCreates()[0]!.body).toMatchObject({ line_items: [{ price_data: { unit_amount: '6000' } }] });
  });
});

describe('atomic with the booking', () => {
  it('a booking that rolls back leaves no payment row and no job', () => {
    const before = w.rt().db.select().from(jobs).all().length;
    expect(() =>
      w.core().db.$client.transaction(() => {
        w.book(5000);
        throw new Error('double booking refused after the listener ran');
      })(),
    ).toThrow(/double booking/);
    expect(w.rt().db.select().from(payments).all()).toHaveLength(0);
    expect(w.rt().db.select().from(jobs).all()).toHaveLength(before);
  });

  it('plans once even with a second connection open on the same file (one listener per process)', async () => {
    const second = openTestCore(w.clinic.dataDir, w.clinic.clock);
    try {
      const id = w.book(5000);
      expect(view(id).payments).toHaveLength(1);
      await w.rt().runner.runDue();
      await paymentsOf(second.db).runner.runDue();
      expect(linkCreates()).toHaveLength(1);
    } finally {
      second.close();
    }
  });
});

describe('the queue across restarts', () => {
  it('survives closing the app while offline and creates the link after reopening', async () => {
    await w.stripe.stop();
    const id = w.book(5000);
    await w.rt().runner.runDue();
    w.reopen();
    const job = w.rt().db.select().from(jobs).all();
    expect(job).toMatchObject([{ key: linkJobKey(id), status: 'queued', lastError: 'stripe_offline', attempts: 1 }]);
    expect(job[0]!.payload).toBe(JSON.stringify({ appointmentId: id }));

    await w.stripe.start(w.stripe.port);
    w.advance(BACKOFF_CAP_MS);
    await w.rt().runner.runDue();
    expect(w.stripe.links.size).toBe(1);
    expect(linkOf(id)?.linkState).toBe('ready');
  });

  it('makes exactly one link when the app closes while Stripe is answering', async () => {
    w.stripe.script({ kind: 'ok', delayMs: 300 }, { path: /^\/v1\/payment_links$/, times: 1 });
    const id = w.book(5000);
    const inFlight = w.rt().runner.runDue();
    await until(() => linkCreates().length === 1);
    w.reopen(); // the first core closes with the request in flight
    await inFlight;
    await w.rt().runner.runDue();
    expect(linkCreates()).toHaveLength(2);
    expect(linkCreates()[1]!.idempotencyKey).toBe(linkCreates()[0]!.idempotencyKey);
    expect(w.stripe.links.size).toBe(1);
    expect(linkOf(id)).toMatchObject({ linkState: 'ready', linkUrl: [...w.stripe.links.values()][0]!.url });
  });

  it('the timer-driven runner picks up queued work by itself', async () => {
    const id = w.book(5000);
    w.rt().runner.start();
    await until(() => linkOf(id)?.linkState === 'ready');
    await w.rt().runner.stop();
    expect(w.stripe.links.size).toBe(1);
  });
});

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
