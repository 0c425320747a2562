// Page object: the first-run setup form.
import type { Page } from '@playwright/test';

export interface SetupDetails {
  clinic: { name: string; address?: string; phone?: string; email?: string; country: string; timeZone: string; currency: string };
  admin: { displayName: string; username: string; password: string };
}

export class SetupPage {
  constructor(private readonly page: Page) {}

  heading = () => this.page.getByRole('heading', { name: 'Set up your clinic' });

  async fill({ clinic, admin }: SetupDetails): Promise<void> {
    const p = this.page;
    await p.getByLabel('Clinic name').fill(clinic.name);
    await p.getByLabel('Address').fill(clinic.address ?? '');
    await p.getByLabel('Phone', { exact: true }).fill(clinic.phone ?? '');
    await p.getByLabel('Email', { exact: true }).fill(clinic.email ?? '');
    await p.getByLabel('Country code').fill(clinic.country);
    await p.getByLabel('Time zone').fill(clinic.timeZone);
    await p.getByLabel('Currency').fill(clinic.currency);
    await p.getByLabel('Full name').fill(admin.displayName);
    await p.getByLabel('Username').fill(admin.username);
    await p.getByLabel('Password', { exact: true }).fill(admin.password);
    await p.getByLabel('Confirm password').fill(admin.password);
  }

  submit = () => this.page.getByRole('button', { name: 'Create clinic and sign in' }).click();
}
