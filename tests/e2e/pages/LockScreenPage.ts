// Page object: the lock overlay that covers the desk after idle time.
import type { Page } from '@playwright/test';

export class LockScreenPage {
  constructor(private readonly page: Page) {}

  overlay = () => this.page.getByRole('dialog', { name: 'Desk locked' });

  async unlock(password: string): Promise<void> {
    await this.overlay().getByLabel('Password').fill(password);
    await this.overlay().getByRole('button', { name: 'Unlock' }).click();
  }
}
