// The day book on a laptop desk on a busy morning: what a receptionist reads at a glance, where the keyboard's focus
// goes, and what the Today list and the toasts leave in view.
import type { Locator } from '@playwright/test';
import { ADMIN, CLINIC, expect, test, type AnteroomFixture } from './fixtures';
import { DayBookPage } from './pages/DayBookPage';
import { PinboardPage } from './pages/PinboardPage';
import { PrivacyPage } from './pages/PrivacyPage';
import { openSampleClinic, WEDNESDAY_MORNING } from './support/sample-clinic';

const LAPTOP = { width: 1366, height: 768 };

/** WCAG contrast of a block's text against its own ground, with every ancestor's opacity counted. */
function contrastOf(el: Locator, text: string): Promise<{ ratio: number; opacity: number }> {
  return el.evaluate((block, selector) => {
    const rgb = (c: string): number[] => {
      const n = (c.match(/[\d.]+/g) ?? []).map(Number);
      // color(srgb r g b) comes as 0–1, rgb(r, g, b) as 0–255.
      return c.startsWith('color(') ? n.slice(0, 3).map((v) => v * 255) : n.slice(0, 3);
    };
    const lum = (c: number[]) => {
      const [r = 0, g = 0, b = 0] = c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const fg = lum(rgb(getComputedStyle(block.querySelector(selector) ?? block).color));
    const bg = lum(rgb(getComputedStyle(block).backgroundColor));
    let opacity = 1;
    for (let e: Element | null = block; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
    return { ratio: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05), opacity };
  }, text);
}

async function sampleDoctors(anteroom: AnteroomFixture) {
  const [okafor] = await anteroom.call('providers.list', {});
  if (!okafor) throw new Error('sample doctors missing');
  return { okafor };
}

/** The appointment the sample books for Dr Okafor at a wall-clock time today (London, GMT in November). */
async function okaforAt(anteroom: AnteroomFixture, hhmm: string) {
  const { okafor } = await sampleDoctors(anteroom);
  const row = (await anteroom.call('appointments.today', { providerIds: [okafor.id] })).rows.find((r) => r.startsAt === `2026-11-18T${hhmm}:00.000Z`);
  if (!row) throw new Error(`no sample appointment at ${hhmm}`);
  return row;
}

test('on a laptop the wait shows on one-line blocks, a cancellation stays readable, and a cut-short name is whole on hover', async ({ page, anteroom }) => {
  await page.setViewportSize(LAPTOP);
  const day = await openSampleClinic(page, anteroom);
  const soren = await okaforAt(anteroom, '10:20');
  await anteroom.call('appointments.setStatus', { id: soren.id, status: 'arrived' });
  const priya = await okaforAt(anteroom, '11:00');
  await anteroom.call('appointments.cancel', { id: priya.id, reason: 'Patient called: unwell', scope: 'this' });
  anteroom.clock.advance(12 * 60_000);
  await page.clock.setFixedTime(new Date(WEDNESDAY_MORNING.getTime() + 12 * 60_000));
  await page.reload();

  // A 15-minute visit is one line at this size: the badge's words give way, the minutes stay, amber past ten.
  const waiting = day.block(/^10:20 to .*waiting 12 minutes/);
  await expect(waiting).toHaveClass(/appt-compact/);
  await expect(waiting).toContainText('12 min', { useInnerText: true });
  await expect(waiting.locator('.badge-amber')).toBeVisible();
  // The arrived block's deeper tint still leaves its time readable.
  expect((await contrastOf(waiting, '.appt-time')).ratio).toBeGreaterThanOrEqual(4.5);

  // A late cancellation (11:00, called in this morning): dimmed by colour, still readable (WCAG AA, 4.5:1).
  const cancelled = day.block(/^11:00 to .*Cancelled/);
  for (const part of ['.appt-patient', '.appt-time']) {
    const { ratio, opacity } = await contrastOf(cancelled, part);
    expect(opacity).toBe(1);
    expect(ratio).toBeGreaterThanOrEqual(4.5);
  }

  // The day opens at the hour before now, on the hour: 09:00's blocks and its label whole under the column heads.
  const heads = (await page.locator('.cal-head').boundingBox())!;
  const nine = (await page.locator('.cal-hour-label', { hasText: '09:00' }).boundingBox())!;
  expect(nine.y).toBeGreaterThanOrEqual(heads.y + heads.height);
  expect((await day.block(/^09:00 to/).boundingBox())!.y).toBeGreaterThanOrEqual(heads.y + heads.height);

  // Names cut short by a narrow column read whole on hover; doctors' heads too.
  await day.block(/^10:20 to/).click();
  await expect(day.panel()).toBeVisible();
  const oluwaseun = day.block(/^11:50 to .*Oluwaseun Adeyemi/);
  expect(await oluwaseun.locator('.appt-patient').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await expect(oluwaseun).toHaveAttribute('title', /Oluwaseun Adeyemi, Consultation, with Dr Ben Hughes \(Sample\)/);
  await expect(page.locator('.cal-col-head').first()).toHaveAttribute('title', 'Dr Amara Okafor (Sample) · General practice');
  await anteroom.screenshot('calendar-laptop-panel');

  // With the privacy screen on, hovering shows initials, never the full name.
  await new PrivacyPage(page).press();
  await expect(day.block(/^11:50 to/)).not.toHaveAttribute('title', /Oluwaseun/);
});

test('keyboard: Tab enters at the next patient, a click takes the focus along, the focus is never dropped, a cancellation is booked again', async ({ page, anteroom }) => {
  const day = await openSampleClinic(page, anteroom);
  const { okafor } = await sampleDoctors(anteroom);
  const grid = day.grid();
  // One tab stop in the grid, on the visit under way or next to come (María García López, 09:50, at 10:05).
  await expect(grid.locator('[data-appointment-id][tabindex="0"]')).toHaveCount(1);
  await page.locator('.daybook-side').evaluate((side) => [...side.querySelectorAll<HTMLElement>('button:not(:disabled)')].at(-1)?.focus());
  await page.keyboard.press('Tab');
  await expect(day.block(/^09:50 to .*María García López/)).toBeFocused();

  // ↓ moves on by keyboard; then a click elsewhere: Esc, Enter opens the clicked block, not the earlier one.
  await page.keyboard.press('ArrowDown');
  await expect(day.block(/^09:55 to/)).toBeFocused();
  await day.block(/^10:20 to/).click();
  await expect(day.block(/^10:20 to/)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(day.panel()).toBeHidden();
  await expect(day.block(/^10:20 to/)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(day.panel().getByRole('heading', { name: 'Søren Kjær' })).toBeVisible();

  // Arrive from the panel: its button goes, and the focus lands on Start, the next step.
  await day.panel().getByRole('button', { name: /^Arrive/ }).click();
  await expect(day.panel().getByRole('button', { name: 'Start' })).toBeFocused();

  // Esc from a button in the panel: the panel closes and the focus is back on the block.
  await page.keyboard.press('Escape');
  await expect(day.panel()).toBeHidden();
  await expect(day.block(/^10:20 to/)).toBeFocused();

  // Cancel by keyboard: the Cancel button goes with the appointment's state; the focus stays in the panel, on
  // Book again — Enter, Enter rebooks the patient with the same doctor and type at the first free time.
  await day.block(/^11:00 to/).click();
  await day.panel().getByRole('button', { name: 'Cancel appointment' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Patient called: unwell');
  await page.keyboard.press('Enter');
  await expect(day.panel()).toContainText('Patient called: unwell');
  await expect(day.panel().getByRole('button', { name: 'Book again' })).toBeFocused();
  await page.keyboard.press('Enter');
  const booking = day.booking();
  await expect(booking).toContainText('Priya Natarajan');
  await expect(booking.getByLabel('Doctor')).toHaveValue(String(okafor.id));
  await expect(booking.getByLabel('Time', { exact: true })).not.toHaveValue('');
  await expect(booking.getByRole('button', { name: /Book appointment/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(day.toast().filter({ hasText: 'Booked Priya Natarajan' })).toBeVisible();
  const rebooked = (await anteroom.call('appointments.today', { providerIds: [okafor.id] })).rows.filter((r) => r.patientName === 'Priya Natarajan' && r.status !== 'cancelled');
  expect(rebooked.length).toBeGreaterThan(0);

  // A booking closed with Esc hands the focus back to the button that opened it.
  await page.getByRole('button', { name: /^New appointment/ }).click();
  await expect(day.booking().getByRole('combobox', { name: 'Patient' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(day.booking()).toBeHidden();
  await expect(page.getByRole('button', { name: /^New appointment/ })).toBeFocused();
});

test('the month beside the day book is one Tab stop: arrows walk its days, Enter shows the day', async ({ page, anteroom }) => {
  const day = await openSampleClinic(page, anteroom);
  // From the toolbar's last button to the grid: the month's arrows and one day, three doctors, then the next patient.
  await page.getByRole('button', { name: /^New appointment/ }).focus();
  let tabs = 0;
  while (tabs < 60 && !(await page.evaluate(() => document.activeElement?.closest('.cal-grid') !== null && document.activeElement?.hasAttribute('data-appointment-id')))) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  expect(tabs).toBeLessThanOrEqual(8);
  await expect(day.block(/^09:50 to/)).toBeFocused();

  const month = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Mo' }) });
  const wednesday = month.getByRole('button', { name: /Wednesday,? (18 November|November 18),? 2026/ });
  await wednesday.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(month.getByRole('button', { name: /Thursday,? (26 November|November 26),? 2026/ })).toBeFocused();
  // Walking the month changes neither the day shown nor the chosen block (still the 09:50 Tab reached).
  await expect(page.getByRole('heading', { name: /Wednesday,? (18 November|November 18),? 2026/ })).toBeVisible();
  await expect(day.grid().locator('[aria-pressed="true"]')).toHaveAttribute('aria-label', /^09:50 to/);
  await page.keyboard.press('PageDown');
  await expect(month.getByRole('button', { name: /Saturday,? (26 December|December 26),? 2026/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Saturday,? (26 December|December 26),? 2026/ })).toBeVisible();
});

test('the week view names today’s column', async ({ page, anteroom }) => {
  const day = await openSampleClinic(page, anteroom);
  await expect(page.locator('.cal-col-head[aria-current="date"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await expect(day.grid().getByRole('group')).toHaveCount(7);
  const today = page.locator('.cal-col-head[aria-current="date"]');
  await expect(today).toHaveCount(1);
  await expect(today).toContainText(/Wed.*18.*Today|Wed.*Today/);
});

test('from a clicked free slot a returning patient is booked with the name, Enter, Enter; Ctrl+Z takes it back', async ({ page, anteroom }) => {
  const day = await openSampleClinic(page, anteroom);
  const { okafor } = await sampleDoctors(anteroom);
  await new PinboardPage(page).clickAt(day.column(/Dr Amara Okafor/), 14 * 60);
  const booking = day.booking();
  await expect(booking.getByRole('combobox', { name: 'Patient' })).toBeFocused();
  await page.keyboard.type('Tanaka');
  await expect(booking.getByRole('option', { name: /Aiko Tanaka/ })).toBeVisible();
  await page.keyboard.press('Enter');
  // The box the name was typed in gives way to the chosen patient: the focus goes on to Book, not to the page.
  await expect(booking.getByRole('button', { name: /Book appointment/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(day.toast().filter({ hasText: 'Booked Aiko Tanaka at 14:00' })).toBeVisible();
  const booked = async () => (await anteroom.call('appointments.today', { providerIds: [okafor.id] })).rows.filter((r) => r.startsAt === '2026-11-18T14:00:00.000Z' && r.status !== 'cancelled');
  expect(await booked()).toHaveLength(1);
  await page.keyboard.press('Control+z');
  await expect(day.toast().filter({ hasText: 'Undone' })).toBeVisible();
  await expect.poll(async () => (await booked()).length).toBe(0);
});

test('an opening chosen in the finder opened by its button leaves the cursor in the booking’s patient box', async ({ page, anteroom }) => {
  const day = await openSampleClinic(page, anteroom);
  await page.getByRole('button', { name: /^Find a slot/ }).click();
  const finder = page.getByRole('dialog', { name: 'Next available' });
  await expect(finder.getByRole('listitem').first()).toBeVisible();
  await page.keyboard.press('2');
  await expect(finder).toBeHidden();
  // Not back on Find a slot: the next keys typed are the patient's name (and must not fire C, F or T).
  await expect(day.booking().getByRole('combobox', { name: 'Patient' })).toBeFocused();
  await page.keyboard.type('Tanaka');
  await expect(day.booking().getByRole('option', { name: /Aiko Tanaka/ })).toBeVisible();
});

test('Today by keyboard: Enter on a focused Check in checks that patient in, and the focus moves on to their Start', async ({ page, anteroom }) => {
  const day = await openSampleClinic(page, anteroom);
  await day.nav('Today');
  const row = page.getByRole('row', { name: /María García López/ }).first();
  await row.getByRole('button', { name: /^Check in/ }).focus();
  await page.keyboard.press('Enter');
  await expect(row).toContainText('Arrived');
  await expect(row.getByRole('button', { name: 'Start' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row).toContainText('In consultation');
  await expect(row.getByRole('button', { name: 'María García López' })).toBeFocused();
  // Enter on a top-bar button still goes there.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Day book', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(day.grid()).toBeVisible();
});

test('Shift+↓ held on a block moves it on screen at once and saves one move: one toast, one Ctrl+Z back', async ({ page, anteroom }) => {
  const day = await openSampleClinic(page, anteroom);
  const soren = await okaforAt(anteroom, '10:20');
  await day.block(/^10:20 to/).click();
  await page.keyboard.press('Escape');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowDown');
  await expect(day.block(/^10:45 to 11:00, Søren Kjær/)).toBeFocused();
  await expect.poll(async () => (await anteroom.call('appointments.get', { id: soren.id })).startsAt).toBe('2026-11-18T10:45:00.000Z');
  await expect(day.toast().filter({ hasText: 'Appointment moved.' })).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await anteroom.call('appointments.get', { id: soren.id })).startsAt).toBe('2026-11-18T10:20:00.000Z');
  await expect(day.block(/^10:20 to 10:35, Søren Kjær/)).toBeVisible();
  // Shift+→ carries it to the next doctor's column, and the focus with it.
  await day.block(/^10:20 to 10:35, Søren Kjær/).click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(day.column(/Dr Ben Hughes/).getByRole('button', { name: /^10:20 to 10:35, Søren Kjær/ })).toBeFocused();
  await expect.poll(async () => (await anteroom.call('appointments.get', { id: soren.id })).providerId).not.toBe(soren.providerId);
});

test('C starts the booking at the first open, free quarter hour on screen, not on top of a booked patient', async ({ page, anteroom }) => {
  const day = await openSampleClinic(page, anteroom);
  // 10:05: Dr Okafor's 10:15 would run into Søren Kjær at 10:20; Dr Hughes is free from 10:15 until 10:35.
  await expect(day.block(/^10:20 to .*Søren Kjær/)).toBeVisible();
  await page.keyboard.press('c');
  const booking = day.booking();
  await expect(booking.getByLabel('Doctor')).toHaveValue(String((await anteroom.call('providers.list', {}))[1]!.id));
  await expect(booking.getByLabel('Time', { exact: true })).toHaveValue('10:15');
  await page.keyboard.type('Tanaka');
  await expect(booking.getByRole('option', { name: /Aiko Tanaka/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(day.toast().filter({ hasText: 'Booked Aiko Tanaka at 10:15' })).toBeVisible();
});

/** Two more doctors booked every 20 minutes from 08:00 to 17:00: a Today list far taller than a laptop screen. */
async function busyMorning(anteroom: AnteroomFixture): Promise<void> {
  const patients = (await anteroom.call('patients.list', { limit: 20 })).rows;
  const [consult] = await anteroom.call('appointmentTypes.list', {});
  for (const [name, color] of [['Dr Li Wei', '#b02a6e'], ['Dr Sam Adeyemi', '#2ab09a']] as const) {
    const doctor = await anteroom.call('providers.create', { name, color, consultationFee: 5000 });
    await anteroom.call('providers.hoursSet', { providerId: doctor.id, rows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '18:00' })) });
    for (let m = 8 * 60, n = 0; m < 17 * 60; m += 20, n++) {
      const startsAt = `2026-11-18T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00Z`;
      await anteroom.call('appointments.book', { patientId: patients[n % patients.length]!.id, providerId: doctor.id, typeId: consult!.id, startsAt });
    }
  }
}

const inView = (row: Locator) => row.evaluate((el) => {
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= window.innerHeight;
});

test('Today on a busy morning opens at the next patient expected, and ↑/↓ keep the chosen row on screen', async ({ page, anteroom }) => {
  await page.setViewportSize(LAPTOP);
  const day = await openSampleClinic(page, anteroom);
  await busyMorning(anteroom);
  await day.nav('Today');
  const chosen = page.locator('tr.row-selected');
  await expect(chosen).toContainText('09:50');
  expect(await inView(chosen)).toBe(true);
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowDown');
  await expect(chosen).toContainText(/1[12]:\d\d/);
  expect(await inView(chosen)).toBe(true);
  await page.keyboard.press('a');
  await expect(chosen).toContainText('Arrived');
});

test('a toast never covers the side panel’s buttons', async ({ page, anteroom }) => {
  await page.setViewportSize(LAPTOP);
  const day = await openSampleClinic(page, anteroom);
  await day.block(/^10:20 to/).click();
  await day.panel().getByRole('button', { name: /^Arrive/ }).click();
  const toast = day.toast().filter({ hasText: 'Patient checked in.' });
  await expect(toast).toBeVisible();
  const t = (await toast.boundingBox())!;
  const p = (await day.panel().boundingBox())!;
  expect(t.x + t.width).toBeLessThanOrEqual(p.x);
  await anteroom.screenshot('calendar-toast-beside-panel');
});

test('left open overnight, the day book that showed today shows the new day after midnight', async ({ page, anteroom }) => {
  const lateEvening = new Date('2026-11-18T23:59:30Z');
  anteroom.clock.advance(0);
  anteroom.clock.now = new Date(lateEvening);
  // Fake timers (not a fixed time): the day book's half-minute clock has to tick past midnight.
  await page.clock.install({ time: lateEvening });
  await anteroom.call('setup.complete', { clinic: { ...CLINIC, lockAfterMinutes: 60 }, admin: ADMIN, loadSampleData: true });
  await page.reload();
  const day = new DayBookPage(page);
  await expect(day.grid()).toBeVisible();
  await expect(page.getByRole('heading', { name: /Wednesday,? (18 November|November 18),? 2026\s*Today/ })).toBeVisible();
  anteroom.clock.advance(60_000);
  await page.clock.runFor(60_000);
  await expect(page.getByRole('heading', { name: /Thursday,? (19 November|November 19),? 2026\s*Today/ })).toBeVisible();
});
