// Page object: the Ctrl+K quick-find palette and the duplicate warning in the patient form.
import type { Page } from '@playwright/test';

export class SearchPalettePage {
  constructor(private readonly page: Page) {}

  dialog = () => this.page.getByRole('dialog', { name: 'Find a patient or a command' });
  input = () => this.dialog().getByRole('combobox', { name: 'Find a patient or a command' });
  results = () => this.dialog().getByRole('listbox', { name: 'Results' });
  patients = () => this.results().getByRole('group', { name: 'Patients' }).getByRole('option');
  commands = () => this.results().getByRole('group', { name: 'Commands' }).getByRole('option');
  status = () => this.dialog().locator('.palette-status');
  /** Resolves once the list shows the answer to exactly this query. */
  answered = (query: string) => this.page.locator(`#palette-list[data-query="${query.replace(/"/g, '\\"')}"]`);

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await this.input().waitFor();
  }
}

export class DuplicateWarningPage {
  constructor(private readonly page: Page) {}

  region = () => this.page.getByRole('region', { name: 'Possible existing records' });
  openExisting = () => this.region().getByRole('button', { name: 'Open existing record' }).first().click();
}
