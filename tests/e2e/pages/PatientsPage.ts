// Page object: the patient register (search, filter, list).
import type { Page } from '@playwright/test';

export class PatientsPage {
  constructor(private readonly page: Page) {}

  heading = () => this.page.getByRole('heading', { name: 'Patients', level: 1 });

  /** Shows the register: already there when it is the desk's home, else through the nav. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).waitFor();
    if (!(await this.heading().isVisible())) await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients' }).click();
    await this.heading().waitFor();
  }
  search = () => this.page.getByRole('searchbox', { name: 'Search patients' });
  list = () => this.page.getByRole('grid', { name: 'Patients' });
  rows = () => this.list().getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  row = (text: string) => this.rows().filter({ hasText: text });
  count = () => this.page.locator('.screen-subtitle');
  status = (label: 'Active' | 'Archived' | 'All') => this.page.getByRole('radio', { name: label });
  newPatient = () => this.page.getByRole('button', { name: /^New patient/ }).click();
}
