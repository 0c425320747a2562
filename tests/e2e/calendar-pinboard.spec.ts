// Moving across days with the pinboard (pin, ghost at the old slot, survives a reload, drop on another day, undo
// puts it back on the board; a clash keeps it pinned; Esc returns it) and changing an appointment's length.
import { expect, test, type AnteroomFixture, type Page } from './fixtures';
import { DayBookPage } from './pages/DayBookPage';
import { PinboardPage } from './pages/PinboardPage';
import { openSampleClinic } from './support/sample-clinic';

// Wednesday 18 November 2026, 10:05 in London (GMT, so UTC too).
const NOW = new Date('2026-11-18T10:05:00Z');
const WEDNESDAY_3PM = '2026-11-18T15:00:00Z';

async function openClinic(page: Page, anteroom: AnteroomFixture) {
  await openSampleClinic(page, anteroom, { now: NOW });
  await expect(page.getByRole('heading', { name: /Wednesday,? (18 November|November 18),? 2026/ })).toBeVisible();
  const [okafor, hughes] = await anteroom.call('providers.list', {});
  const consult = (await anteroom.call('appointmentTypes.list', {}))[0]!;
  const patient = (await anteroom.call('patients.list', { limit: 1 })).rows[0]!;
  if (!okafor || !hughes) throw new Error('sample doctors missing');
  return { day: new DayBookPage(page), pins: new PinboardPage(page), okafor, hughes, consult, patient, name: `${patient.firstName} ${patient.lastName}` };
}

/** Thursday's first free 20 minutes for a doctor (the sample clinic is busy). */
async function freeThursday(anteroom: AnteroomFixture, providerId: number, after = '2026-11-19T09:00:00Z'): Promise<string> {
  const [slot] = await anteroom.call('slots.find', { providerId, durationMinutes: 20, from: after, limit: 1 });
  if (!slot || !slot.startsAt.startsWith('2026-11-19')) throw new Error('no free time on Thursday');
  return slot.startsAt;
}
const minuteOfDay = (iso: string) => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));

