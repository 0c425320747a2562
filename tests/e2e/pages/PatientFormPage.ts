// Page object: the patient form (create and edit).
import type { Page } from '@playwright/test';

export interface PatientEntry {
  firstName?: string;
  lastName?: string;
  dateOfBirth?: string;
  sex?: 'Female' | 'Male' | 'Other' | 'Not stated';
  phone?: string;
  email?: string;
  addressLine?: string;
  city?: string;
  postalCode?: string;
  emergencyContactName?: string;
  emergencyContactPhone?: string;
  allergies?: string;
  medicalHistory?: string;
}

const LABELS: Record<Exclude<keyof PatientEntry, 'sex'>, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  phone: 'Mobile phone',
  email: 'Email',
  addressLine: 'Street address',
  city: 'City',
  postalCode: 'Postal code',
  emergencyContactName: 'Emergency contact name',
  emergencyContactPhone: 'Emergency contact phone',
  allergies: 'Allergies',
  medicalHistory: 'Medical history',
};

export class PatientFormPage {
  constructor(private readonly page: Page) {}

  field = (name: Exclude<keyof PatientEntry, 'sex'>) => this.page.getByLabel(LABELS[name], { exact: true });
  /** The message shown beside a field (its aria-describedby target). */
  messageFor = (name: Exclude<keyof PatientEntry, 'sex'>) => this.page.locator('.field').filter({ has: this.field(name) }).locator('.field-error');

  async fill(entry: PatientEntry): Promise<void> {
    for (const [key, value] of Object.entries(entry) as [keyof PatientEntry, string][]) {
      if (key === 'sex') await this.page.getByLabel('Sex').selectOption({ label: value });
      else await this.field(key).fill(value);
    }
  }

  save = () => this.page.getByRole('button', { name: /^(Add patient|Save changes)$/ }).click();
  cancel = () => this.page.getByRole('button', { name: 'Cancel' }).click();
}
