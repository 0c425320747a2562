// The foundation's journeys through the real UI: setup, sign-in, the patient register, admin screens, idle lock.
import { ADMIN, CLINIC, expect, test } from './fixtures';
import { DeskPage } from './pages/DeskPage';
import { LockScreenPage } from './pages/LockScreenPage';
import { PatientDetailPage } from './pages/PatientDetailPage';
import { PatientFormPage } from './pages/PatientFormPage';
import { PatientsPage } from './pages/PatientsPage';
import { SetupPage } from './pages/SetupPage';
import { SignInPage } from './pages/SignInPage';

const ANNA = { firstName: 'Anna', lastName: 'Lindqvist', dateOfBirth: '1986-04-19', phone: '07400 123456' };

test('first-run setup through the UI, then sign out and sign in again', async ({ page, anteroom }) => {
  const setup = new SetupPage(page);
  await expect(setup.heading()).toBeVisible();
  await expect(page.getByLabel('Clinic name')).toBeFocused();
  await setup.fill({ clinic: CLINIC, admin: ADMIN });
  await page.getByLabel(/Load sample patients/).check();
  await anteroom.screenshot('setup');
  await setup.submit();

  const patients = new PatientsPage(page);
  await patients.open();
  await expect(page.getByRole('banner')).toContainText(CLINIC.name);
  await expect(page.getByRole('banner')).toContainText(ADMIN.displayName);
  await expect(patients.count()).toHaveText('12 patients');

  await new DeskPage(page).signOut();
  const signIn = new SignInPage(page);
  await expect(signIn.heading()).toBeVisible();
  await signIn.signIn(ADMIN.username, 'not the password');
  await expect(signIn.error()).toContainText('do not match');
  await anteroom.screenshot('sign-in');
  await signIn.signIn(ADMIN.username, ADMIN.password);
  await patients.open();
  await expect(patients.search()).toBeFocused();
});

