// The harness itself: the built renderer runs under the app's CSP with window.api bound to real handlers.
import { expect, test } from './fixtures';

test('window.api reaches the real main-process handlers over a real database', async ({ page, anteroom }) => {
  const status = await page.evaluate(() => window.api.setup.status());
  expect(status).toEqual({ ok: true, data: { needsSetup: true, clinicName: null } });
  await anteroom.call('setup.complete', {
    clinic: { name: 'Harness Clinic', country: 'GB', timeZone: 'Europe/London', currency: 'GBP' },
    admin: { username: 'admin', displayName: 'Ada', password: 'correct horse battery' },
  });
  const list = await page.evaluate(() => window.api.patients.list({}));
  expect(list).toEqual({ ok: true, data: { rows: [], total: 0 } });
  const bad = await page.evaluate(() => window.api.patients.create({ firstName: '' } as never));
  expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { firstName: 'First name is required.' } } });
  // window.api exposes named functions only: no generic invoke.
  const keys = await page.evaluate(() => Object.keys(window.api).sort());
  expect(keys).toEqual(['appointmentTypes', 'appointments', 'audit', 'auth', 'clinic', 'patients', 'payments', 'providers', 'setup', 'slots', 'staff', 'timeOff']);
});
