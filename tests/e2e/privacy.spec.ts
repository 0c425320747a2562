// The privacy screen: one key hides patient names across the day book, Today and the patient list; a page
// opened on purpose still shows everything behind an easy Hide; the setting outlives a reload.
import { ADMIN, CLINIC, expect, test, type AnteroomFixture, type Page } from './fixtures';
import { DayBookPage } from './pages/DayBookPage';
import { PrivacyPage } from './pages/PrivacyPage';

// Wednesday 18 November 2026, 10:05 in London: a working morning in the sample clinic.
const NOW = new Date('2026-11-18T10:05:00Z');
const PATIENT = { firstName: 'Élodie', lastName: 'Marchand', dateOfBirth: '1984-03-12', sex: 'female' as const, phone: '07911 123456' };

async function openClinicWithElodie(page: Page, anteroom: AnteroomFixture) {
  anteroom.clock.advance(0);
  anteroom.clock.now = new Date(NOW);
  await page.clock.setFixedTime(NOW);
  await anteroom.call('setup.complete', { clinic: { ...CLINIC, lockAfterMinutes: 60 }, admin: ADMIN, loadSampleData: true });
  const elodie = await anteroom.call('patients.create', PATIENT);
  const [doctor] = await anteroom.call('providers.list', {});
  const [type] = await anteroom.call('appointmentTypes.list', {});
  if (!doctor || !type) throw new Error('sample doctors or types missing');
  const booked = await anteroom.call('appointments.book', { patientId: elodie.id, providerId: doctor.id, typeId: type.id, startsAt: '2026-11-18T12:40:00Z', endsAt: '2026-11-18T13:00:00Z', reason: 'Persistent cough' });
  await page.reload();
  const day = new DayBookPage(page);
  await expect(page.getByRole('heading', { name: /Wednesday,? (18 November|November 18),? 2026/ })).toBeVisible();
  return { day, privacy: new PrivacyPage(page), appointmentId: booked.appointment.id };
}

test('Ctrl+Shift+H hides names on the day book, Today and the patient list; again shows them', async ({ page, anteroom }) => {
  // The front desk's full-HD screen: the switch shows its words there, not only the eye.
  await page.setViewportSize({ width: 1920, height: 1080 });
  const { day, privacy } = await openClinicWithElodie(page, anteroom);
  await expect(day.block(/Élodie Marchand/)).toBeVisible();
  await expect(privacy.toggle()).toHaveAttribute('aria-pressed', 'false');

  await privacy.press();
  await expect(privacy.toggle()).toHaveAttribute('aria-pressed', 'true');
  await expect(privacy.toggle()).toHaveAccessibleName('Privacy on');
  const block = day.block(/^12:40 to 13:00, É\. M\./);
  await expect(block).toBeVisible();
  await expect(block).toContainText('É. M.');
  await expect(day.grid()).not.toContainText('Marchand');
  await expect(day.grid()).not.toContainText('Persistent cough');
  await anteroom.screenshot('privacy-daybook');

  // Opening the block is asking to see it: the panel shows the name, and Hide details puts initials back.
  await block.click();
  await expect(day.panel()).toContainText('Élodie Marchand');
  await expect(day.panel()).toContainText('Persistent cough');
  await day.panel().getByRole('button', { name: 'Hide details' }).click();
  await expect(day.panel().getByRole('heading', { name: 'É. M.' })).toBeVisible();
  await expect(day.panel()).not.toContainText('Persistent cough');
  await anteroom.screenshot('privacy-panel-hidden');
  await page.keyboard.press('Escape');

  await day.nav('Today');
  const row = page.getByRole('row', { name: /12:40/ });
  await expect(row).toContainText('É. M.');
  await expect(page.getByRole('table')).not.toContainText('Marchand');

  await day.nav('Patients');
  const grid = page.getByRole('grid', { name: 'Patients' });
  await expect(grid.getByRole('row', { name: /É\. M\./ }).first()).toBeVisible();
  await expect(grid).not.toContainText('Marchand');
  await expect(grid).not.toContainText('07911');
  await expect(grid).not.toContainText('12 Mar 1984');
  await anteroom.screenshot('privacy-patients');

  await day.nav('Day book');
  await privacy.press();
  await expect(privacy.toggle()).toHaveAccessibleName('Privacy off');
  await expect(day.block(/Élodie Marchand/)).toBeVisible();
  await expect(day.grid()).not.toContainText('É. M.');
});