test('repeated wrong passwords are throttled and the sign-in screen says how long to wait', async ({ page, anteroom }) => {
  await anteroom.call('setup.complete', { clinic: CLINIC, admin: ADMIN });
  await anteroom.call('auth.signOut', {});
  await page.reload();
  const signIn = new SignInPage(page);
  for (let i = 0; i < 5; i++) {
    await signIn.signIn(ADMIN.username, `wrong guess ${i}`);
    await expect(signIn.error()).toContainText('do not match');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await signIn.signIn(ADMIN.username, ADMIN.password);
  await expect(signIn.error()).toContainText(/Too many wrong passwords\. Try again in \d+ seconds\./);
  await expect(page.getByLabel('Password')).toBeFocused();
});

test('the empty register explains itself and offers the first patient', async ({ page, anteroom }) => {
  await anteroom.setUpAndSignIn();
  await new PatientsPage(page).open();
  await expect(page.getByRole('heading', { name: 'Your patient register is empty' })).toBeVisible();
  await anteroom.screenshot('patients-empty');
  await page.getByRole('button', { name: 'Add the first patient' }).click();
  await expect(page.getByRole('heading', { name: 'New patient' })).toBeVisible();
  await expect(new PatientFormPage(page).field('firstName')).toBeFocused();
});

test('invalid input shows field messages and saves nothing; a valid patient is created', async ({ page, anteroom }) => {
  await anteroom.setUpAndSignIn();
  const patients = new PatientsPage(page);
  await patients.open();
  const form = new PatientFormPage(page);
  await patients.newPatient();

  // Client-side: the shared zod schema.
  await form.save();
  await expect(form.messageFor('firstName')).toHaveText('First name is required.');
  await expect(form.messageFor('lastName')).toHaveText('Last name is required.');
  await expect(form.messageFor('phone')).toHaveText('Mobile phone is required.');
  await expect(form.field('firstName')).toBeFocused();
  await form.fill({ ...ANNA, phone: '12345', email: 'anna@', allergies: 'Penicillin' });
  await form.save();
  await expect(form.messageFor('email')).toContainText('not a valid email address');
  expect((await anteroom.call('patients.list', {})).total).toBe(0);

  // Server-side: main normalises phones against the clinic's country and names the field.
  await form.fill({ email: 'anna@example.com', emergencyContactPhone: '999' });
  await form.save();
  await expect(form.messageFor('phone')).toContainText('not a valid phone number for GB');
  await expect(form.messageFor('emergencyContactPhone')).toContainText('not a valid phone number for GB');
  await anteroom.screenshot('patient-form');
  expect((await anteroom.call('patients.list', {})).total).toBe(0);

  await form.fill({ phone: ANNA.phone, emergencyContactPhone: '' });
  await page.keyboard.press('Control+s');
  const detail = new PatientDetailPage(page);
  await expect(detail.name()).toHaveText('Anna Lindqvist');
  const saved = await anteroom.call('patients.list', {});
  expect(saved.total).toBe(1);
  expect(saved.rows[0]?.phone).toBe('+447400123456');
});

test('search finds the patient, the detail shows every field, edit, archive and restore', async ({ page, anteroom }) => {
  await anteroom.setUpAndSignIn({ sampleData: true });
  await anteroom.call('patients.create', {
    ...ANNA,
    sex: 'female',
    email: 'anna@example.com',
    addressLine: '4 Mill Lane',
    city: 'Bristol',
    postalCode: 'BS1 4DJ',
    emergencyContactName: 'Erik Lindqvist',
    emergencyContactPhone: '020 7946 0018',
    allergies: 'Penicillin',
    medicalHistory: 'Asthma since childhood.',
  });
  await page.reload();
  const patients = new PatientsPage(page);
  await patients.open();
  await expect(patients.count()).toHaveText('13 patients');
  await anteroom.screenshot('patients');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(200); // let the 80 ms colour transitions finish before the picture
  await anteroom.screenshot('patients-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await patients.search().fill('lindq');
  await expect(patients.count()).toHaveText('1 match');
  await expect(patients.rows()).toHaveCount(1);
  await patients.row('Lindqvist, Anna').click();

  const detail = new PatientDetailPage(page);
  await expect(detail.name()).toHaveText('Anna Lindqvist');
  const identity = detail.identity();
  await expect(identity).toContainText('07400 123456');
  await expect(identity).toContainText('Female');
  await expect(identity).toContainText(/MRN|\d/);
  await expect(identity.getByRole('note')).toContainText('Allergies: Penicillin');
  await expect(detail.section('Address')).toContainText('4 Mill Lane');
  await expect(detail.section('Emergency contact')).toContainText('Erik Lindqvist');
  await expect(detail.section('Emergency contact')).toContainText('020 7946 0018');
  await expect(detail.section('Clinical')).toContainText('Asthma since childhood.');
  await expect(detail.section('Appointments')).toBeVisible();
  await anteroom.screenshot('patient-detail');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(200); // let the 80 ms colour transitions finish before the picture
  await anteroom.screenshot('patient-detail-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await detail.edit();
  const form = new PatientFormPage(page);
  await expect(form.field('phone')).toHaveValue('07400 123456');
  // Main's message for an update lands beside the field too (its path is "fields.phone" there).
  await form.fill({ city: 'Bath', phone: '0740' });
  await form.save();
  await expect(form.messageFor('phone')).toContainText('not a valid phone number for GB');
  expect((await anteroom.call('patients.list', { query: 'lindq' })).rows[0]?.phone).toBe('+447400123456');
  await form.fill({ phone: '07400 123456' });
  await form.save();
  await expect(detail.section('Address')).toContainText('Bath');

  await detail.archive();
  await expect(detail.archivedBanner()).toBeVisible();
  await page.getByRole('button', { name: '← Patients' }).click();
  // Archived patients leave the active list (and its search) until asked for.
  await expect(patients.count()).toHaveText('0 matches');
  await expect(page.getByText('Archived patients are not searched')).toBeVisible();
  await patients.search().fill('');
  await expect(patients.count()).toHaveText('12 patients');
  await patients.status('Archived').check();
  await expect(patients.row('Lindqvist, Anna')).toContainText('Archived');
  await patients.row('Lindqvist, Anna').click();
  await detail.restore();
  await expect(detail.archivedBanner()).toBeHidden();
  expect((await anteroom.call('patients.list', { status: 'active' })).total).toBe(13);
});

test('keyboard only: Ctrl+K, type, arrows and Enter open a patient; Esc leaves an untouched form', async ({ page, anteroom }) => {
  await anteroom.setUpAndSignIn({ sampleData: true });
  const patients = new PatientsPage(page);
  await patients.open();
  await expect(patients.count()).toHaveText('12 patients');
  // The search box has focus on arrival, where n is just a letter; outside a field it opens the form.
  await page.keyboard.press('Tab');
  await page.keyboard.press('n');
  const form = new PatientFormPage(page);
  await expect(form.field('firstName')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(patients.search()).toBeFocused();

  await patients.heading().click();
  await page.keyboard.press('Control+k');
  await expect(patients.search()).toBeFocused();
  await page.keyboard.type('a');
  await expect(patients.count()).not.toHaveText('12 patients');
  await page.keyboard.press('ArrowDown');
  await expect(patients.rows().nth(1)).toHaveAttribute('aria-selected', 'true');
  const second = (await patients.rows().nth(1).locator('.patient-name').textContent()) ?? '';
  await page.keyboard.press('Enter');
  const [last, first] = second.split(', ');
  await expect(new PatientDetailPage(page).name()).toHaveText(`${first} ${last}`);

  // ? lists the shortcuts.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Find a patient');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // From a patient's page, / goes back to the search with the text still there.
  await page.keyboard.press('/');
  await expect(patients.search()).toBeFocused();
  await expect(patients.search()).toHaveValue('a');

  // A fast typist's Enter lands before the 100 ms debounce: the top hit of what was typed opens.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('tanaka');
  await page.keyboard.press('Enter');
  await expect(new PatientDetailPage(page).name()).toHaveText('Aiko Tanaka');
});

test('the desk locks when idle and unlocking keeps an unsaved form exactly as it was', async ({ page, anteroom }) => {
  await page.clock.install();
  await anteroom.setUpAndSignIn();
  const patients = new PatientsPage(page);
  await patients.open();
  await patients.newPatient();
  const form = new PatientFormPage(page);
  await form.fill({ firstName: 'Half', lastName: 'Typed', allergies: 'Latex' });

  anteroom.clock.advance(6 * 60_000);
  await page.clock.fastForward('06:00');
  const lock = new LockScreenPage(page);
  await expect(lock.overlay()).toBeVisible();
  await expect(lock.overlay().getByLabel('Password')).toBeFocused();
  await anteroom.screenshot('lock');
  // Main locked the session too: nothing can be read behind the overlay.
  const behind = await page.evaluate(() => window.api.patients.list({}));
  expect(behind).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

  await lock.unlock('wrong password');
  await expect(lock.overlay().getByRole('alert')).toContainText('do not match');
  await lock.unlock(ADMIN.password);
  await expect(lock.overlay()).toBeHidden();
  // The cursor is back in the field it was in when the desk locked.
  await expect(form.field('allergies')).toBeFocused();
  await expect(form.field('firstName')).toHaveValue('Half');
  await expect(form.field('lastName')).toHaveValue('Typed');
  await expect(form.field('allergies')).toHaveValue('Latex');

  // Esc on a form with unsaved changes asks first; keeping them leaves every field as typed.
  await page.keyboard.press('Escape');
  const discard = page.getByRole('dialog', { name: 'Discard your changes?' });
  await discard.getByRole('button', { name: 'Keep editing' }).click();
  await expect(discard).toBeHidden();
  await expect(form.field('lastName')).toHaveValue('Typed');
  // Leaving by the nav asks too.
  await new DeskPage(page).open('Patients');
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await leave.getByRole('button', { name: 'Stay on the form' }).click();
  await expect(form.field('firstName')).toHaveValue('Half');
  await page.keyboard.press('Escape');
  await discard.getByRole('button', { name: 'Discard changes' }).click();
  await expect(patients.heading()).toBeVisible();
  expect((await anteroom.call('patients.list', {})).total).toBe(0);
});

test('the lock screen covers a dialog that was open when the desk locked', async ({ page, anteroom }) => {
  await page.clock.install();
  await anteroom.setUpAndSignIn({ sampleData: true });
  const patients = new PatientsPage(page);
  await patients.open();
  await patients.row('Tanaka, Aiko').click();
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: /^Archive/ });
  await expect(confirm).toBeVisible();

  anteroom.clock.advance(6 * 60_000);
  await page.clock.fastForward('06:00');
  const lock = new LockScreenPage(page);
  await expect(lock.overlay()).toBeVisible();
  // Nothing of the desk shows through: the lock is what sits under the middle of the screen.
  const topmost = await page.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest('.lock-screen') != null);
  expect(topmost).toBe(true);
  await page.keyboard.press('Escape');
  await expect(lock.overlay()).toBeVisible();

  await lock.unlock(ADMIN.password);
  await expect(lock.overlay()).toBeHidden();
  await expect(confirm).toBeVisible();
});

test('a call refused because main locked the session shows the lock screen', async ({ page, anteroom }) => {
  await anteroom.setUpAndSignIn({ sampleData: true });
  const patients = new PatientsPage(page);
  await patients.open();
  await expect(patients.count()).toHaveText('12 patients');
  await anteroom.call('auth.lock', {});
  await patients.search().fill('zz');
  await expect(new LockScreenPage(page).overlay()).toBeVisible();
});

test('admins manage staff and browse the audit log', async ({ page, anteroom }) => {
  await anteroom.setUpAndSignIn({ sampleData: true });
  const desk = new DeskPage(page);
  await desk.open('Staff');
  await page.getByRole('button', { name: 'New staff member' }).click();
  const dialog = page.getByRole('dialog', { name: 'New staff member' });
  await dialog.getByLabel('Full name').fill('Rita Reception');
  await dialog.getByLabel('Username').fill('rita');
  await dialog.getByLabel('First password').fill('short');
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(dialog).toContainText('at least 10 characters');
  await anteroom.screenshot('staff-new');
  await dialog.getByLabel('First password').fill('rita front desk 1');
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(dialog).toBeHidden();
  const rita = page.getByRole('row', { name: /Rita Reception/ });
  await expect(rita).toContainText('Receptionist');
  await expect(rita).toContainText('Never');

  await page.getByRole('button', { name: 'Edit Rita Reception' }).click();
  await page.getByRole('dialog').getByLabel('Role').selectOption({ label: 'Doctor' });
  await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
  await expect(rita).toContainText('Doctor');
  await page.getByRole('button', { name: 'Deactivate Rita Reception' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
  await expect(rita).toContainText('Deactivated');
  await anteroom.screenshot('staff');

  await desk.open('Audit log');
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await page.getByLabel('Record type').selectOption({ label: 'Staff account' });
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(4);
  await page.getByLabel('Record type').selectOption({ label: 'Any' });
  await page.getByLabel('User').selectOption({ label: 'Ada Admin' });
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('Ada Admin');
  await anteroom.screenshot('audit');

  // Paging: every patient view is audited, so 60 views make more than one page.
  const { rows } = await anteroom.call('patients.list', { limit: 1 });
  for (let i = 0; i < 60; i++) await anteroom.call('patients.get', { id: rows[0]!.id });
  await page.getByLabel('Action').selectOption({ label: 'Viewed' });
  await expect(page.getByRole('navigation', { name: 'Audit log pages' })).toContainText('1–50 of 60');
  await page.getByRole('button', { name: 'Older' }).click();
  await expect(page.getByRole('navigation', { name: 'Audit log pages' })).toContainText('51–60 of 60');
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(11);

  await desk.open('Clinic settings');
  await page.getByLabel('Lock after (minutes idle)').fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Lock after must be at least 1 minute.')).toBeVisible();
  await anteroom.screenshot('clinic-settings');
  await page.getByLabel('Lock after (minutes idle)').fill('10');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Clinic settings saved.');
  expect((await anteroom.call('clinic.get', {})).lockAfterMinutes).toBe(10);
});

test('the desk mirrors the role: a doctor reads patients but sees no admin screens or New patient', async ({ page, anteroom }) => {
  await anteroom.setUpAndSignIn({ sampleData: true });
  await anteroom.call('staff.create', { username: 'drwho', displayName: 'Dana Doctor', role: 'doctor', password: 'doctor password 1' });
  await new DeskPage(page).signOut();
  await new SignInPage(page).signIn('drwho', 'doctor password 1');
  const patients = new PatientsPage(page);
  await patients.open();
  await expect(patients.count()).toHaveText('12 patients');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const admin of ['Staff', 'Audit log', 'Clinic settings']) await expect(nav.getByRole('button', { name: admin })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /New patient/ })).toHaveCount(0);
  await patients.row('Wei, Chen').click();
  await expect(page.locator('.identity-name')).toHaveText('Chen Wei');
  await expect(page.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Archive', exact: true })).toHaveCount(0);
});