test('pin with X, see the ghost, reload, place it on another day with a click; Undo puts it back on the pinboard', async ({ page, anteroom }) => {
  const { day, pins, okafor, hughes, consult, patient, name } = await openClinic(page, anteroom);
  const saved = await anteroom.call('appointments.book', { patientId: patient.id, providerId: okafor.id, typeId: consult.id, startsAt: WEDNESDAY_3PM });
  const target = await freeThursday(anteroom, hughes.id, '2026-11-19T11:00:00Z');
  await page.keyboard.press('j');
  await page.keyboard.press('t');

  await expect(pins.tray()).toContainText('select it and press X');
  await day.column(/Dr Amara Okafor/).getByRole('button', { name: /^15:00 to 15:20/ }).click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('x');
  await expect(pins.card(name)).toBeVisible();
  await expect(pins.card(name)).toContainText(/Was Wed,? (18 Nov|Nov 18), 15:00/);
  // The old slot keeps the appointment, drawn as a ghost and named as pinned.
  const ghost = day.column(/Dr Amara Okafor/).getByRole('button', { name: /^15:00 to 15:20.*pinned to move$/ });
  await expect(ghost).toBeVisible();
  await expect(ghost).toContainText('Pinned');
  await anteroom.screenshot('calendar-pinboard');
  await page.emulateMedia({ colorScheme: 'dark' });
  await anteroom.screenshot('calendar-pinboard-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The pinboard lives in the database: a reload (or a restart) finds it where it was.
  await page.reload();
  await expect(pins.card(name)).toBeVisible();
  await expect(ghost).toBeVisible();

  await page.keyboard.press('j');
  await expect(page.getByRole('heading', { name: /Thursday,? (19 November|November 19),? 2026/ })).toBeVisible();
  await expect(pins.card(name)).toBeVisible();
  // Choose the card, then a click on free time places it there.
  await pins.card(name).click();
  await expect(pins.card(name)).toHaveAttribute('aria-pressed', 'true');
  // Pointing at free time shows where it would land before anything is saved.
  const spot = await pins.pointAt(day.column(/Dr Ben Hughes/), minuteOfDay(target));
  await page.mouse.move(spot.x, spot.y);
  await expect(day.column(/Dr Ben Hughes/).locator('.appt-place-preview')).toHaveText(new RegExp(`Place here · ${target.slice(11, 16)}`));
  await anteroom.screenshot('calendar-pinboard-place');
  await pins.clickAt(day.column(/Dr Ben Hughes/), minuteOfDay(target));
  await expect(day.toast().filter({ hasText: 'Appointment placed on Thu' })).toBeVisible();
  await expect(pins.card(name)).toHaveCount(0);
  await expect(day.column(/Dr Ben Hughes/).getByRole('button', { name: new RegExp(`^${target.slice(11, 16)} to .*${name}`) })).toBeVisible();
  await anteroom.screenshot('calendar-pinboard-placed');
  const moved = await anteroom.call('appointments.get', { id: saved.appointment.id });
  expect([moved.providerId, moved.startsAt]).toEqual([hughes.id, new Date(target).toISOString()]);
  expect(await anteroom.call('pinboard.list', {})).toEqual([]);

  // Undo: back at Wednesday 15:00 with Dr Okafor, and back on the pinboard to try again.
  await page.keyboard.press('Control+z');
  await expect(pins.card(name)).toBeVisible();
  const back = await anteroom.call('appointments.get', { id: saved.appointment.id });
  expect([back.providerId, back.startsAt]).toEqual([okafor.id, '2026-11-18T15:00:00.000Z']);
});

test('dropping the card on a taken time keeps it pinned with the reason; Esc returns it to its slot', async ({ page, anteroom }) => {
  const { day, pins, okafor, consult, patient, name } = await openClinic(page, anteroom);
  const saved = await anteroom.call('appointments.book', { patientId: patient.id, providerId: okafor.id, typeId: consult.id, startsAt: WEDNESDAY_3PM });
  const busy = await freeThursday(anteroom, okafor.id);
  await anteroom.call('appointments.book', { patientId: patient.id, providerId: okafor.id, typeId: consult.id, startsAt: busy });
  await page.keyboard.press('j');
  await page.keyboard.press('t');

  await day.column(/Dr Amara Okafor/).getByRole('button', { name: /^15:00 to 15:20/ }).click();
  await day.panel().getByRole('button', { name: /Pin to move/ }).click();
  await expect(day.panel()).toHaveCount(0);
  await expect(pins.card(name)).toHaveAttribute('aria-pressed', 'true');

  await page.keyboard.press('j');
  // Dropped over Dr Okafor's booked time: main refuses, and the card stays on the pinboard.
  await pins.dragCardTo(pins.card(name), day.column(/Dr Amara Okafor/), minuteOfDay(busy) + 5);
  await expect(day.toast().filter({ hasText: 'Choose another time' })).toBeVisible();
  await expect(pins.card(name)).toBeVisible();
  expect((await anteroom.call('appointments.get', { id: saved.appointment.id })).startsAt).toBe('2026-11-18T15:00:00.000Z');
  await anteroom.screenshot('calendar-pinboard-clash');

  await page.keyboard.press('Escape');
  await expect(pins.card(name)).toHaveCount(0);
  await expect(pins.tray()).toContainText('select it and press X');
  expect(await anteroom.call('pinboard.list', {})).toEqual([]);
  expect((await anteroom.call('appointments.get', { id: saved.appointment.id })).startsAt).toBe('2026-11-18T15:00:00.000Z');
});

test('change the length with Alt+↓ and by dragging the bottom edge; Undo takes it back', async ({ page, anteroom }) => {
  const { day, okafor, consult, patient } = await openClinic(page, anteroom);
  const saved = await anteroom.call('appointments.book', { patientId: patient.id, providerId: okafor.id, typeId: consult.id, startsAt: WEDNESDAY_3PM });
  await page.keyboard.press('j');
  await page.keyboard.press('t');
  const column = day.column(/Dr Amara Okafor/);

  await column.getByRole('button', { name: /^15:00 to 15:20/ }).click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(column.getByRole('button', { name: /^15:00 to 15:25/ })).toBeVisible();
  expect((await anteroom.call('appointments.get', { id: saved.appointment.id })).endsAt).toBe('2026-11-18T15:25:00.000Z');

  const handle = page.getByRole('separator', { name: 'Length of the 15:00 appointment' });
  await expect(handle).toHaveAttribute('aria-valuenow', '25');
  const box = (await handle.boundingBox())!;
  const ppm = await page.locator('.cal-body').evaluate((el: HTMLElement) => Number(el.dataset.ppm));
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 8 * ppm, { steps: 3 });
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 15 * ppm, { steps: 3 });
  await page.mouse.up();
  await expect(column.getByRole('button', { name: /^15:00 to 15:40/ })).toBeVisible();
  expect((await anteroom.call('appointments.get', { id: saved.appointment.id })).endsAt).toBe('2026-11-18T15:40:00.000Z');
  await expect(day.toast().filter({ hasText: 'Appointment now 40 minutes long.' })).toBeVisible();
  await anteroom.screenshot('calendar-resize');

  await page.keyboard.press('Control+z');
  await expect(column.getByRole('button', { name: /^15:00 to 15:25/ })).toBeVisible();
});

