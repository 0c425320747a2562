// Someone new at the desk is registered from inside the booking: the patient box offers "Add … as a new
// patient", the Patients screen's form opens over the panel, and saving puts them in the booking, which kept the
// doctor, time, type, reason and fee. Also: a reschedule with a changed time asks before Esc drops it.
import { expect, test, type AnteroomFixture, type Page } from './fixtures';
import type { DayBookPage } from './pages/DayBookPage';
import { openSampleClinic } from './support/sample-clinic';

// Wednesday 18 November 2026, 10:05 in London.
const NOW = new Date('2026-11-18T10:05:00Z');
// Typing a date into a date field goes month, day, year in this locale.
test.use({ locale: 'en-US' });

/** The screen in both themes; the wait lets the buttons' 80 ms colour transition finish first. */
async function screenshots(page: Page, anteroom: AnteroomFixture, name: string): Promise<void> {
  await anteroom.screenshot(name);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(250);
  await anteroom.screenshot(`${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForTimeout(250);
}

const openClinic = (page: Page, anteroom: AnteroomFixture): Promise<DayBookPage> => openSampleClinic(page, anteroom, { now: NOW });

test('keyboard only: a new patient added from the booking is booked at the slot chosen', async ({ page, anteroom }) => {
  const day = await openClinic(page, anteroom);
  // The keyboard's way to free time: the finder's first opening.
  await page.keyboard.press('f');
  const finder = page.getByRole('dialog', { name: 'Next available' });
  await expect(finder.getByRole('list', { name: 'Openings' }).getByRole('listitem').first()).toBeVisible();
  await page.keyboard.press('1');
  const booking = day.booking();
  const picker = booking.getByRole('combobox', { name: 'Patient' });
  await expect(picker).toBeFocused();
  const doctor = await booking.getByLabel('Doctor').inputValue();
  const date = await booking.getByLabel('Day').inputValue();
  const time = await booking.getByLabel('Time', { exact: true }).inputValue();
  expect(time).toMatch(/^\d\d:\d\d$/);

  await page.keyboard.type('zed quillfeather');
  const addNew = booking.getByRole('option', { name: 'Add as a new patient' });
  await expect(addNew).toContainText('Add “zed quillfeather” as a new patient');
  await expect(addNew).toContainText('No patient matches.');
  await screenshots(page, anteroom, 'booking-new-patient-offer');
  // Enter alone never opens a new-patient form: the desk moves onto the option first.
  await page.keyboard.press('ArrowDown');
  await expect(addNew).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');

  const form = page.getByRole('dialog', { name: 'New patient for this booking' });
  await expect(form).toBeVisible();
  await expect(form.getByLabel('First name')).toHaveValue('Zed');
  await expect(form.getByLabel('Last name')).toHaveValue('Quillfeather');
  // The name is in: the cursor waits where the desk types next.
  await expect(form.getByLabel('Date of birth')).toBeFocused();
  await page.keyboard.type('04121984');
  // Chromium's date field keeps one Tab for itself after the year; then Sex, then the phone.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await expect(form.getByLabel('Mobile phone')).toBeFocused();
  await page.keyboard.type('07911 123461');
  await expect(form).toContainText(/Once added, they go straight into the booking: Dr .*, .* at \d\d:\d\d\./);
  await screenshots(page, anteroom, 'booking-new-patient-form');
  await page.keyboard.press('Enter');

  await expect(form).toBeHidden();
  await expect(booking).toContainText('Zed Quillfeather');
  await expect(booking.getByLabel('Doctor')).toHaveValue(doctor);
  await expect(booking.getByLabel('Day')).toHaveValue(date);
  await expect(booking.getByLabel('Time', { exact: true })).toHaveValue(time);
  const book = booking.getByRole('button', { name: /Book appointment/ });
  await expect(book).toBeFocused();
  await expect(booking).toContainText(/Just added · P-\d+/);
  await screenshots(page, anteroom, 'booking-new-patient-chosen');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('complementary', { name: 'Appointment', exact: true })).toContainText('Zed Quillfeather');
  await expect(day.block(/Zed Quillfeather/)).toBeVisible();
  const [added] = (await anteroom.call('patients.list', { query: 'Quillfeather' })).rows;
  expect(added).toMatchObject({ firstName: 'Zed', lastName: 'Quillfeather', dateOfBirth: '1984-04-12' });
  const booked = await anteroom.call('appointments.forPatient', { patientId: added!.id });
  expect(booked.upcoming).toHaveLength(1);
  expect(booked.upcoming[0]).toMatchObject({ providerId: Number(doctor), startsAt: new Date(`${date}T${time}:00Z`).toISOString() }); // London keeps GMT (= UTC) in November
  await day.nav('Patients');
  await expect(page.getByRole('grid', { name: 'Patients' }).getByRole('row', { name: /Quillfeather, Zed/ })).toBeVisible();
});

test('the booking keeps type, reason and fee through a cancelled and a saved new patient', async ({ page, anteroom }) => {
  const day = await openClinic(page, anteroom);
  await page.keyboard.press('c');
  const booking = day.booking();
  const type = booking.getByLabel('Type');
  await type.selectOption({ index: 1 });
  const typeId = await type.inputValue();
  await booking.getByLabel('Reason').fill('Persistent cough');
  await booking.getByLabel(/^Fee/).fill('55.00');
  const picker = booking.getByRole('combobox', { name: 'Patient' });
  const addNew = booking.getByRole('option', { name: 'Add as a new patient' });
  // Among many matches the offer stays in view at the foot of the list.
  for (const [i, firstName] of ['Ada', 'Bola', 'Chidi', 'Dayo', 'Emeka', 'Funmi', 'Gozie', 'Halima', 'Ike'].entries())
    await anteroom.call('patients.create', { firstName, lastName: 'Okonkwo', dateOfBirth: `198${i}-05-01`, sex: 'unknown', phone: `+1202555018${i}` });
  await picker.fill('okonkwo');
  await expect(booking.getByRole('listbox', { name: 'Matching patients' }).getByRole('option').nth(6)).toBeAttached();
  await expect(addNew).toBeInViewport();
  await anteroom.screenshot('booking-new-patient-offer-matches');
  await picker.fill('Quill, Zed 07911 123462');
  const form = page.getByRole('dialog', { name: 'New patient for this booking' });
  const discard = page.getByRole('dialog', { name: 'Discard what you typed?' });

  // Cancel: back to the booking as it was, the typed words still in the box.
  await addNew.click();
  await expect(form.getByLabel('Mobile phone')).toHaveValue('07911 123462');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();
  await expect(picker).toHaveValue('Quill, Zed 07911 123462');
  await expect(picker).toBeFocused();
  await expect(booking.getByLabel('Reason')).toHaveValue('Persistent cough');

  // Esc after typing in the form asks first; Keep editing keeps the date typed.
  await addNew.click();
  await expect(form.getByLabel('First name')).toHaveValue('Zed');
  await expect(form.getByLabel('Last name')).toHaveValue('Quill');
  await form.getByLabel('Date of birth').fill('1990-01-31');
  await page.keyboard.press('Escape');
  await expect(discard).toBeVisible();
  await discard.getByRole('button', { name: 'Keep editing' }).click();
  await expect(form.getByLabel('Date of birth')).toHaveValue('1990-01-31');
  // Ctrl+S saves, as on the Patients screen.
  await page.keyboard.press('Control+s');

  await expect(form).toBeHidden();
  await expect(booking).toContainText('Zed Quill');
  await expect(type).toHaveValue(typeId);
  await expect(booking.getByLabel('Reason')).toHaveValue('Persistent cough');
  await expect(booking.getByLabel(/^Fee/)).toHaveValue('55.00');

  // The finder books for the patient chosen in the panel, the new one included.
  await page.keyboard.press('f');
  const finder = page.getByRole('dialog', { name: 'Next available' });
  await expect(finder).toContainText('book that opening for Zed Quill');
  await expect(finder.getByRole('list', { name: 'Openings' }).getByRole('listitem').first()).toBeVisible();
  await page.keyboard.press('1');
  await expect(finder).toBeHidden();
  await expect(booking).toContainText('Zed Quill');
});

test('Esc in the reschedule dialog asks before dropping a changed time', async ({ page, anteroom }) => {
  const day = await openClinic(page, anteroom);
  await day.block(/Søren Kjær/).first().click();
  await day.panel().getByRole('button', { name: 'Reschedule' }).click();
  const move = page.getByRole('dialog', { name: /^Move .*appointment$/ });
  const discard = page.getByRole('dialog', { name: 'Discard what you typed?' });
  // Untouched: Esc closes at once.
  await page.keyboard.press('Escape');
  await expect(move).toBeHidden();

  await day.panel().getByRole('button', { name: 'Reschedule' }).click();
  await move.getByLabel('Time', { exact: true }).fill('15:40');
  await page.keyboard.press('Escape');
  await expect(discard).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(discard).toBeHidden();
  await expect(move.getByLabel('Time', { exact: true })).toHaveValue('15:40');
  await page.keyboard.press('Escape');
  await discard.getByRole('button', { name: 'Discard' }).click();
  await expect(move).toBeHidden();
});

test('the duplicate warning hands the existing patient to the booking instead of leaving it', async ({ page, anteroom }) => {
  const day = await openClinic(page, anteroom);
  const [soren] = (await anteroom.call('patients.list', { query: 'Kjær' })).rows;
  const before = (await anteroom.call('patients.list', {})).total;
  await page.keyboard.press('c');
  const booking = day.booking();
  await booking.getByLabel('Reason').fill('Rash on both hands');
  const picker = booking.getByRole('combobox', { name: 'Patient' });
  await picker.fill('Soren K');
  await booking.getByRole('option', { name: 'Add as a new patient' }).click();
  const form = page.getByRole('dialog', { name: 'New patient for this booking' });
  await form.getByLabel('Mobile phone').fill(soren!.phone);
  const warning = form.getByRole('region', { name: 'Possible existing records' });
  await expect(warning).toContainText('Søren Kjær');
  await warning.getByRole('button', { name: 'Use this patient' }).click();

  await expect(form).toBeHidden();
  await expect(booking).toContainText('Søren Kjær');
  await expect(booking.getByLabel('Reason')).toHaveValue('Rash on both hands');
  expect((await anteroom.call('patients.list', {})).total).toBe(before);
});
