// The front desk's calendar journeys: book from the patient page, first available, drag to reschedule,
// cancel with a reason (and undo it), check a patient in and see the waiting time.
import { expect, test, type AnteroomFixture, type Page } from './fixtures';
import { DayBookPage } from './pages/DayBookPage';
import { openSampleClinic } from './support/sample-clinic';

// Wednesday 18 November 2026, 10:05 in London (GMT, so UTC too): mid-morning on a working day.
const NOW = new Date('2026-11-18T10:05:00Z');

async function openClinic(page: Page, anteroom: AnteroomFixture): Promise<DayBookPage> {
  const day = await openSampleClinic(page, anteroom, { now: NOW });
  await expect(page.getByRole('heading', { name: /Wednesday,? (18 November|November 18),? 2026/ })).toBeVisible();
  return day;
}

async function doctors(anteroom: AnteroomFixture) {
  const list = await anteroom.call('providers.list', {});
  const [okafor, hughes] = list;
  if (!okafor || !hughes) throw new Error('sample doctors missing');
  return { okafor, hughes };
}

test('book from the patient page: usual doctor and type, first free slot', async ({ page, anteroom }) => {
  const day = await openClinic(page, anteroom);
  await expect(day.column(/Dr Amara Okafor/)).toBeVisible();
  await anteroom.screenshot('calendar-day');

  await day.nav('Patients');
  const first = (await anteroom.call('patients.list', { limit: 1 })).rows[0];
  if (!first) throw new Error('no sample patient');
  const name = `${first.firstName} ${first.lastName}`;
  await page.getByRole('grid', { name: 'Patients' }).getByRole('row', { name: new RegExp(`${first.lastName}, ${first.firstName}`) }).click();
  const section = page.getByRole('region', { name: 'Appointments' });
  await expect(section).toContainText('Upcoming');
  await section.scrollIntoViewIfNeeded();
  await anteroom.screenshot('calendar-patient-appointments');
  await section.getByRole('button', { name: 'Book' }).click();

  const booking = day.booking();
  await expect(booking).toContainText(name);
  // First available is asked for on opening: today's first opening after 10:05 for the usual doctor.
  await expect(booking.getByLabel('Day')).toHaveValue('2026-11-18');
  await expect(booking.getByLabel('Time', { exact: true })).not.toHaveValue('');
  await anteroom.screenshot('calendar-booking');
  await booking.getByRole('button', { name: /Book appointment/ }).click();

  await expect(day.panel()).toBeVisible();
  await expect(day.panel()).toContainText(name);
  await expect(day.toast().filter({ hasText: `Booked ${name}` })).toBeVisible();
  await anteroom.screenshot('calendar-panel');
  const booked = await anteroom.call('appointments.forPatient', { patientId: first.id });
  expect(booked.upcoming.some((a) => a.startsAt > NOW.toISOString() && a.startsAt < '2026-11-19')).toBe(true);
});

