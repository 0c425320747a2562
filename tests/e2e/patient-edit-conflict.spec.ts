// Two desks edit one patient: the record changes underneath an open edit form. The save is refused with who
// changed it and when, nothing typed is lost, and "Load their changes" lays the typing over their record.
import { expect, test } from './fixtures';
import { PatientDetailPage } from './pages/PatientDetailPage';
import { PatientFormPage } from './pages/PatientFormPage';
import { PatientsPage } from './pages/PatientsPage';

const ANNA = { firstName: 'Anna', lastName: 'Lindqvist', dateOfBirth: '1986-04-19', sex: 'female' as const, phone: '07400 123456', city: 'Bristol' };
const OTHER_DESK = { senderId: 'front-desk-2', trusted: true };

test('a save over a record another desk changed is refused, keeps the typing, and loads their changes on request', async ({ page, anteroom }) => {
  await anteroom.setUpAndSignIn();
  const anna = await anteroom.call('patients.create', ANNA);
  await anteroom.call('staff.create', { username: 'rita', displayName: 'Rita Reception', role: 'receptionist', password: 'a long enough password' });
  const signedIn = await anteroom.core.dispatch('auth.signIn', { username: 'rita', password: 'a long enough password' }, OTHER_DESK);
  expect(signedIn.ok).toBe(true);

  const patients = new PatientsPage(page);
  await patients.open();
  await patients.row('Lindqvist, Anna').click();
  const detail = new PatientDetailPage(page);
  await expect(detail.name()).toHaveText('Anna Lindqvist');
  await detail.edit();
  const form = new PatientFormPage(page);
  await expect(form.field('city')).toHaveValue('Bristol');

  // This desk types a new phone number and an allergy…
  await form.fill({ phone: '07400 654321', allergies: 'Penicillin' });
  // …while Rita, at the other desk, records a different allergy and a new city.
  const theirs = await anteroom.core.dispatch(
    'patients.update',
    { id: anna.id, fields: { ...ANNA, city: 'Bath', allergies: 'Latex' }, loadedUpdatedAt: anna.updatedAt },
    OTHER_DESK,
  );
  expect(theirs.ok).toBe(true);

  await form.save();
  const refusal = page.getByRole('alert').filter({ hasText: 'Rita Reception changed this record on' });
  await expect(refusal).toContainText(/on \w{3} \d{1,2} \w{3} \d{4} at \d{2}:\d{2}, after you opened it\. Nothing was saved\./);
  // Still on the form, with everything typed here.
  await expect(form.field('phone')).toHaveValue('07400 654321');
  await expect(form.field('allergies')).toHaveValue('Penicillin');
  await expect(form.field('city')).toHaveValue('Bristol');
  const stored = await anteroom.call('patients.get', { id: anna.id });
  expect(stored).toMatchObject({ city: 'Bath', allergies: 'Latex', phone: '+447400123456' });
  await anteroom.screenshot('patient-edit-conflict');

  await page.getByRole('button', { name: 'Load their changes' }).click();
  // Their city arrives; what was typed here stays, and the field both desks changed says what they saved.
  await expect(form.field('city')).toHaveValue('Bath');
  await expect(form.field('phone')).toHaveValue('07400 654321');
  await expect(form.field('allergies')).toHaveValue('Penicillin');
  await expect(form.messageFor('allergies')).toContainText('They saved “Latex” here. Your entry is kept.');
  await expect(page.getByRole('status').filter({ hasText: 'Their changes are loaded' })).toContainText('They changed Allergies too');
  await expect(form.field('allergies')).toBeFocused();

  await form.fill({ allergies: 'Latex, penicillin' });
  await form.save();
  await expect(detail.name()).toHaveText('Anna Lindqvist');
  expect(await anteroom.call('patients.get', { id: anna.id })).toMatchObject({ city: 'Bath', allergies: 'Latex, penicillin', phone: '+447400654321' });
});
