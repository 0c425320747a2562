// Editing a record that is (or becomes) merged into another: nothing is ever saved to the merged-away record. A
// form open during the merge is refused and offers to carry the typing over to the record kept; an edit opened
// on a merged record points at the kept one instead of showing a form.
import { expect, test } from './fixtures';
import { PatientDetailPage } from './pages/PatientDetailPage';
import { PatientFormPage } from './pages/PatientFormPage';
import { PatientsPage } from './pages/PatientsPage';

const KEPT = { firstName: 'Ingrid', lastName: 'Bergström', dateOfBirth: '1958-07-21', sex: 'female', phone: '07911 200610', city: 'Bath', allergies: 'Latex' } as const;
const DUPLICATE = { ...KEPT, firstName: 'Ingrid M.', phone: '07911 200611', city: 'Bristol', allergies: null };

test('a save after the record was merged away is refused and carries the typing over to the kept record', async ({ page, anteroom }) => {
  await anteroom.setUpAndSignIn();
  const kept = await anteroom.call('patients.create', { ...KEPT });
  const dup = await anteroom.call('patients.create', { ...DUPLICATE });

  const list = new PatientsPage(page);
  await list.open();
  await list.row(dup.mrn).first().click();
  await new PatientDetailPage(page).edit();
  const form = new PatientFormPage(page);
  await expect(form.field('city')).toHaveValue('Bristol');
  await form.fill({ email: 'ingrid@example.org', allergies: 'Penicillin' });

  // Meanwhile the two records are merged, keeping the other one.
  await anteroom.call('patients.merge', { keepId: kept.id, mergeId: dup.id });

  await form.save();
  await expect(page.getByRole('alert')).toHaveText(
    `This record was merged into ${kept.mrn}, so nothing was saved to it. What you typed is still in the form: carry it over to ${kept.mrn}, check it, then save.`,
  );
  await expect(form.field('email')).toHaveValue('ingrid@example.org');
  expect(await anteroom.call('patients.get', { id: dup.id })).toMatchObject({ email: null, allergies: null });
  await anteroom.screenshot('patient-edit-merged-away');

  await page.getByRole('button', { name: `Carry over to ${kept.mrn}` }).click();
  await expect(page.getByRole('heading', { name: 'Edit Ingrid Bergström' })).toBeVisible();
  // The kept record's own details, with what was typed laid over them; where both differ, the kept value is named.
  await expect(form.field('city')).toHaveValue('Bath');
  await expect(form.field('email')).toHaveValue('ingrid@example.org');
  await expect(form.field('allergies')).toHaveValue('Penicillin');
  await expect(form.messageFor('allergies')).toContainText(`${kept.mrn} has “Latex” here. Your entry is kept.`);
  await expect(page.getByRole('status').filter({ hasText: `Now editing ${kept.mrn}` })).toContainText(`${kept.mrn} has its own Allergies`);

  await form.fill({ allergies: 'Latex, penicillin' });
  await form.save();
  await expect(new PatientDetailPage(page).identity()).toContainText(kept.mrn);
  expect(await anteroom.call('patients.get', { id: kept.id })).toMatchObject({ city: 'Bath', email: 'ingrid@example.org', allergies: 'Latex, penicillin' });
  expect(await anteroom.call('patients.get', { id: dup.id })).toMatchObject({ email: null, allergies: null });
});

test('editing a merged-away record offers the kept record instead of a form', async ({ page, anteroom }) => {
  await anteroom.setUpAndSignIn();
  const kept = await anteroom.call('patients.create', { ...KEPT });
  const dup = await anteroom.call('patients.create', { ...DUPLICATE });
  await anteroom.call('patients.merge', { keepId: kept.id, mergeId: dup.id });
  await page.reload();

  const list = new PatientsPage(page);
  await list.open();
  await list.status('All').check();
  await list.row(dup.mrn).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'This record was merged into' })).toContainText(kept.mrn);
  // The page shows no Edit button for an archived record, but E still opens the editor.
  await page.keyboard.press('e');
  await expect(page.getByRole('status').filter({ hasText: 'so it takes no changes' })).toContainText(kept.mrn);
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);

  await page.getByRole('button', { name: `Edit ${kept.mrn}` }).click();
  await expect(page.getByRole('heading', { name: 'Edit Ingrid Bergström' })).toBeVisible();
  await expect(new PatientFormPage(page).field('city')).toHaveValue('Bath');
});
