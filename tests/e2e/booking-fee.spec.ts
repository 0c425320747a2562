// The fee typed in the booking panel is the fee booked: a decimal comma ("72,50") is seventy-two fifty, and words are refused
// beside the field rather than booked as a free visit.
import { expect, test } from './fixtures';
import { openSampleClinic } from './support/sample-clinic';

// Wednesday 18 November 2026, 10:05 in Berlin (a euro clinic that writes decimals with a comma).
const NOW = new Date('2026-11-18T09:05:00Z');

test('a fee typed with a decimal comma books that fee, and a fee in words books nothing', async ({ page, anteroom }) => {
  // Main's clock is frozen too, so "upcoming" is judged at NOW.
  const day = await openSampleClinic(page, anteroom, { now: NOW, clinic: { country: 'DE', timeZone: 'Europe/Berlin', currency: 'EUR' } });
  const patient = (await anteroom.call('patients.list', { limit: 1 })).rows[0]!;
  const upcoming = async () => (await anteroom.call('appointments.forPatient', { patientId: patient.id })).upcoming;
  const before = (await upcoming()).length;

  await page.keyboard.press('c');
  const booking = day.booking();
  await booking.getByRole('combobox', { name: 'Patient' }).fill(patient.lastName);
  await expect(booking.getByRole('option', { name: new RegExp(patient.lastName) })).toBeVisible();
  await page.keyboard.press('Enter');
  await booking.getByLabel('Day').fill('2026-11-19');
  await booking.getByLabel('Time', { exact: true }).fill('16:00');

  await booking.getByLabel(/^Fee/).fill('sixty');
  await booking.getByRole('button', { name: /Book appointment/ }).click();
  await expect(booking.getByText('Enter the fee as a number, e.g. 60.00.')).toBeVisible();
  expect(await upcoming()).toHaveLength(before);

  await booking.getByLabel(/^Fee/).fill('72,50');
  await booking.getByRole('button', { name: /Book appointment/ }).click();
  await expect(day.panel()).toBeVisible();
  const booked = (await upcoming()).find((a) => a.startsAt === '2026-11-19T15:00:00.000Z');
  expect(booked).toMatchObject({ fee: 7250, currency: 'EUR' });
});