test('the setting outlives a reload; a patient page opened on purpose shows in full and hides when privacy goes on; the palette masks phones', async ({ page, anteroom }) => {
  const { day, privacy } = await openClinicWithElodie(page, anteroom);
  await privacy.toggle().click();
  await expect(privacy.toggle()).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await anteroom.call('desk.settingsGet', {})).privacyScreen).toBe(true);

  await page.reload();
  await expect(privacy.toggle()).toHaveAccessibleName('Privacy on');
  await expect(day.block(/^12:40 to 13:00, É\. M\./)).toBeVisible();
  await expect(day.grid()).not.toContainText('Marchand');

  // Shortcuts are listed in the ? overlay.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Privacy screen on or off');
  await page.keyboard.press('Escape');

  // Off, open the patient, then on: the page drops its curtain at once; Show details brings it back.
  await privacy.press();
  await expect(privacy.toggle()).toHaveAccessibleName('Privacy off');
  await day.nav('Patients');
  await page.getByRole('grid', { name: 'Patients' }).getByRole('row', { name: /Marchand, Élodie/ }).click();
  await expect(page.getByRole('heading', { name: 'Élodie Marchand' })).toBeVisible();
  await privacy.press();
  await expect(page.getByRole('main')).not.toContainText('Marchand');
  await expect(page.getByRole('main')).toContainText('É. M.');
  await anteroom.screenshot('privacy-patient-hidden');
  await page.getByRole('button', { name: 'Show details' }).click();
  await expect(page.getByRole('heading', { name: 'Élodie Marchand' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Shown in full because you opened it');
  await anteroom.screenshot('privacy-patient-shown');
  await page.emulateMedia({ colorScheme: 'dark' });
  await anteroom.screenshot('privacy-patient-shown-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The palette: names as typed, but the phone down to its last two digits and age for date of birth.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: /find/i });
  await palette.getByRole('combobox').fill('marchand');
  const hit = palette.getByRole('option', { name: /Marchand, Élodie/ });
  await expect(hit).toContainText('•••• 56');
  await expect(hit).toContainText('42 y');
  await expect(hit).not.toContainText('123456');
  await expect(hit).not.toContainText('1984');
  await anteroom.screenshot('privacy-palette');
  // …and a command to flip the privacy screen, with its key shown.
  await palette.getByRole('combobox').fill('privacy');
  await page.keyboard.press('Enter');
  await expect(privacy.toggle()).toHaveAccessibleName('Privacy off');
});

test('a pinned card placed with the privacy screen on: the Place… dialog names the patient by initials', async ({ page, anteroom }) => {
  const { privacy, appointmentId } = await openClinicWithElodie(page, anteroom);
  await anteroom.call('pinboard.pin', { appointmentId });
  await page.reload();
  // The switch reads this desk's setting first; a press before that answer would not know which way to flip.
  await expect(privacy.toggle()).toHaveAccessibleName('Privacy off');
  await privacy.press();
  await expect(privacy.toggle()).toHaveAccessibleName('Privacy on');
  const tray = page.getByRole('region', { name: /^Pinboard/ });
  await expect(tray.getByRole('button', { name: /^É\. M\., / })).toBeVisible();
  await tray.getByRole('button', { name: 'Place…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Move É. M.’s appointment' });
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toContainText('Marchand');
  await anteroom.screenshot('privacy-pinboard-place');
});

test('privacy going on clears toasts that named the patient, and Undo afterwards names them by initials', async ({ page, anteroom }) => {
  const { day, privacy } = await openClinicWithElodie(page, anteroom);
  // Booked with privacy off: the toast names her in full.
  await page.keyboard.press('f');
  const finder = page.getByRole('dialog', { name: 'Next available' });
  await expect(finder.getByRole('list', { name: 'Openings' }).getByRole('listitem').first()).toBeVisible();
  await page.keyboard.press('1');
  const booking = day.booking();
  await booking.getByRole('combobox', { name: 'Patient' }).fill('Marchand');
  await expect(booking.getByRole('option', { name: /Marchand/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await booking.getByRole('button', { name: /Book appointment/ }).click();
  await expect(day.toast().filter({ hasText: 'Booked Élodie Marchand at' })).toBeVisible();

  // Someone walks up: the toast goes with the switch, not ten seconds later.
  await privacy.press();
  await expect(privacy.toggle()).toHaveAccessibleName('Privacy on');
  // Read once, not waited for: the toast would leave by itself after its ten seconds.
  expect(await day.toast().filter({ hasText: 'Marchand' }).count()).toBe(0);
  await page.keyboard.press('Escape');
  await expect(day.panel()).toHaveCount(0);

  // Undo still works, and its toast is written now, with the screen on.
  await page.keyboard.press('Control+z');
  await expect(day.toast().filter({ hasText: /^Undone: booked É\. M\. at \d\d:\d\d\./ })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Marchand');
  await anteroom.screenshot('privacy-undo-toast');
});
