// A booking being filled in is not thrown away by accident: Esc on the list of matches closes only the list,
// Esc or another screen asks first once something was typed, and another free slot keeps the patient chosen.
import { expect, test } from './fixtures';
import { openSampleClinic } from './support/sample-clinic';

// Wednesday 18 November 2026, 10:05 in London.
const NOW = new Date('2026-11-18T10:05:00Z');

test('Esc, a click on another slot and the Patients button keep a booking in progress', async ({ page, anteroom }) => {
  const day = await openSampleClinic(page, anteroom, { now: NOW });
  const patient = (await anteroom.call('patients.list', { limit: 1 })).rows[0]!;
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });

  await page.keyboard.press('c');
  const booking = day.booking();
  const picker = booking.getByRole('combobox', { name: 'Patient' });
  await picker.fill(patient.lastName);
  await expect(booking.getByRole('option', { name: new RegExp(patient.lastName) })).toBeVisible();
  // Esc dismisses the matches, as in any list; the booking stays with what was typed.
  await page.keyboard.press('Escape');
  await expect(booking.getByRole('listbox')).toBeHidden();
  await expect(booking).toBeVisible();
  await expect(picker).toHaveValue(patient.lastName);

  await picker.fill(`${patient.lastName} `);
  await expect(booking.getByRole('option', { name: new RegExp(patient.lastName) })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(booking).toContainText(`${patient.firstName} ${patient.lastName}`);
  await booking.getByLabel('Reason').fill('Asthma review');

  // Esc with the patient chosen and a reason typed asks first; staying keeps everything.
  await page.keyboard.press('Escape');
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Stay on the form' }).click();
  await expect(booking.getByLabel('Reason')).toHaveValue('Asthma review');

  // Another free slot moves the booking there and keeps the patient chosen in the panel.
  await day.column(/Dr Amara Okafor/).click({ position: { x: 5, y: 5 } });
  await expect(booking).toContainText(`${patient.firstName} ${patient.lastName}`);

  // Leaving for another screen asks too, once something was typed.
  await booking.getByLabel('Reason').fill('Asthma review');
  await day.nav('Patients');
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Stay on the form' }).click();
  await expect(booking.getByLabel('Reason')).toHaveValue('Asthma review');

  // Esc, then "Leave and discard", closes it.
  await booking.getByLabel('Reason').focus();
  await page.keyboard.press('Escape');
  await leave.getByRole('button', { name: 'Leave and discard' }).click();
  await expect(booking).toBeHidden();
});