test('keyboard only: X pins the selected appointment, Place… takes a typed day and time', async ({ page, anteroom }) => {
  const { day, pins, okafor, consult, patient, name } = await openClinic(page, anteroom);
  const saved = await anteroom.call('appointments.book', { patientId: patient.id, providerId: okafor.id, typeId: consult.id, startsAt: WEDNESDAY_3PM });
  const target = await freeThursday(anteroom, okafor.id, '2026-11-19T14:00:00Z');
  await page.keyboard.press('j');
  await page.keyboard.press('t');
  await day.column(/Dr Amara Okafor/).getByRole('button', { name: /^15:00 to 15:20/ }).click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+x');
  await expect(pins.card(name)).toBeVisible();

  await pins.tray().getByRole('button', { name: 'Place…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: new RegExp(`Move ${name}`) });
  await expect(dialog.getByLabel('Day')).toBeFocused();
  await dialog.getByLabel('Day').fill('2026-11-19');
  await dialog.getByLabel('Time').fill(target.slice(11, 16));
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(pins.card(name)).toHaveCount(0);
  const moved = await anteroom.call('appointments.get', { id: saved.appointment.id });
  expect(moved.startsAt).toBe(new Date(target).toISOString());
});

test('week view: the ghost shows on its day and a card dropped on another day of the week lands there', async ({ page, anteroom }) => {
  const { day, pins, okafor, consult, patient, name } = await openClinic(page, anteroom);
  const saved = await anteroom.call('appointments.book', { patientId: patient.id, providerId: okafor.id, typeId: consult.id, startsAt: WEDNESDAY_3PM });
  const target = await freeThursday(anteroom, okafor.id, '2026-11-19T14:00:00Z');
  await anteroom.call('pinboard.pin', { appointmentId: saved.appointment.id });
  await page.reload();
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await expect(pins.card(name)).toBeVisible();
  const wednesday = day.grid().getByRole('group', { name: /Dr Amara Okafor \(Sample\), Wed/ });
  const thursday = day.grid().getByRole('group', { name: /Dr Amara Okafor \(Sample\), Thu/ });
  await expect(wednesday.getByRole('button', { name: /^15:00 to 15:20.*pinned to move$/ })).toBeVisible();
  await anteroom.screenshot('calendar-pinboard-week');

  await pins.dragCardTo(pins.card(name), thursday, minuteOfDay(target));
  await expect(thursday.getByRole('button', { name: new RegExp(`^${target.slice(11, 16)} to .*${name}`) })).toBeVisible();
  await expect(pins.card(name)).toHaveCount(0);
  expect((await anteroom.call('appointments.get', { id: saved.appointment.id })).startsAt).toBe(new Date(target).toISOString());
});