test('next available: F opens the finder, a number key books that opening for a chosen patient', async ({ page, anteroom }) => {
  const day = await openClinic(page, anteroom);
  await page.keyboard.press('f');
  const finder = page.getByRole('dialog', { name: 'Next available' });
  await expect(finder.getByRole('list', { name: 'Openings' }).getByRole('listitem')).toHaveCount(9);
  const firstOpening = await finder.getByRole('listitem').first().innerText();
  await page.keyboard.press('1');
  await expect(finder).toBeHidden();
  const booking = day.booking();
  const patient = (await anteroom.call('patients.list', { limit: 1 })).rows[0]!;
  await booking.getByRole('combobox', { name: 'Patient' }).fill(patient.lastName);
  await expect(booking.getByRole('option', { name: new RegExp(patient.lastName) })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(booking).toContainText(`${patient.firstName} ${patient.lastName}`);
  await booking.getByRole('button', { name: /Book appointment/ }).click();
  await expect(day.panel()).toBeVisible();
  expect(firstOpening).toContain(await day.panel().locator('.panel-when').innerText().then((t) => t.split('·')[1]?.trim().slice(0, 5) ?? 'x'));
});

test('drag a block to another doctor and time; a clash snaps it back with the reason', async ({ page, anteroom }) => {
  const day = await openClinic(page, anteroom);
  const { okafor, hughes } = await doctors(anteroom);
  const patient = (await anteroom.call('patients.list', { limit: 1 })).rows[0]!;
  const consult = (await anteroom.call('appointmentTypes.list', {}))[0]!;
  const saved = await anteroom.call('appointments.book', { patientId: patient.id, providerId: okafor.id, typeId: consult.id, startsAt: '2026-11-18T15:00:00Z' });
  await anteroom.call('appointments.book', { patientId: patient.id, providerId: hughes.id, typeId: consult.id, startsAt: '2026-11-18T16:00:00Z' });
  await page.keyboard.press('j');
  await page.keyboard.press('t');

  const block = day.column(/Dr Amara Okafor/).getByRole('button', { name: /^15:00 to 15:20/ });
  await expect(block).toBeVisible();
  const box = (await block.boundingBox())!;
  const pxPerMinute = (box.height + 2) / 20;
  const columns = await day.grid().getByRole('group').all();
  const okaforBox = (await columns[0]!.boundingBox())!;
  const hughesBox = (await columns[1]!.boundingBox())!;
  await day.drag(block, hughesBox.x - okaforBox.x, 30 * pxPerMinute);
  await expect(day.column(/Dr Ben Hughes/).getByRole('button', { name: /^15:30 to 15:50/ })).toBeVisible();
  const moved = await anteroom.call('appointments.get', { id: saved.appointment.id });
  expect([moved.providerId, moved.startsAt]).toEqual([hughes.id, '2026-11-18T15:30:00.000Z']);

  // Onto Dr Hughes's 16:00 appointment: refused, and the block returns to 15:30.
  const again = day.column(/Dr Ben Hughes/).getByRole('button', { name: /^15:30 to 15:50/ });
  await day.drag(again, 0, 30 * pxPerMinute);
  await expect(day.toast().filter({ hasText: 'already has an appointment' })).toBeVisible();
  await expect(day.column(/Dr Ben Hughes/).getByRole('button', { name: /^15:30 to 15:50/ })).toBeVisible();
});

test('cancel with a reason keeps the block, dimmed; Ctrl+Z undoes it; check-in shows the waiting time', async ({ page, anteroom }) => {
  const day = await openClinic(page, anteroom);
  const { okafor } = await doctors(anteroom);
  const today = await anteroom.call('appointments.today', { providerIds: [okafor.id] });
  const later = today.rows.find((r) => r.startsAt > NOW.toISOString() && r.status !== 'cancelled')!;
  const label = new RegExp(later.patientName);

  await day.column(/Dr Amara Okafor/).getByRole('button', { name: label }).first().click();
  await day.panel().getByRole('button', { name: 'Cancel appointment' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason for cancelling').fill('Patient called: unwell');
  await dialog.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(day.panel()).toContainText('Patient called: unwell');
  const cancelled = day.column(/Dr Amara Okafor/).getByRole('button', { name: new RegExp(`${later.patientName}.*Cancelled`) });
  await expect(cancelled).toBeVisible();
  await expect(cancelled).toHaveClass(/appt-dim/);

  await page.locator('.daybook-title').click();
  await page.keyboard.press('Control+z');
  await expect(day.column(/Dr Amara Okafor/).getByRole('button', { name: new RegExp(`${later.patientName}.*(Booked|Confirmed)`) })).toBeVisible();
  expect((await anteroom.call('appointments.get', { id: later.id })).status).not.toBe('cancelled');

  // Check-in from the Today list with one key; twelve minutes later the wait shows amber.
  await day.nav('Today');
  const row = page.getByRole('row', { name: label }).first();
  await row.click();
  await page.keyboard.press('a');
  await expect(row).toContainText('Arrived');
  anteroom.clock.advance(12 * 60_000);
  await page.clock.setFixedTime(new Date(NOW.getTime() + 12 * 60_000));
  await day.nav('Day book');
  await expect(day.column(/Dr Amara Okafor/).getByRole('button', { name: new RegExp(`${later.patientName}.*waiting 12 minutes`) })).toBeVisible();
  await day.nav('Today');
  await expect(page.getByRole('row', { name: label }).first()).toContainText('12 min');
  await anteroom.screenshot('calendar-today');
});

test('keyboard: ↓ moves the selection, A checks the selected patient in, Ctrl+Z takes it back, J/T move days', async ({ page, anteroom }) => {
  const day = await openClinic(page, anteroom);
  await expect(day.block(/^09:00 to/)).toBeVisible();
  // Nothing chosen yet: ↓ starts at the visit still under way at 10:05, not at this morning's finished 09:00.
  await page.keyboard.press('ArrowDown');
  const selected = day.grid().locator('[aria-pressed="true"]');
  await expect(selected).toHaveAttribute('aria-label', /^09:50 to/);
  const id = Number(await selected.getAttribute('data-appointment-id'));
  const before = (await anteroom.call('appointments.get', { id })).status;
  await page.keyboard.press('ArrowDown');
  await expect(selected).toHaveAttribute('aria-label', /^09:55 to/);

  // A later patient: select it (the click opens the panel; Esc closes it, the selection stays), then A.
  await day.column(/Dr Amara Okafor/).getByRole('button', { name: /^10:20 to/ }).click();
  await page.keyboard.press('Escape');
  await expect(day.panel()).toBeHidden();
  await page.keyboard.press('a');
  await expect(selected).toHaveAttribute('aria-label', /Arrived, waiting 0 minutes/);
  await page.keyboard.press('Control+z');
  await expect(selected).toHaveAttribute('aria-label', /^10:20 to .*(Booked|Confirmed)/);
  // Shift+↓ moves the selected block itself five minutes later.
  await page.keyboard.press('Shift+ArrowDown');
  await expect(selected).toHaveAttribute('aria-label', /^10:25 to/);
  expect((await anteroom.call('appointments.get', { id })).status).toBe(before);
  await page.keyboard.press('j');
  await expect(page.getByRole('heading', { name: /Thursday/ })).toBeVisible();
  await page.keyboard.press('t');
  await expect(page.getByRole('heading', { name: /Wednesday/ })).toBeVisible();
});

test('a repeating booking lists clashing weeks before saving; an admin may book over a clash on purpose', async ({ page, anteroom }) => {
  const day = await openClinic(page, anteroom);
  const patient = (await anteroom.call('patients.list', { limit: 1 })).rows[0]!;
  await page.keyboard.press('c');
  const booking = day.booking();
  await booking.getByRole('combobox', { name: 'Patient' }).fill(patient.lastName);
  await expect(booking.getByRole('option', { name: new RegExp(patient.lastName) })).toBeVisible();
  await page.keyboard.press('Enter');
  await booking.getByLabel('Doctor').selectOption({ label: 'Dr Amara Okafor (Sample)' });
  await booking.getByLabel('Day').fill('2026-11-18');
  await booking.getByLabel('Time', { exact: true }).fill('11:00');
  await booking.getByLabel('Repeat this appointment').check();
  await booking.getByRole('spinbutton', { name: 'Number of appointments' }).fill('3');
  // 18 and 25 November at 11:00: the sample week has Okafor busy at 11:00 on the 18th only.
  await expect(booking.getByRole('status')).toContainText(/1 of 3 clash/);
  await expect(booking.getByRole('status')).toContainText('already has an appointment');
  await booking.getByLabel('Time', { exact: true }).fill('14:00');
  await expect(booking.getByRole('status')).toContainText('All 3 appointments are free');
  await booking.getByRole('button', { name: /Book appointment/ }).click();
  await expect(day.toast().filter({ hasText: '3 appointments booked' })).toBeVisible();
  expect((await anteroom.call('appointments.forPatient', { patientId: patient.id })).upcoming.filter((a) => a.seriesId !== null)).toHaveLength(3);

  // A single booking on top of Søren Kjær's 10:20: refused with the reason, then booked as an emergency.
  await day.column(/Dr Amara Okafor/).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Escape');
  await page.keyboard.press('c');
  await booking.getByRole('combobox', { name: 'Patient' }).fill(patient.lastName);
  await expect(booking.getByRole('option', { name: new RegExp(patient.lastName) })).toBeVisible();
  await page.keyboard.press('Enter');
  await booking.getByLabel('Doctor').selectOption({ label: 'Dr Amara Okafor (Sample)' });
  await booking.getByLabel('Day').fill('2026-11-18');
  await booking.getByLabel('Time', { exact: true }).fill('10:20');
  await booking.getByRole('button', { name: /Book appointment/ }).click();
  await expect(booking.getByRole('alert')).toContainText('already has an appointment');
  await booking.getByRole('button', { name: 'Book anyway (emergency)' }).click();
  await expect(day.panel()).toContainText('Double-booked');
});

test('six doctors fit a 1920×1080 screen; week view for one doctor; the scheduling admin', async ({ page, anteroom }) => {
  const day = await openClinic(page, anteroom);
  for (const [name, color] of [['Dr Dev Patel', '#7a4fb0'], ['Dr Eva Novak', '#b03a6a'], ['Dr Femi Ade', '#2a9d8f']] as const) {
    const p = await anteroom.call('providers.create', { name, color, consultationFee: 5000 });
    const week = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '18:00' }));
    await anteroom.call('providers.hoursSet', { providerId: p.id, rows: [...week, ...week.map((w) => ({ ...w, kind: 'break' as const, start: '13:00', end: '14:00' }))] });
  }
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.reload();
  await expect(day.grid().getByRole('group')).toHaveCount(6);
  const fits = await page.locator('.cal-grid').evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1);
  expect(fits).toBe(true);
  await anteroom.screenshot('calendar-day-six-doctors');
  await page.emulateMedia({ colorScheme: 'dark' });
  await day.block(/Søren Kjær/).first().click();
  await expect(day.panel()).toBeVisible();
  await anteroom.screenshot('calendar-day-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Week of Monday,? (16 November|November 16),? 2026/ })).toBeVisible();
  await expect(day.grid().getByRole('group')).toHaveCount(7);
  await anteroom.screenshot('calendar-week');

  await day.nav('Scheduling');
  await expect(page.getByRole('heading', { name: 'Scheduling', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Working hours' }).click();
  await expect(page.getByRole('table', { name: 'Working hours' }).getByRole('row')).toHaveCount(11);
  await anteroom.screenshot('scheduling-admin');
});

test('a clinic closure added in Scheduling shows across the day book and refuses bookings in it', async ({ page, anteroom }) => {
  const day = await openClinic(page, anteroom);
  await day.nav('Scheduling');
  await page.getByRole('tab', { name: 'Time off & closures' }).click();
  const form = page.getByRole('form', { name: 'Add time off' });
  await form.getByLabel('From').fill('2026-11-18');
  await form.getByLabel('at').first().fill('15:00');
  await form.getByLabel('Until').fill('2026-11-18');
  await form.getByLabel('at').last().fill('17:00');
  await form.getByLabel('Reason').fill('Staff training');
  await form.getByRole('button', { name: 'Add time off' }).click();
  await expect(page.getByRole('table', { name: 'Time off and closures' })).toContainText('Whole clinic closed');

  await day.nav('Day book');
  await expect(day.grid().getByText('Clinic closed · Staff training')).toHaveCount(3);
  const patient = (await anteroom.call('patients.list', { limit: 1 })).rows[0]!;
  const { okafor } = await doctors(anteroom);
  const refused = anteroom.call('appointments.book', { patientId: patient.id, providerId: okafor.id, typeId: null, startsAt: '2026-11-18T15:30:00Z', endsAt: '2026-11-18T15:45:00Z' });
  await expect(refused).rejects.toThrow(/clinic is closed/);
});

test('the scheduling admin adds a doctor and an appointment type by keyboard; an appointment’s details are edited from its panel', async ({ page, anteroom }) => {
  const day = await openClinic(page, anteroom);
  await day.nav('Scheduling');
  await page.getByRole('button', { name: 'Add doctor' }).click();
  const doctor = page.getByRole('dialog', { name: 'Add a doctor' });
  // Type–Tab–Enter: the name field has focus; a bad fee is named beside its field and nothing is saved.
  await page.keyboard.type('Dr Lena Brandt');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Cardiology');
  await doctor.getByLabel(/Consultation fee/).fill('lots');
  await page.keyboard.press('Enter');
  await expect(doctor.getByText(/Enter the fee as a number/)).toBeVisible();
  expect((await anteroom.call('providers.list', {})).map((p) => p.name)).not.toContain('Dr Lena Brandt');
  await doctor.getByLabel(/Consultation fee/).fill('80');
  await page.keyboard.press('Enter');
  await expect(doctor).toBeHidden();
  const lena = (await anteroom.call('providers.list', {})).find((p) => p.name === 'Dr Lena Brandt');
  expect(lena).toMatchObject({ specialization: 'Cardiology', consultationFee: 8000 });

  await page.getByRole('tab', { name: 'Appointment types' }).click();
  await page.getByRole('button', { name: 'Add appointment type' }).click();
  const type = page.getByRole('dialog', { name: 'Add an appointment type' });
  await page.keyboard.type('Long consultation');
  await type.getByLabel('Length (minutes)').fill('40');
  await type.getByLabel(/Fee/).fill('90');
  await type.getByRole('button', { name: 'Save type' }).click();
  await expect(type).toBeHidden();
  expect((await anteroom.call('appointmentTypes.list', {})).find((t) => t.name === 'Long consultation')).toMatchObject({ durationMinutes: 40, fee: 9000 });

  await day.nav('Day book');
  await day.block(/Søren Kjær/).first().click();
  await day.panel().getByRole('button', { name: 'Edit details' }).click();
  const details = page.getByRole('dialog', { name: 'Appointment details' });
  await details.getByLabel('Reason').fill('Follow-up on blood pressure');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toBeHidden();
  await expect(day.panel()).toContainText('Follow-up on blood pressure');
});
