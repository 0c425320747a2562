// Two desks edit the same patient from the same loaded version: the first save lands, the second is refused with
// who changed the record and when (clinic time), and nothing of it is saved.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { snapshotDatabase } from '../testing/db-snapshot';
import { createTestClinic, SAMPLE_PATIENT, type TestClinic } from '../testing/test-core';

let clinic: TestClinic;
beforeEach(async () => {
  clinic = await createTestClinic();
});
afterEach(() => clinic.close());

it('refuses a save made from a version another desk has replaced, and saves nothing of it', async () => {
  await clinic.admin.must('clinic.update', {
    name: 'Riverside Family Practice',
    country: 'GB',
    timeZone: 'America/New_York',
    currency: 'GBP',
  });
  const created = await clinic.admin.must('patients.create', SAMPLE_PATIENT);
  const reception = await clinic.signedIn('receptionist', 'rita');
  const loaded = await clinic.admin.must('patients.get', { id: created.id });
  const sameLoad = await reception.must('patients.get', { id: created.id });
  expect(sameLoad.updatedAt).toBe(loaded.updatedAt);

  // The clock does not move between the saves (it is frozen here): the version must change all the same.
  const first = await reception.must('patients.update', { id: created.id, fields: { ...SAMPLE_PATIENT, allergies: 'Latex' }, loadedUpdatedAt: sameLoad.updatedAt });
  expect(first.updatedAt > loaded.updatedAt).toBe(true);

  const before = snapshotDatabase(clinic.core.db.$client);
  const second = await clinic.admin.call('patients.update', { id: created.id, fields: { ...SAMPLE_PATIENT, phone: '07911 123458' }, loadedUpdatedAt: loaded.updatedAt });
  // 09:00 UTC on 20 November is 04:00 in New York: the clinic's own clock.
  const message =
    'Test receptionist changed this record on Fri 20 Nov 2026 at 04:00, after you opened it. ' +
    'Nothing was saved. What you typed is still in the form: load their changes, check them, then save again.';
  expect(second).toEqual({ ok: false, error: { code: 'CONFLICT', message, fields: { loadedUpdatedAt: message } } });
  expect(snapshotDatabase(clinic.core.db.$client)).toEqual(before); // no field, no audit entry

  const stored = await clinic.admin.must('patients.get', { id: created.id });
  expect(stored).toMatchObject({ allergies: 'Latex', phone: '+447911123456' });

  // From the version now stored, the same edit goes through.
  const retried = await clinic.admin.must('patients.update', { id: created.id, fields: { ...SAMPLE_PATIENT, allergies: 'Latex', phone: '07911 123458' }, loadedUpdatedAt: stored.updatedAt });
  expect(retried).toMatchObject({ allergies: 'Latex', phone: '+447911123458' });
});

it('refuses a save when the record was archived after the form was opened', async () => {
  const created = await clinic.admin.must('patients.create', SAMPLE_PATIENT);
  clinic.clock.now = new Date('2026-11-20T09:01:00Z');
  await clinic.admin.must('patients.archive', { id: created.id });
  const r = await clinic.admin.call('patients.update', { id: created.id, fields: SAMPLE_PATIENT, loadedUpdatedAt: created.updatedAt });
  expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { loadedUpdatedAt: expect.stringContaining('Ada Admin changed this record on Fri 20 Nov 2026 at 09:01') } } });
});
