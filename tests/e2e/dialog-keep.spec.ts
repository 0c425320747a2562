// A dialog with something typed in it asks before Esc throws that away; an untouched one still closes at once.
import { expect, test } from './fixtures';
import { openSampleClinic } from './support/sample-clinic';

// Wednesday 18 November 2026, 10:05 in London.
const NOW = new Date('2026-11-18T10:05:00Z');

test('Esc in the appointment details or the cancel dialog asks before dropping what was typed', async ({ page, anteroom }) => {
  const day = await openSampleClinic(page, anteroom, { now: NOW });
  await day.block(/Søren Kjær/).first().click();
  const discard = page.getByRole('dialog', { name: 'Discard what you typed?' });

  // Untouched: Esc closes at once, as before.
  await day.panel().getByRole('button', { name: 'Edit details' }).click();
  const details = page.getByRole('dialog', { name: 'Appointment details' });
  await expect(details).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();

  // A note typed: Esc asks; a second Esc (or Keep editing) keeps it.
  await day.panel().getByRole('button', { name: 'Edit details' }).click();
  await details.getByLabel('Notes').fill('Prefers a call back after 5pm; mother to attend');
  await page.keyboard.press('Escape');
  await expect(discard).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(discard).toBeHidden();
  await expect(details.getByLabel('Notes')).toHaveValue('Prefers a call back after 5pm; mother to attend');
  await page.keyboard.press('Escape');
  await discard.getByRole('button', { name: 'Keep editing' }).click();
  await expect(details.getByLabel('Notes')).toHaveValue('Prefers a call back after 5pm; mother to attend');
  // Discard closes it, and nothing was saved.
  await page.keyboard.press('Escape');
  await discard.getByRole('button', { name: 'Discard' }).click();
  await expect(details).toBeHidden();

  // The cancel dialog's reason is kept the same way.
  await day.panel().getByRole('button', { name: 'Cancel appointment' }).click();
  const cancel = page.getByRole('dialog', { name: /Cancel .*appointment\?/ });
  await cancel.getByLabel('Reason for cancelling').fill('Patient called, unwell');
  await page.keyboard.press('Escape');
  await expect(discard).toBeVisible();
  await discard.getByRole('button', { name: 'Keep editing' }).click();
  await expect(cancel.getByLabel('Reason for cancelling')).toHaveValue('Patient called, unwell');
});
