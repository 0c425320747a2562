// Archive, restore and merge move a patient's version on as edits do: an edit form opened before any of them
// cannot save over it — even when both happen in the same millisecond (the test clock stands still throughout)
// or after the clock was set back. A merged-away record takes no edits at all; the form is pointed at the kept one.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MERGED_AWAY_FIELD, STALE_EDIT_FIELD } from '../../shared/patients';
import { snapshotDatabase } from '../testing/db-snapshot';
import { createTestClinic, SAMPLE_PATIENT, type TestClinic } from '../testing/test-core';

let clinic: TestClinic;
beforeEach(async () => {
  clinic = await createTestClinic();
});
afterEach(() => clinic.close());

const db = () => clinic.core.db.$client;
const edited = { ...SAMPLE_PATIENT, allergies: 'Latex' };

/** Opens the record's edit form (reads the version it is filled from), as the desk's Edit does. */
async function openForm(id: number): Promise<string> {
  return (await clinic.admin.must('patients.get', { id })).updatedAt;
}

async function expectSaveRefusedAsStale(id: number, loaded: string): Promise<void> {
  const before = snapshotDatabase(db());
  const r = await clinic.admin.call('patients.update', { id, fields: edited, loadedUpdatedAt: loaded });
  expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { [STALE_EDIT_FIELD]: expect.stringContaining('Ada Admin changed this record') } } });
  expect(snapshotDatabase(db())).toEqual(before);
}

it('an archive in the same millisecond as the form was opened still refuses its save', async () => {
  const created = await clinic.admin.must('patients.create', SAMPLE_PATIENT);
  const loaded = await openForm(created.id);
  const archived = await clinic.admin.must('patients.archive', { id: created.id });
  expect(archived.archivedAt).toBe(clinic.clock.now.toISOString());
  expect(archived.updatedAt > loaded).toBe(true);
  await expectSaveRefusedAsStale(created.id, loaded);
});

it('a restore in the same millisecond refuses a form opened on the archived record', async () => {
  const created = await clinic.admin.must('patients.create', SAMPLE_PATIENT);
  await clinic.admin.must('patients.archive', { id: created.id });
  const loaded = await openForm(created.id);
  const restored = await clinic.admin.must('patients.restore', { id: created.id });
  expect(restored.archivedAt).toBeNull();
  expect(restored.updatedAt > loaded).toBe(true);
  await expectSaveRefusedAsStale(created.id, loaded);
  // Once the form holds the restored version, the save goes through.
  expect(await clinic.admin.must('patients.update', { id: created.id, fields: edited, loadedUpdatedAt: restored.updatedAt })).toMatchObject({ allergies: 'Latex' });
});

it('an archive after the clock was set back still moves the version on', async () => {
  const created = await clinic.admin.must('patients.create', SAMPLE_PATIENT);
  const loaded = await openForm(created.id);
  clinic.clock.now = new Date('2026-11-20T08:00:00Z');
  const archived = await clinic.admin.must('patients.archive', { id: created.id });
  expect(archived.archivedAt).toBe('2026-11-20T08:00:00.000Z'); // when it happened, as the clock says
  expect(archived.updatedAt).toBe('2026-11-20T09:00:00.001Z'); // the version: later than the one replaced
  await expectSaveRefusedAsStale(created.id, loaded);
});

it('a merge moves the merged record on, refuses any save to it naming the kept record, and leaves the kept one savable', async () => {
  const kept = await clinic.admin.must('patients.create', SAMPLE_PATIENT);
  const dup = await clinic.admin.must('patients.create', { ...SAMPLE_PATIENT, firstName: 'Maria', phone: '07911 200001' });
  const loadedDup = await openForm(dup.id);
  const loadedKept = await openForm(kept.id);
  await clinic.admin.must('patients.merge', { keepId: kept.id, mergeId: dup.id });

  const mergedAway = await clinic.admin.must('patients.get', { id: dup.id });
  expect(mergedAway.updatedAt > loadedDup).toBe(true);
  // Neither the form opened before the merge nor one holding the merged version saves to the dead record.
  const message = `This record was merged into ${kept.mrn}, so nothing was saved to it. What you typed is still in the form: carry it over to ${kept.mrn}, check it, then save.`;
  for (const loaded of [loadedDup, mergedAway.updatedAt]) {
    const before = snapshotDatabase(db());
    const r = await clinic.admin.call('patients.update', { id: dup.id, fields: edited, loadedUpdatedAt: loaded });
    expect(r).toEqual({ ok: false, error: { code: 'CONFLICT', message, fields: { [MERGED_AWAY_FIELD]: message } } });
    expect(snapshotDatabase(db())).toEqual(before);
  }
  // The form can find where to carry the typing.
  expect(await clinic.admin.must('patients.mergedInto', { id: dup.id })).toEqual({ keptId: kept.id, keptMrn: kept.mrn });

  // The merge changed none of the kept record's fields, so a form open on it still saves.
  expect(await clinic.admin.must('patients.get', { id: kept.id })).toMatchObject({ updatedAt: loadedKept });
  expect(await clinic.admin.must('patients.update', { id: kept.id, fields: edited, loadedUpdatedAt: loadedKept })).toMatchObject({ allergies: 'Latex' });
});
