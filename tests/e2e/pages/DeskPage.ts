// Page object: the desk frame — top bar navigation, sign out, toasts.
import type { Page } from '@playwright/test';

export class DeskPage {
  constructor(private readonly page: Page) {}

  nav = (name: string) => this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });
  open = (name: 'Patients' | 'Staff' | 'Audit log' | 'Clinic settings') => this.nav(name).click();
  signOut = () => this.page.getByRole('button', { name: 'Sign out' }).click();
  toast = () => this.page.getByRole('status').filter({ has: this.page.locator('.toast') });
}
