// Paid status, manual payments, refunds, totals, receipts, QR and earnings — over the fake Stripe server.
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS } from '../jobs/backoff';
import { ADMIN_PASSWORD } from '../testing/test-core';
import { OPEN_LINK_REFRESH_MS } from './register';
import { openPaymentsWorld, PATIENT_DETAILS, type PaymentsWorld } from './test-support';

let w: PaymentsWorld;
beforeEach(async () => {
  w = await openPaymentsWorld();
});
afterEach(async () => {
  await w.close();
});

const desk = () => w.clinic.admin;
const linkIdOf = async (appointmentId: number) => {
  const view = await desk().must('payments.forAppointment', { appointmentId });
  const url = view.payments.find((p) => p.kind === 'stripe_link' && p.linkState === 'ready')?.linkUrl;
  return [...w.stripe.links.values()].find((l) => l.url === url)!.id;
};
const stripePayment = async (appointmentId: number) =>
  (await desk().must('payments.forAppointment', { appointmentId })).payments.find((p) => p.kind === 'stripe_link')!;

async function bookAndPay(fee: number, stripeFee = 95): Promise<{ id: number; paymentId: number; paymentIntentId: string }> {
  const id = w.book(fee);
  await w.rt().runner.runDue();
  const { paymentIntentId } = w.stripe.markPaid(await linkIdOf(id), { fee: stripeFee, at: new Date('2026-11-20T08:30:00Z') });
  await desk().must('payments.refresh', { appointmentId: id });
  return { id, paymentId: (await stripePayment(id)).id, paymentIntentId };
}

