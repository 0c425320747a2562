// How the calendar journeys start: the clinic set up with its sample data at a fixed moment, main's clock and the
// page's frozen there, the day book on screen.
import { ADMIN, CLINIC, expect, type AnteroomFixture, type Page } from '../fixtures';
import { DayBookPage } from '../pages/DayBookPage';

/** Wednesday 18 November 2026, 10:05 in London (GMT, so UTC too): mid-morning on a working day. */
export const WEDNESDAY_MORNING = new Date('2026-11-18T10:05:00Z');

interface SampleClinicOptions {
  now?: Date;
  /** Changes to the test clinic's profile (e.g. a euro clinic in Berlin). */
  clinic?: Partial<typeof CLINIC>;
}

/**
 * The lock is an hour: a journey that moves main's clock ahead (to show a waiting time) must not meet the lock
 * screen. Freezing main's clock also makes "upcoming" and "today" mean the same moment on both sides.
 */
export async function openSampleClinic(page: Page, anteroom: AnteroomFixture, opts: SampleClinicOptions = {}): Promise<DayBookPage> {
  const now = opts.now ?? WEDNESDAY_MORNING;
  anteroom.clock.advance(0);
  anteroom.clock.now = new Date(now);
  await page.clock.setFixedTime(now);
  await anteroom.call('setup.complete', { clinic: { ...CLINIC, lockAfterMinutes: 60, ...opts.clinic }, admin: ADMIN, loadSampleData: true });
  await page.reload();
  const day = new DayBookPage(page);
  await expect(day.grid()).toBeVisible();
  return day;
}
