// Payments through the real UI: Stripe settings (and the refusal where no secure store exists), the day book's
// appointment panel — link with QR, "Waiting for connection" while Stripe is unreachable, Retry now, paid via
// Refresh, the receipt PDF — then the patient's payment history and the owner's earnings. Stripe is the local
// fake server on 127.0.0.1 reached by the official SDK in main; the job runner is driven by the test.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { usePaymentSecrets } from '../../src/main/payments/register';
import { paymentsOf } from '../../src/main/payments/runtime';
import { aesGcmStore } from '../../src/main/secrets/aes-gcm-store';
import { FakeStripe } from '../fakes/stripe-server';
import { CLINIC, expect, test, type AnteroomFixture, type Page } from './fixtures';
import { DeskPage } from './pages/DeskPage';
import { PaymentDialogs, PaymentPanel, PaymentSettingsPage } from './pages/PaymentsPage';
import { SignInPage } from './pages/SignInPage';

const KEY = 'sk_test_FAKEe2e4242';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

let stripe: FakeStripe;
test.beforeEach(async () => {
  stripe = await new FakeStripe().start();
});
test.afterEach(async ({ anteroom }) => {
  await paymentsOf(anteroom.core.db).runner.stop();
  await stripe.stop();
});

/** The instant of a wall-clock time today at the clinic (its time zone may be off UTC). */
function clinicTimeToday(hour: number, minute = 0): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: CLINIC.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const guess = Date.parse(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
  const shown = new Date(new Date(guess).toLocaleString('en-US', { timeZone: CLINIC.timeZone })).getTime();
  const utcShown = new Date(new Date(guess).toLocaleString('en-US', { timeZone: 'UTC' })).getTime();
  return new Date(guess - (shown - utcShown)).toISOString();
}

/** Encrypts with a real AES-GCM key (Electron's safeStorage stands in for it in the app) and points payments at the fake. */
async function configureStripe(anteroom: AnteroomFixture): Promise<void> {
  usePaymentSecrets(anteroom.core.db, aesGcmStore(randomBytes(32)));
  paymentsOf(anteroom.core.db).stripeTimeoutMs = 1_000;
  await anteroom.call('payments.settingsSave', { secretKey: KEY, apiBase: stripe.apiBase });
}

async function bookWithFee(anteroom: AnteroomFixture, patientId: number, providerId: number, hour: number): Promise<number> {
  const saved = await anteroom.call('appointments.book', {
    patientId,
    providerId,
    startsAt: clinicTimeToday(hour),
    endsAt: clinicTimeToday(hour, 30),
    fee: 5000,
    overrideDoubleBooking: true,
  });
  return saved.appointment.id;
}

/** Toasts fade by themselves; screenshots are clearer without them. */
async function dismissToasts(page: Page): Promise<void> {
  const close = page.getByRole('button', { name: 'Dismiss' });
  // A toast may fade on its own between the count and the click: that is as good as dismissed.
  while ((await close.count()) > 0) await close.first().click({ timeout: 1_000 }).catch(() => undefined);
}

const linkIdFor = (url: string) => [...stripe.links.values()].find((l) => l.url === url)!.id;

test('settings: refused without a secure store; with one the key is saved, shown as ••••4242 with a Test mode badge, and the connection tested', async ({ page, anteroom }) => {
  await anteroom.setUpAndSignIn();
  const desk = new DeskPage(page);
  const settings = new PaymentSettingsPage(page);
  await desk.nav('Payment settings').click();
  await expect(settings.heading()).toBeVisible();
  // The E2E core has no secure store wired (like Linux without a keyring): the key is refused, with the reason.
  await expect(page.getByRole('alert')).toContainText('This computer cannot keep the key safe');
  await expect(settings.keyField()).toBeDisabled();

  usePaymentSecrets(anteroom.core.db, aesGcmStore(randomBytes(32)));
  await desk.nav('Patients').click();
  await desk.nav('Payment settings').click();
  await expect(settings.keyField()).toBeEnabled();
  await expect(settings.keyField()).toBeFocused();
  await expect(settings.keyField()).toHaveAttribute('type', 'password');

  await settings.keyField().fill('pk_test_not_a_secret_key');
  await settings.save();
  await expect(page.getByText('it starts with sk_test_, sk_live_, rk_test_ or rk_live_')).toBeVisible();

  await settings.keyField().fill(KEY);
  await settings.advanced().click();
  await settings.apiBaseField().fill(stripe.apiBase);
  await settings.save();
  await expect(settings.keyStatus()).toContainText('••••4242');
  await expect(settings.keyStatus()).toContainText('Test mode');
  await expect(settings.keyField()).toHaveValue('');
  await expect(page.getByText(KEY)).toHaveCount(0);
  // Saving a key tests it straight away.
  await expect(settings.result()).toContainText('Connected to Stripe in test mode');
  expect(stripe.requestsTo('GET', /^\/v1\/payment_links$/)).toHaveLength(1);
  await anteroom.screenshot('payments-settings');

  stripe.script({ kind: 'fail', status: 401 }, { times: 1 });
  await settings.testConnection();
  await expect(settings.result()).toContainText('Stripe did not accept the saved key');
});

