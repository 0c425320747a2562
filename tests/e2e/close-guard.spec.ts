// Closing the window with a half-typed patient asks first (the page refuses to unload; Electron's main then asks);
// with nothing typed, or after saving, the window just closes.
import { expect, test } from './fixtures';
import { PatientFormPage } from './pages/PatientFormPage';
import { PatientsPage } from './pages/PatientsPage';

test('closing the window with a half-typed new patient is refused until the desk agrees', async ({ page, anteroom }) => {
  await anteroom.setUpAndSignIn();
  const patients = new PatientsPage(page);
  await patients.open();
  await patients.newPatient();
  const form = new PatientFormPage(page);
  await form.field('firstName').fill('Aroha');
  await form.field('allergies').fill('Penicillin');

  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss(); // "Stay": the form and what was typed stay
  await expect(form.field('allergies')).toHaveValue('Penicillin');
});

test('with nothing typed the window closes without a question', async ({ page, anteroom }) => {
  await anteroom.setUpAndSignIn();
  const patients = new PatientsPage(page);
  await patients.open();
  await patients.newPatient();
  let asked = false;
  page.on('dialog', (d) => {
    asked = true;
    void d.accept();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(asked).toBe(false);
});
