// Clinic settings once appointments exist: the currency is refused beside its field, and a new time zone is
// saved only after the administrator answers "Change the time zone?".
import { expect, test } from './fixtures';
import { DeskPage } from './pages/DeskPage';

test('currency stays once fees exist; a time zone change is asked about, then saved and audited', async ({ page, anteroom }) => {
  await anteroom.setUpAndSignIn();
  const provider = await anteroom.call('providers.create', { name: 'Dr Amara Okafor', consultationFee: 5000, color: '#2a7ab0' });
  const patient = await anteroom.call('patients.create', { firstName: 'María', lastName: 'García', dateOfBirth: '1984-03-12', sex: 'female', phone: '07911 123456' });
  const booked = await anteroom.call('appointments.book', {
    patientId: patient.id,
    providerId: provider.id,
    startsAt: '2030-01-07T10:00:00Z',
    endsAt: '2030-01-07T10:20:00Z',
    fee: 5000,
    overrideDoubleBooking: true,
  });

  const desk = new DeskPage(page);
  await desk.open('Clinic settings');
  const currency = page.getByLabel('Currency', { exact: true });
  await currency.fill('EUR');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('.field').filter({ has: currency }).locator('.field-error')).toContainText(
    'Currency cannot change from GBP to EUR once fees or payments are recorded',
  );
  expect((await anteroom.call('clinic.get', {})).currency).toBe('GBP');
  await currency.fill('GBP');

  await page.getByLabel('Time zone', { exact: true }).fill('America/New_York');
  await page.getByRole('button', { name: 'Save settings' }).click();
  const question = page.getByRole('dialog', { name: 'Change the time zone?' });
  await expect(question).toContainText('Appointments keep their moment in time; their clock times will show in America/New_York. Change the time zone?');
  await anteroom.screenshot('clinic-time-zone-question');
  // Keeping the old zone saves nothing.
  await question.getByRole('button', { name: 'Keep Europe/London' }).click();
  await expect(question).toHaveCount(0);
  expect((await anteroom.call('clinic.get', {})).timeZone).toBe('Europe/London');

  await page.getByRole('button', { name: 'Save settings' }).click();
  await question.getByRole('button', { name: 'Change time zone' }).click();
  await expect(desk.toast()).toContainText('Clinic settings saved.');
  expect((await anteroom.call('clinic.get', {})).timeZone).toBe('America/New_York');
  expect((await anteroom.call('appointments.get', { id: booked.appointment.id })).startsAt).toBe('2030-01-07T10:00:00.000Z');
  expect((await anteroom.call('audit.list', { action: 'time-zone-change' })).rows).toHaveLength(1);
});
