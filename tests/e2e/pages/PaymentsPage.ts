// Page objects for payments: the settings screen, the payment section of the appointment panel, its dialogs,
// the patient's payment history and the earnings screen.
import type { Page } from '@playwright/test';

export class PaymentSettingsPage {
  constructor(private readonly page: Page) {}

  heading = () => this.page.getByRole('heading', { name: 'Payment settings', level: 1 });
  keyField = () => this.page.getByLabel(/Secret or restricted key|Replace key/);
  apiBaseField = () => this.page.getByLabel('Stripe API address');
  advanced = () => this.page.getByText('Advanced', { exact: true });
  save = () => this.page.getByRole('button', { name: 'Save', exact: true }).click();
  testConnection = () => this.page.getByRole('button', { name: 'Test connection' }).click();
  keyStatus = () => this.page.getByRole('region', { name: 'Stripe key' });
  result = () => this.page.locator('.pay-connection');
}

export class PaymentPanel {
  constructor(private readonly page: Page) {}

  section = () => this.page.getByRole('region', { name: 'Payment', exact: true });
  button = (name: string) => this.section().getByRole('button', { name, exact: true });
  copyLink = () => this.button('Copy link').click();
  showQr = () => this.button('Show QR').click();
  retryNow = () => this.button('Retry now').click();
  refresh = () => this.button('Refresh').click();
  receipt = () => this.section().getByRole('button', { name: /^Receipt/ }).first().click();
  recordPayment = () => this.button('Record payment').click();
}

export class PaymentDialogs {
  constructor(private readonly page: Page) {}

  qr = () => this.page.getByRole('dialog', { name: 'Scan to pay' });
  qrImage = () => this.qr().getByRole('img', { name: 'QR code of the payment link' });
  receipt = () => this.page.getByRole('dialog', { name: 'Receipt' });
  receiptFrame = () => this.receipt().locator('iframe[title="Receipt PDF"]');
  record = () => this.page.getByRole('dialog', { name: 'Record payment' });
  refund = () => this.page.getByRole('dialog', { name: 'Refund payment' });
}
