// Main's own idle lock: a desk left with the day book refreshing still locks, and the refresh brings up the lock
// screen; someone typing a long form (no calls of its own) is never locked out.
import { ADMIN, CLINIC, E2E_SENDER, expect, test, type AnteroomFixture, type Page } from './fixtures';
import { DayBookPage } from './pages/DayBookPage';
import { LockScreenPage } from './pages/LockScreenPage';
import { PatientFormPage } from './pages/PatientFormPage';
import { PatientsPage } from './pages/PatientsPage';

const NOW = new Date('2026-11-18T10:05:00Z');

/** Both clocks at NOW and moved only by the test; the day book on screen. */
async function openDayBook(page: Page, anteroom: AnteroomFixture, lockAfterMinutes: number): Promise<DayBookPage> {
  anteroom.clock.advance(0);
  anteroom.clock.now = new Date(NOW);
  await page.clock.install({ time: NOW });
  await anteroom.call('setup.complete', { clinic: { ...CLINIC, lockAfterMinutes }, admin: ADMIN, loadSampleData: true });
  await page.reload();
  const day = new DayBookPage(page);
  await expect(day.grid()).toBeVisible();
  return day;
}

/** Half a minute passes on both sides: the window's timers (day book refresh, idle check) run. */
async function halfMinute(page: Page, anteroom: AnteroomFixture): Promise<void> {
  anteroom.clock.advance(30_000);
  await page.clock.runFor(30_000);
}

test('a desk left on the day book locks in main even though the day book keeps refreshing, and the refresh shows the lock screen', async ({ page, anteroom }) => {
  // The window believes the lock is an hour away (as a buggy or tampered window might); main knows it is 5 minutes.
  await openDayBook(page, anteroom, 60);
  await anteroom.call('clinic.update', { ...CLINIC, lockAfterMinutes: 5 });
  const lock = new LockScreenPage(page);
  for (let i = 0; i < 9; i++) await halfMinute(page, anteroom); // 4:30 of refreshes
  await expect(lock.overlay()).toBeHidden();
  expect(anteroom.core.sessions.get(E2E_SENDER)?.locked).toBe(false);
  for (let i = 0; i < 3; i++) await halfMinute(page, anteroom); // 6:00: the refresh at 5:00 met the lock
  expect(anteroom.core.sessions.get(E2E_SENDER)?.locked).toBe(true);
  await expect(lock.overlay()).toBeVisible();
  await lock.unlock(ADMIN.password);
  await expect(lock.overlay()).toBeHidden();
});

test('someone typing a long form for six minutes is never locked out: the window tells main they are there', async ({ page, anteroom }) => {
  await openDayBook(page, anteroom, 5);
  const patients = new PatientsPage(page);
  await patients.open();
  await patients.newPatient();
  const form = new PatientFormPage(page);
  await form.field('firstName').click();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.type('a');
    await halfMinute(page, anteroom);
  }
  await expect(new LockScreenPage(page).overlay()).toBeHidden();
  expect(anteroom.core.sessions.get(E2E_SENDER)?.locked).toBe(false);
  await expect(form.field('firstName')).toHaveValue('a'.repeat(12));
});