test('checkout from the day book: link with QR; Stripe down → waiting → Retry now → link; paid via Refresh; receipt PDF; history and earnings', async ({
  page,
  anteroom,
}) => {
  await anteroom.setUpAndSignIn();
  await configureStripe(anteroom);
  const runner = paymentsOf(anteroom.core.db).runner;
  const provider = await anteroom.call('providers.create', { name: 'Dr Amara Okafor', consultationFee: 5000, color: '#2a7ab0' });
  const patient = await anteroom.call('patients.create', {
    firstName: 'María',
    lastName: 'García',
    dateOfBirth: '1984-03-12',
    sex: 'female',
    phone: '07911 123456',
  });
  const first = await bookWithFee(anteroom, patient.id, provider.id, 10);
  await runner.runDue();

  const desk = new DeskPage(page);
  const panel = new PaymentPanel(page);
  const dialogs = new PaymentDialogs(page);
  await desk.nav('Day book').click();
  const openBlock = (id: number) => page.locator(`[data-appointment-id="${id}"]`).first().click();

  // Book → the panel shows the link; the QR is one click away.
  await openBlock(first);
  await expect(panel.section()).toContainText('Link ready');
  await expect(panel.section()).toContainText('£50.00');
  await anteroom.screenshot('payments-panel-link');
  await panel.copyLink();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/^https:\/\/buy\.stripe\.test\/plink_/);
  await panel.showQr();
  await expect(dialogs.qrImage()).toBeVisible();
  expect(await dialogs.qrImage().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await anteroom.screenshot('payments-qr');
  await dialogs.qr().getByRole('button', { name: 'Done' }).click();
  await expect(dialogs.qr()).toHaveCount(0);
  // From the keyboard too: Q shows the QR, Esc closes it and leaves the panel open.
  await page.keyboard.press('q');
  await expect(dialogs.qrImage()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialogs.qr()).toHaveCount(0);
  await expect(panel.section()).toBeVisible();

  // Stripe unreachable: the appointment is saved, its link waits; back online, Retry now makes it.
  await stripe.stop();
  const second = await bookWithFee(anteroom, patient.id, provider.id, 11);
  await runner.runDue();
  // Booked behind the day book's back (as another desk would): open it afresh rather than wait for its refresh.
  await desk.nav('Today').click();
  await desk.nav('Day book').click();
  await openBlock(second);
  await expect(panel.section()).toContainText('Waiting for connection');
  await expect(panel.section()).toContainText('Tries again');
  await anteroom.screenshot('payments-waiting');
  await stripe.start(stripe.port);
  await panel.retryNow();
  await expect(panel.section()).toContainText('Link ready');
  expect(stripe.links.size).toBe(2);

  // The patient pays the first link on their phone; Refresh asks Stripe and shows what was paid.
  stripe.markPaid(linkIdFor(url), { fee: 95 });
  await openBlock(first);
  await expect(panel.section()).toContainText('Link ready');
  await panel.refresh();
  await expect(panel.section()).toContainText('Paid £50.00');
  await expect(panel.section()).toContainText('£0.95'); // Stripe's fee
  await expect(panel.section()).toContainText('£49.05'); // what the clinic keeps
  await expect(panel.section()).toContainText('Nothing owed');
  await dismissToasts(page);
  await anteroom.screenshot('payments-paid');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(150); // buttons ease their colours for 80 ms
  await anteroom.screenshot('payments-paid-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The receipt opens in the app as a PDF; Save hands over the very bytes.
  await panel.receipt();
  await expect(dialogs.receiptFrame()).toBeVisible();
  expect(await dialogs.receiptFrame().getAttribute('src')).toMatch(/^blob:/);
  // Chromium's PDF viewer took the frame (the CSP lets blob: frames in): the receipt is shown, not downloaded.
  await expect.poll(() => page.frames().some((f) => f.url().startsWith('chrome-extension://'))).toBe(true);
  const download = page.waitForEvent('download');
  await dialogs.receipt().getByRole('link', { name: 'Save' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('receipt-R-000001.pdf');
  expect((await readFile((await saved.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await page.waitForTimeout(2000); // the viewer paints the page a moment after it loads
  await anteroom.screenshot('payments-receipt');
  await dialogs.receipt().getByRole('button', { name: 'Close' }).click();

  // Cash at the desk for the second appointment, typed as a decimal.
  await openBlock(second);
  await panel.recordPayment();
  await expect(dialogs.record().getByLabel('Method')).toBeFocused();
  await dialogs.record().getByLabel('Method').selectOption('cash');
  await dialogs.record().getByLabel('Amount (GBP)').fill('30.5');
  await dialogs.record().getByRole('button', { name: 'Record payment' }).click();
  await expect(panel.section()).toContainText('Cash');
  await expect(panel.section()).toContainText('£30.50');
  await expect(panel.section()).toContainText('£19.50'); // still owed
  // A link is for the whole fee: once the desk took part of it, the link is withdrawn and the panel says so.
  await expect(panel.section()).toContainText('payment link was withdrawn');

  // The patient's page: every payment with totals.
  await page.getByRole('button', { name: 'Open patient' }).click();
  const history = page.getByRole('region', { name: 'Payments', exact: true });
  await expect(history).toContainText('Stripe payment link');
  await expect(history).toContainText('Cash');
  await expect(history).toContainText('£80.50');
  await expect(history).toContainText('for the appointment on');

  // £10 of the cash goes back (recorded at the desk; only Stripe payments are refunded through Stripe).
  await history.getByRole('listitem').filter({ hasText: 'Cash' }).getByRole('button', { name: 'Refund' }).click();
  await expect(dialogs.refund().getByRole('radio', { name: /Full/ })).toBeFocused();
  await dialogs.refund().getByRole('radio', { name: 'Part' }).check();
  await dialogs.refund().getByLabel('Refund amount (GBP)').fill('10');
  await dialogs.refund().getByRole('button', { name: 'Refund' }).click();
  await expect(dialogs.refund()).toContainText('Say why');
  await dialogs.refund().getByLabel('Reason').fill('Shorter visit than booked');
  await dialogs.refund().getByRole('button', { name: 'Refund' }).click();
  await expect(dialogs.refund()).toHaveCount(0);
  await expect(history.getByRole('listitem').filter({ hasText: 'Refund' }).first()).toContainText('−£10.00');
  await expect(history).toContainText('£29.50'); // outstanding again
  await history.scrollIntoViewIfNeeded();
  await dismissToasts(page);
  await anteroom.screenshot('payments-patient-history');

  // The owner's earnings this week: fees, Stripe's fee, net, by doctor.
  await desk.nav('Earnings').click();
  const cards = page.locator('.earn-cards');
  await expect(cards).toContainText('£80.50');
  await expect(cards).toContainText('−£0.95');
  await expect(cards).toContainText('−£10.00');
  await expect(cards).toContainText('£69.55');
  await expect(page.getByRole('table', { name: 'Earnings by doctor' })).toContainText('Dr Amara Okafor');
  await anteroom.screenshot('payments-earnings');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(150); // buttons ease their colours for 80 ms
  await anteroom.screenshot('payments-earnings-dark');

  // Nothing about the patient ever reached Stripe.
  expect(JSON.stringify(stripe.requests.map((r) => [r.path, r.query, r.body]))).not.toMatch(/Garc|Mar[ií]a|7911/);
});

test('the desk mirrors the role: a receptionist takes payments and prints receipts, but cannot refund or see settings and earnings', async ({ page, anteroom }) => {
  await anteroom.setUpAndSignIn();
  await configureStripe(anteroom);
  const provider = await anteroom.call('providers.create', { name: 'Dr Amara Okafor', consultationFee: 5000, color: '#2a7ab0' });
  const patient = await anteroom.call('patients.create', { firstName: 'Tom', lastName: 'Reed', dateOfBirth: '1990-01-02', sex: 'male', phone: '07400 123456' });
  const id = await bookWithFee(anteroom, patient.id, provider.id, 9);
  await paymentsOf(anteroom.core.db).runner.runDue();
  const link = (await anteroom.call('payments.forAppointment', { appointmentId: id })).payments[0]!;
  stripe.markPaid(linkIdFor(link.linkUrl!), { fee: 95 });
  await anteroom.call('payments.refresh', { appointmentId: id });
  await anteroom.call('staff.create', { username: 'desk', displayName: 'Rita Reception', role: 'receptionist', password: 'reception password 1' });

  await new DeskPage(page).signOut();
  await new SignInPage(page).signIn('desk', 'reception password 1');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('button', { name: 'Day book' })).toBeVisible();
  for (const adminOnly of ['Payment settings', 'Earnings']) await expect(nav.getByRole('button', { name: adminOnly })).toHaveCount(0);

  await nav.getByRole('button', { name: 'Day book' }).click();
  await page.locator(`[data-appointment-id="${id}"]`).first().click();
  const panel = new PaymentPanel(page);
  await expect(panel.section()).toContainText('Paid £50.00');
  await expect(panel.section().getByRole('button', { name: /^Receipt/ })).toBeVisible();
  await expect(panel.button('Record payment')).toBeVisible();
  await expect(panel.button('Refund')).toHaveCount(0);
});
