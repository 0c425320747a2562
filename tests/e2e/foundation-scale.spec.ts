// The patient list at clinic scale: 100,000 patients stay smooth because only visible rows exist in the DOM
// and pages of 100 load as they scroll into view.
import { makePatients, seeded } from '../../bench/patients-data';
import { archiveSome, seedPatients } from '../../bench/patients-seed';
import { expect, test } from './fixtures';
import { PatientsPage } from './pages/PatientsPage';

test('100,000 patients: few DOM rows, End reaches the last patient, search answers quickly', async ({ page, anteroom }) => {
  test.setTimeout(120_000);
  await anteroom.setUpAndSignIn();
  const people = makePatients(100_000);
  // The bench's own seeder, so this scale test and the benchmark see the same kind of register.
  const ids = seedPatients(anteroom.core.db.$client, people, new Date());
  archiveSome(anteroom.core.db.$client, ids, seeded(1), new Date());
  const active = (await anteroom.call('patients.list', { limit: 1 })).total;
  const last = (await anteroom.call('patients.list', { offset: active - 1, limit: 1 })).rows[0]!;

  await page.reload();
  const patients = new PatientsPage(page);
  await patients.open();
  await expect(patients.count()).toHaveText(`${active.toLocaleString('en-US')} patients`);
  expect(await patients.rows().count()).toBeLessThan(80);

  // Jump to the end of the register from the keyboard: the last page loads on demand.
  await patients.list().focus();
  const jumpStart = Date.now();
  await page.keyboard.press('End');
  await expect(patients.row(`${last.lastName}, ${last.firstName}`).last()).toHaveAttribute('aria-selected', 'true');
  const jumpMs = Date.now() - jumpStart;
  expect(await patients.rows().count()).toBeLessThan(80);

  const searchStart = Date.now();
  await patients.search().fill(last.lastName.slice(0, 5));
  await expect(patients.count()).toHaveText(/match/);
  const searchMs = Date.now() - searchStart;
  console.log(`100k register: End → last row ${jumpMs} ms; search "${last.lastName.slice(0, 5)}" → results ${searchMs} ms`);
  expect(jumpMs).toBeLessThan(3_000);
  expect(searchMs).toBeLessThan(3_000);
});
