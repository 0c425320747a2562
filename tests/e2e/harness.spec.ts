// The harness itself: the built renderer runs under the app's CSP with window.api bound to real handlers.
import { CHANNEL_NAMES } from '../../src/shared/contract';
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
  // window.api exposes exactly one function per contract channel: no generic invoke, nothing extra.
  const names = await page.evaluate(() =>
    Object.entries(window.api).flatMap(([domain, fns]) => Object.keys(fns).map((method) => `${domain}.${method}`)),
  );
  expect(names.sort()).toEqual([...CHANNEL_NAMES].sort());
  const kinds = await page.evaluate(() => Object.values(window.api).flatMap((fns) => Object.values(fns).map((f) => typeof f)));
  expect(new Set(kinds)).toEqual(new Set(['function']));
});
