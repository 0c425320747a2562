// A merged-away record's page: it says where the patient lives now and links there, and offers no Restore —
// while a record that was only archived still does.
import { expect, test } from './fixtures';
import { PatientDetailPage } from './pages/PatientDetailPage';
import { PatientsPage } from './pages/PatientsPage';

const PERSON = { firstName: 'Ingrid', lastName: 'Bergström', dateOfBirth: '1958-07-21', sex: 'female', phone: '07911 200610' } as const;

test('a merged record shows "merged into" with a link and no Restore; an archived one keeps Restore', async ({ page, anteroom }) => {
  await anteroom.setUpAndSignIn();
  const kept = await anteroom.call('patients.create', { ...PERSON });
  const merged = await anteroom.call('patients.create', { ...PERSON, phone: '07911 200611' });
  const archived = await anteroom.call('patients.create', { ...PERSON, firstName: 'Astrid', phone: '07911 200612' });
  await anteroom.call('patients.merge', { keepId: kept.id, mergeId: merged.id });
  await anteroom.call('patients.archive', { id: archived.id });
  await page.reload();

  const list = new PatientsPage(page);
  await list.open();
  await list.status('All').check();
  await list.row(merged.mrn).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'This record was merged into' })).toContainText(kept.mrn);
  await expect(page.getByRole('button', { name: 'Restore' })).toHaveCount(0);
  await anteroom.screenshot('patients-merged-no-restore');
  await page.getByRole('button', { name: `Open ${kept.mrn}` }).click();
  await expect(new PatientDetailPage(page).identity()).toContainText(kept.mrn);

  await page.getByRole('button', { name: '← Patients' }).click();
  await list.status('All').check();
  await list.row(archived.mrn).first().click();
  await expect(new PatientDetailPage(page).identity()).toContainText(archived.mrn);
  await expect(page.getByRole('button', { name: 'Restore' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'merged into' })).toHaveCount(0);
});
