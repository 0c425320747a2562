// After the clinic moves to another Stripe account, through the real UI: a refund still pending on the old account is
// shown as such and the desk marks how it ended; a restricted key that may not say its account leaves a plain notice.
import { randomBytes } from 'node:crypto';
import { usePaymentSecrets } from '../../src/main/payments/register';
import { paymentsOf } from '../../src/main/payments/runtime';
import { aesGcmStore } from '../../src/main/secrets/aes-gcm-store';
import { FakeStripe } from '../fakes/stripe-server';
import { expect, test, type AnteroomFixture } from './fixtures';
import { DeskPage } from './pages/DeskPage';
import { PaymentPanel, PaymentSettingsPage } from './pages/PaymentsPage';

const KEY = 'sk_test_FAKEe2e4242';
const NEW_KEY = 'sk_test_FAKEmoved0002';

let stripe: FakeStripe;
test.beforeEach(async () => {
  stripe = await new FakeStripe().start();
  stripe.accounts.set(NEW_KEY, 'acct_1FAKEsecond0002');
});
test.afterEach(async ({ anteroom }) => {
  await paymentsOf(anteroom.core.db).runner.stop();
  await stripe.stop();
});

async function configureStripe(anteroom: AnteroomFixture): Promise<void> {
  usePaymentSecrets(anteroom.core.db, aesGcmStore(randomBytes(32)));
  paymentsOf(anteroom.core.db).stripeTimeoutMs = 1_000;
  await anteroom.call('payments.settingsSave', { secretKey: KEY, apiBase: stripe.apiBase });
}

/** A £50 visit an hour from now, paid through its link. */
async function paidVisit(anteroom: AnteroomFixture): Promise<{ appointmentId: number; paymentId: number }> {
  const provider = await anteroom.call('providers.create', { name: 'Dr Amara Okafor', consultationFee: 5000, color: '#2a7ab0' });
  const patient = await anteroom.call('patients.create', { firstName: 'Tom', lastName: 'Reed', dateOfBirth: '1990-01-02', sex: 'male', phone: '07400 123456' });
  const startsAt = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 3_600_000);
  const saved = await anteroom.call('appointments.book', {
    patientId: patient.id,
    providerId: provider.id,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 30 * 60_000).toISOString(),
    fee: 5000,
    overrideDoubleBooking: true,
  });
  const appointmentId = saved.appointment.id;
  await paymentsOf(anteroom.core.db).runner.runDue();
  stripe.markPaid([...stripe.links.values()][0]!.id, { fee: 95 });
  const paid = await anteroom.call('payments.refresh', { appointmentId });
  return { appointmentId, paymentId: paid.payments[0]!.id };
}

test('a refund pending on the previous Stripe account says so, and the desk marks it refunded', async ({ page, anteroom }) => {
  await anteroom.setUpAndSignIn();
  await configureStripe(anteroom);
  const { appointmentId, paymentId } = await paidVisit(anteroom);
  stripe.refundStatus = 'pending';
  await anteroom.call('payments.refund', { paymentId, amount: 2000, reason: 'Goodwill' });
  await anteroom.call('payments.settingsSave', { secretKey: NEW_KEY });

  const desk = new DeskPage(page);
  await desk.nav('Day book').click();
  await page.locator(`[data-appointment-id="${appointmentId}"]`).first().click();
  const panel = new PaymentPanel(page);
  const refundRow = panel.section().getByRole('listitem').filter({ hasText: 'Refund' });
  await expect(refundRow).toContainText('Pending on the previous Stripe account');
  await expect(refundRow).toContainText('Check it in that account’s Stripe Dashboard, then mark how it ended. acct_1FAKEclinic0001');
  await anteroom.screenshot('payments-refund-previous-account-pending');
  await refundRow.getByRole('button', { name: 'Mark how it ended' }).click();
  const dialog = page.getByRole('dialog', { name: 'Refund of £20.00 on the previous Stripe account' });
  await expect(dialog).toContainText('acct_1FAKEclinic0001');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await anteroom.screenshot('payments-refund-previous-account-dialog');
  await dialog.getByRole('button', { name: 'It was refunded' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(refundRow).toContainText('Refunded');
  await expect(refundRow.getByRole('button', { name: 'Mark how it ended' })).toHaveCount(0);
  await expect(panel.section().locator('.pay-totals')).toContainText('−£20.00'); // counted as returned now
  await anteroom.screenshot('payments-refund-previous-account');
});

test('a restricted key that may not read its account: the settings keep the last confirmed account and say why', async ({ page, anteroom }) => {
  await anteroom.setUpAndSignIn();
  await configureStripe(anteroom);
  const restricted = 'rk_test_FAKErestr0004';
  stripe.script({ kind: 'fail', status: 403 }, { path: /^\/v1\/account$/, key: restricted });

  const desk = new DeskPage(page);
  const settings = new PaymentSettingsPage(page);
  await desk.nav('Payment settings').click();
  await settings.keyField().fill(restricted);
  await settings.save();
  await expect(settings.keyStatus()).toContainText('Last confirmed account acct_1FAKEclinic0001');
  await expect(settings.keyStatus().getByRole('note')).toContainText('could not confirm which Stripe account');
  await expect(page.getByText('Stripe would not say which account it belongs to')).toBeVisible();
});
