// Page object: a patient's page (identity strip, details, archive/restore).
import type { Page } from '@playwright/test';

export class PatientDetailPage {
  constructor(private readonly page: Page) {}

  name = () => this.page.locator('.identity-name');
  identity = () => this.page.getByRole('region', { name: 'Patient identity' });
  section = (title: string) => this.page.getByRole('region', { name: title });
  archivedBanner = () => this.page.getByRole('status').filter({ hasText: 'hidden from the patient list' });
  edit = () => this.page.getByRole('button', { name: /^Edit/ }).click();

  async archive(): Promise<void> {
    await this.page.getByRole('button', { name: 'Archive', exact: true }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Archive patient' }).click();
  }

  restore = () => this.page.getByRole('button', { name: 'Restore', exact: true }).click();
}
