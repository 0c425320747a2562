// Payments through the real window.api in the built renderer (the screens come in a later pass): a booked
// appointment gets a link and a QR code; with Stripe unreachable it waits, then appears; refresh marks it paid;
// the receipt is a PDF. Stripe is the local fake server on 127.0.0.1, reached by the official SDK in main.
import { randomBytes } from 'node:crypto';
import { paymentsOf } from '../../src/main/payments/runtime';
import { aesGcmStore } from '../../src/main/secrets/aes-gcm-store';
import type { AppointmentPayments } from '../../src/shared/payments';
import { FakeStripe } from '../fakes/stripe-server';
import { expect, test, type Page } from './fixtures';

const linkOf = (page: Page, appointmentId: number) =>
  page.evaluate(async (id) => {
    const r = await window.api.payments.forAppointment({ appointmentId: id });
    if (!r.ok) throw new Error(r.error.message);
    return r.data.payments.find((p) => p.kind === 'stripe_link' && p.status !== 'void') ?? null;
  }, appointmentId);

test('book → link with QR; offline → waiting → link; paid via refresh; receipt PDF', async ({ page, anteroom }) => {
  const stripe = await new FakeStripe().start();
  const rt = paymentsOf(anteroom.core.db);
  rt.secrets = aesGcmStore(randomBytes(32));
  rt.stripeTimeoutMs = 1000;
  try {
    await anteroom.setUpAndSignIn();
    await anteroom.call('payments.settingsSave', { secretKey: 'sk_test_FAKEe2e0001', apiBase: stripe.apiBase });
    const provider = await anteroom.call('providers.create', { name: 'Dr Amara Okafor', consultationFee: 5000, color: '#2a7ab0' });
    const patient = await anteroom.call('patients.create', {
      firstName: 'María',
      lastName: 'García',
      dateOfBirth: '1984-03-12',
      sex: 'female',
      phone: '07911 123456',
    });
    rt.runner.start();

    const book = (hoursAhead: number) =>
      page.evaluate(
        async (i) => {
          const r = await window.api.appointments.book(i);
          if (!r.ok) throw new Error(r.error.message);
          return r.data.appointment.id;
        },
        {
          patientId: patient.id,
          providerId: provider.id,
          startsAt: new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + hoursAhead * 3_600_000).toISOString(),
          endsAt: new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + hoursAhead * 3_600_000 + 20 * 60_000).toISOString(),
          fee: 5000,
          overrideDoubleBooking: true,
        },
      );

    const first = await book(48);
    await expect.poll(async () => (await linkOf(page, first))?.linkState).toBe('ready');
    const link = (await linkOf(page, first))!;
    const qr = await page.evaluate(async (id) => window.api.payments.linkQr({ paymentId: id }), link.id);
    expect(qr).toMatchObject({ ok: true, data: { url: link.linkUrl, dataUrl: expect.stringMatching(/^data:image\/svg\+xml;base64,/) } });

    await stripe.stop();
    const second = await book(50);
    await expect.poll(async () => (await linkOf(page, second))?.linkState).toBe('waiting_for_connection');
    await stripe.start(stripe.port);
    const retried = await page.evaluate(async (id) => window.api.payments.retry({ appointmentId: id }), second);
    expect(retried.ok && retried.data.payments.find((p) => p.kind === 'stripe_link')?.linkState).toBe('ready');

    const linkId = [...stripe.links.values()].find((l) => l.url === link.linkUrl)!.id;
    stripe.markPaid(linkId, { fee: 95 });
    const refreshed = await page.evaluate(async (id) => window.api.payments.refresh({ appointmentId: id }), first);
    expect(refreshed.ok).toBe(true);
    const paid = (refreshed as { data: AppointmentPayments }).data;
    expect(paid.payments[0]).toMatchObject({ status: 'paid', feeAmount: 95, netAmount: 4905, receiptNumber: 'R-000001' });
    expect(paid.totals).toMatchObject({ paid: 5000, outstanding: 0 });

    const receipt = await page.evaluate(async (id) => window.api.payments.receiptPdf({ paymentId: id }), paid.payments[0]!.id);
    expect(receipt.ok && Buffer.from(receipt.data.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(JSON.stringify(stripe.requests.map((r) => r.body))).not.toMatch(/Garc|Mar[ií]a|7911/);
  } finally {
    await rt.runner.stop();
    await stripe.stop();
  }
});