describe('paid status', () => {
  it('lands on the appointment whose link was paid, with Stripe fee, net and a receipt number', async () => {
    const a = w.book(5000);
    const b = w.book(3000);
    await w.rt().runner.runDue();
    const { paymentIntentId } = w.stripe.markPaid(await linkIdOf(b), { fee: 65, at: new Date('2026-11-20T08:45:00Z') });

    const viewA = await desk().must('payments.refresh', { appointmentId: a });
    expect(viewA.payments[0]).toMatchObject({ status: 'link_ready', paidAt: null });
    const viewB = await desk().must('payments.refresh', { appointmentId: b });
    expect(viewB.payments[0]).toMatchObject({
      status: 'paid',
      linkState: 'paid',
      amount: 3000,
      feeAmount: 65,
      netAmount: 2935,
      stripePaymentIntentId: paymentIntentId,
      paidAt: '2026-11-20T08:45:00.000Z',
      receiptNumber: 'R-000001',
    });
    expect(viewB.totals).toMatchObject({ fees: 3000, paid: 3000, refunded: 0, netPaid: 3000, outstanding: 0, upcoming: 0, stripeFees: 65 });
    // Booked for next week: not owed yet, due at the visit.
    expect((await desk().must('payments.forAppointment', { appointmentId: a })).totals).toMatchObject({ outstanding: 0, upcoming: 5000 });
    const lookup = w.stripe.requestsTo('GET', /^\/v1\/payment_intents\//)[0]!;
    expect(lookup.query).toEqual({ expand: ['latest_charge.balance_transaction'] });
  });

  it('is picked up by the periodic refresh of open links', async () => {
    const id = w.book(5000);
    await w.rt().runner.runDue();
    w.stripe.markPaid(await linkIdOf(id));
    w.advance(OPEN_LINK_REFRESH_MS + 1);
    await w.rt().runner.runDue();
    await desk().must('auth.unlock', { password: ADMIN_PASSWORD });
    expect((await stripePayment(id)).status).toBe('paid');
  });

  it('leaves links of appointments long past to the desk, and keeps going past a link Stripe refuses', async () => {
    const old = w.book(5000, { startsAt: w.clinic.clock.now.getTime() - 40 * 86_400_000 });
    const gone = w.book(4000);
    const recent = w.book(3000);
    await w.rt().runner.runDue();
    w.stripe.markPaid(await linkIdOf(old));
    w.stripe.markPaid(await linkIdOf(recent));
    w.stripe.links.delete(await linkIdOf(gone)); // Stripe answers 404 for it
    w.advance(OPEN_LINK_REFRESH_MS + 1);
    await w.rt().runner.runDue();
    await desk().must('auth.unlock', { password: ADMIN_PASSWORD });
    expect((await stripePayment(recent)).status).toBe('paid');
    expect((await stripePayment(old)).status).toBe('link_ready');
    expect((await desk().must('payments.refresh', { appointmentId: old })).payments[0]?.status).toBe('paid');
  });

  it('tells the desk when Stripe cannot be asked, and changes nothing', async () => {
    const id = w.book(5000);
    await w.rt().runner.runDue();
    w.stripe.script({ kind: 'fail', status: 429 });
    const view = await desk().must('payments.refresh', { appointmentId: id });
    expect(view.stripeProblem).toMatchObject({ code: 'stripe_rate_limited', message: expect.stringContaining('slow down') });
    expect(view.payments[0]?.status).toBe('link_ready');
  });

  it('refuses a refresh of an appointment that does not exist', async () => {
    expect(await desk().call('payments.refresh', { appointmentId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('manual payments and refunds', () => {
  it('cash and insurance settle the fee, withdraw the link, and refunds add up in the totals', async () => {
    const id = w.book(5000);
    await w.rt().runner.runDue();
    const cash = await desk().must('payments.recordManual', { appointmentId: id, kind: 'cash', amount: 2000, note: 'Paid at the desk' });
    expect(cash).toMatchObject({ kind: 'cash', status: 'paid', amount: 2000, receiptNumber: 'R-000001' });
    // Part-paid: the full-fee link is withdrawn so the patient cannot pay it twice.
    await w.rt().runner.runDue();
    expect([...w.stripe.links.values()][0]?.active).toBe(false);
    await desk().must('payments.recordManual', { appointmentId: id, kind: 'insurance', amount: 3000, note: 'AXA claim 991' });

    const refund = await desk().must('payments.refund', { paymentId: cash.id, amount: 500, reason: 'Overcharged' });
    expect(refund).toMatchObject({ kind: 'refund', status: 'refunded', amount: 500, refundOf: cash.id });
    expect(w.stripe.requestsTo('POST', /^\/v1\/refunds$/)).toHaveLength(0); // manual refunds are recorded, not sent

    const view = await desk().must('payments.forAppointment', { appointmentId: id });
    expect(view.totals).toMatchObject({ fees: 5000, paid: 5000, refunded: 500, netPaid: 4500, outstanding: 0, upcoming: 500 });
    expect(view.payments.find((p) => p.id === cash.id)?.status).toBe('partially_refunded');
  });

  it('refunds a Stripe payment through Stripe, partially then fully, with an idempotency key and no reason text', async () => {
    const { id, paymentId, paymentIntentId } = await bookAndPay(5000);
    const part = await desk().must('payments.refund', { paymentId, amount: 1500, reason: 'María left early — asthma review shortened' });
    expect(part).toMatchObject({ status: 'refunded', amount: 1500 });
    const sent = w.stripe.requestsTo('POST', /^\/v1\/refunds$/);
    expect(sent[0]?.body).toEqual({ payment_intent: paymentIntentId, amount: '1500', metadata: { anteroom_refund_id: String(part.id) } });
    expect(sent[0]?.idempotencyKey).toMatch(/^anteroom-[0-9a-f]{8}-refund-\d+$/);

    const tooMuch = await desk().call('payments.refund', { paymentId, amount: 4000, reason: 'Again' });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { amount: 'The refund can be at most £35.00 — what is left of this payment.' } } });

    await desk().must('payments.refund', { paymentId, reason: 'Appointment cancelled by the clinic' });
    const view = await desk().must('payments.forAppointment', { appointmentId: id });
    expect(view.payments.find((p) => p.id === paymentId)?.status).toBe('refunded');
    expect(view.totals).toMatchObject({ paid: 5000, refunded: 5000, netPaid: 0, outstanding: 0, upcoming: 5000, stripeFees: 95 });
    expect(w.stripe.refunds.map((r) => r.amount)).toEqual([1500, 3500]);
    const everything = JSON.stringify(w.stripe.requests.map((r) => [r.path, r.query, r.body]));
    for (const detail of [...PATIENT_DETAILS, 'left early']) expect(everything).not.toContain(detail);
  });

  it('keeps a refund pending while Stripe is down and completes it later, exactly once', async () => {
    const { paymentId } = await bookAndPay(5000);
    w.stripe.script({ kind: 'fail', status: 500 }, { path: /^\/v1\/refunds$/, times: 1 });
    const pending = await desk().must('payments.refund', { paymentId, amount: 1000, reason: 'Goodwill' });
    expect(pending).toMatchObject({ status: 'refund_pending', problem: { code: 'stripe_unavailable' } });
    w.advance(BACKOFF_CAP_MS);
    await w.rt().runner.runDue();
    await desk().must('auth.unlock', { password: ADMIN_PASSWORD });
    const view = await desk().must('payments.forAppointment', { appointmentId: pending.appointmentId });
    expect(view.payments.find((p) => p.id === pending.id)?.status).toBe('refunded');
    expect(w.stripe.refunds).toHaveLength(1);
  });

  it('only an administrator may refund', async () => {
    const { paymentId } = await bookAndPay(5000);
    const reception = await w.clinic.signedIn('receptionist');
    expect(await reception.call('payments.refund', { paymentId, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it("the patient's history sums every appointment", async () => {
    const first = await bookAndPay(5000);
    const second = w.book(3000);
    await desk().must('payments.recordManual', { appointmentId: second, kind: 'card_terminal', amount: 1000, note: null });
    w.cancel(w.book(9000));
    const history = await desk().must('payments.forPatient', { patientId: w.patientId });
    expect(history.appointmentCount).toBe(2);
    // Every visit is next week: what is left is upcoming, not owed (owed.test.ts covers visits that took place).
    expect(history.totals).toMatchObject({ currency: 'GBP', fees: 8000, paid: 6000, refunded: 0, outstanding: 0, upcoming: 2000, stripeFees: 95 });
    expect(history.payments.some((p) => p.appointmentId === first.id && p.status === 'paid')).toBe(true);
    // The patient list's Appts and Total spend columns say the same as the patient's page.
    const listed = (await desk().must('patients.list', {})).rows.find((r) => r.id === w.patientId);
    expect(listed).toMatchObject({ appointmentCount: history.appointmentCount, totalSpend: history.totals.netPaid });
  });
});

describe('receipts, QR codes and earnings', () => {
  it('makes a numbered receipt PDF for a received payment', async () => {
    const { paymentId } = await bookAndPay(5000);
    const receipt = await desk().must('payments.receiptPdf', { paymentId });
    expect(receipt.fileName).toBe('receipt-R-000001.pdf');
    const bytes = Buffer.from(receipt.base64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe('Receipt R-000001');
  });

  it('refuses a receipt for a link nobody has paid', async () => {
    const id = w.book(5000);
    await w.rt().runner.runDue();
    const link = await stripePayment(id);
    expect(await desk().call('payments.receiptPdf', { paymentId: link.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('shows a ready link as an SVG QR code', async () => {
    const id = w.book(5000);
    await w.rt().runner.runDue();
    const link = await stripePayment(id);
    const qr = await desk().must('payments.linkQr', { paymentId: link.id });
    expect(qr.url).toBe(link.linkUrl);
    expect(qr.svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(Buffer.from(qr.dataUrl.replace('data:image/svg+xml;base64,', ''), 'base64').toString()).toBe(qr.svg);
  });

  it('sums earnings per day and doctor: gross, Stripe fees, refunds, net', async () => {
    const { paymentId } = await bookAndPay(5000, 95);
    await desk().must('payments.recordManual', { appointmentId: w.book(3000), kind: 'cash', amount: 3000, note: null });
    await desk().must('payments.refund', { paymentId, amount: 1000, reason: 'Goodwill' });
    const rows = await desk().must('payments.summary', { from: '2026-11-20', to: '2026-11-20' });
    expect(rows).toEqual([
      { day: '2026-11-20', providerId: w.providerId, providerName: 'Dr Amara Okafor', currency: 'GBP', gross: 8000, stripeFees: 95, refunds: 1000, net: 6905, count: 2 },
    ]);
    expect(await desk().must('payments.summary', { from: '2026-11-21', to: '2026-11-30' })).toEqual([]);
  });
});
