// The patient register through the real dispatcher: record numbers, normalised phones, archive/restore, audit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotDatabase } from '../testing/db-snapshot';
import { createTestClinic, SAMPLE_PATIENT, type TestClinic } from '../testing/test-core';

let clinic: TestClinic;
beforeEach(async () => {
  clinic = await createTestClinic();
});
afterEach(() => clinic.close());

const auditOf = (c: TestClinic) =>
  c.core.db.$client.prepare("SELECT action, entity, entity_id AS entityId FROM audit_log WHERE entity = 'patient' ORDER BY id").all();

describe('creating a patient', () => {
  it('gives each patient the next record number and stores the phone in E.164', async () => {
    const a = await clinic.admin.must('patients.create', SAMPLE_PATIENT);
    const b = await clinic.admin.must('patients.create', { ...SAMPLE_PATIENT, firstName: 'Lucía', phone: '+34 612 345 678' });
    expect(a.mrn).toBe('P-000001');
    expect(b.mrn).toBe('P-000002');
    expect(a.phone).toBe('+447911123456');
    expect(a.emergencyContactPhone).toBe('+447911123457');
    expect(b.phone).toBe('+34612345678');
    expect(a.email).toBe('maria@example.com');
  });

  it('turns blank optional fields into empty values, not empty strings', async () => {
    const p = await clinic.admin.must('patients.create', { ...SAMPLE_PATIENT, email: '  ', allergies: '', city: undefined });
    expect(p.email).toBeNull();
    expect(p.allergies).toBeNull();
    expect(p.city).toBeNull();
  });

  it('reports every bad field by name and saves nothing', async () => {
    const before = snapshotDatabase(clinic.core.db.$client);
    const r = await clinic.admin.call('patients.create', { ...SAMPLE_PATIENT, firstName: ' ', dateOfBirth: '2031-02-30', email: 'not-an-email' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.fields).toMatchObject({
      firstName: 'First name is required.',
      dateOfBirth: expect.stringContaining('Date of birth'),
      email: expect.stringContaining('Email'),
    });
    expect(snapshotDatabase(clinic.core.db.$client)).toEqual(before);
  });

  it('refuses a phone that is not valid for the clinic country, naming the field, and saves nothing', async () => {
    const before = snapshotDatabase(clinic.core.db.$client);
    const r = await clinic.admin.call('patients.create', { ...SAMPLE_PATIENT, phone: '12345' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { phone: expect.stringContaining('Mobile phone') } } });
    expect(snapshotDatabase(clinic.core.db.$client)).toEqual(before);
  });

  it('does not use up a record number on a failed save', async () => {
    await clinic.admin.must('patients.create', SAMPLE_PATIENT);
    await clinic.admin.call('patients.create', { ...SAMPLE_PATIENT, phone: 'bad' });
    const next = await clinic.admin.must('patients.create', SAMPLE_PATIENT);
    expect(next.mrn).toBe('P-000002');
  });
});

describe('editing, archiving and restoring', () => {
  it('updates every field and audits create, view, update, archive and restore by id only', async () => {
    const p = await clinic.admin.must('patients.create', SAMPLE_PATIENT);
    await clinic.admin.must('patients.get', { id: p.id });
    const edited = await clinic.admin.must('patients.update', { id: p.id, fields: { ...SAMPLE_PATIENT, lastName: 'García Ruiz', allergies: null }, loadedUpdatedAt: p.updatedAt });
    expect(edited.lastName).toBe('García Ruiz');
    expect(edited.allergies).toBeNull();
    expect(edited.mrn).toBe(p.mrn);

    const archived = await clinic.admin.must('patients.archive', { id: p.id });
    expect(archived.archivedAt).not.toBeNull();
    const restored = await clinic.admin.must('patients.restore', { id: p.id });
    expect(restored.archivedAt).toBeNull();

    expect(auditOf(clinic)).toEqual(
      ['create', 'view', 'update', 'archive', 'restore'].map((action) => ({ action, entity: 'patient', entityId: p.id })),
    );
    // The audit log holds ids and action names only: no column could hold a copy of the name.
    const cols = clinic.core.db.$client.prepare('PRAGMA table_info(audit_log)').all() as { name: string }[];
    expect(cols.map((c) => c.name).sort()).toEqual(['action', 'at', 'entity', 'entity_id', 'id', 'user_id']);
  });

  it('hides archived patients by default and shows them on request', async () => {
    const keep = await clinic.admin.must('patients.create', SAMPLE_PATIENT);
    const gone = await clinic.admin.must('patients.create', { ...SAMPLE_PATIENT, firstName: 'Pablo' });
    await clinic.admin.must('patients.archive', { id: gone.id });
    const active = await clinic.admin.must('patients.list', {});
    expect(active.rows.map((r) => r.id)).toEqual([keep.id]);
    const archived = await clinic.admin.must('patients.list', { status: 'archived' });
    expect(archived.rows.map((r) => r.id)).toEqual([gone.id]);
    expect((await clinic.admin.must('patients.list', { status: 'all' })).total).toBe(2);
  });

  it('answers NOT_FOUND for a patient that does not exist, and changes nothing', async () => {
    const before = snapshotDatabase(clinic.core.db.$client);
    const r = await clinic.admin.call('patients.archive', { id: 999 });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(snapshotDatabase(clinic.core.db.$client)).toEqual(before);
  });

  it('rolls back the change when its audit entry cannot be written', async () => {
    const p = await clinic.admin.must('patients.create', SAMPLE_PATIENT);
    // Make audit inserts fail: the update must not survive without its audit entry.
    clinic.core.db.$client.exec("CREATE TRIGGER audit_block BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'blocked'); END");
    const r = await clinic.admin.call('patients.update', { id: p.id, fields: { ...SAMPLE_PATIENT, lastName: 'Changed' }, loadedUpdatedAt: p.updatedAt });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    clinic.core.db.$client.exec('DROP TRIGGER audit_block');
    expect((await clinic.admin.must('patients.get', { id: p.id })).lastName).toBe('García');
  });
});

describe('listing', () => {
  it('sorts by name both ways and pages with a stable total', async () => {
    for (const [firstName, lastName] of [['Ana', 'Zapata'], ['Bo', 'Andersson'], ['Cy', 'Müller']] as const) {
      await clinic.admin.must('patients.create', { ...SAMPLE_PATIENT, firstName, lastName });
    }
    const asc = await clinic.admin.must('patients.list', { sort: 'name', direction: 'asc', limit: 2 });
    expect(asc.rows.map((r) => r.lastName)).toEqual(['Andersson', 'Müller']);
    expect(asc.total).toBe(3);
    const page2 = await clinic.admin.must('patients.list', { sort: 'name', direction: 'asc', limit: 2, offset: 2 });
    expect(page2.rows.map((r) => r.lastName)).toEqual(['Zapata']);
    const desc = await clinic.admin.must('patients.list', { sort: 'name', direction: 'desc' });
    expect(desc.rows.map((r) => r.lastName)).toEqual(['Zapata', 'Müller', 'Andersson']);
  });

  it('filters by what is typed, treating % and _ literally', async () => {
    await clinic.admin.must('patients.create', SAMPLE_PATIENT);
    await clinic.admin.must('patients.create', { ...SAMPLE_PATIENT, firstName: 'Tom', lastName: 'Jones' });
    expect((await clinic.admin.must('patients.list', { query: 'jon' })).rows.map((r) => r.firstName)).toEqual(['Tom']);
    expect((await clinic.admin.must('patients.list', { query: '%' })).total).toBe(0);
    expect((await clinic.admin.must('patients.list', { query: '_' })).total).toBe(0);
  });

  it('keeps the register size right through create, archive, restore, merge and delete', async () => {
    const real = (where: string) => (clinic.core.db.$client.prepare(`SELECT count(*) AS n FROM patients WHERE ${where}`).get() as { n: number }).n;
    const check = async () => {
      expect((await clinic.admin.must('patients.list', { status: 'active' })).total).toBe(real('archived_at IS NULL'));
      expect((await clinic.admin.must('patients.list', { status: 'archived' })).total).toBe(real('archived_at IS NOT NULL'));
      expect((await clinic.admin.must('patients.list', { status: 'all' })).total).toBe(real('1'));
    };
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push((await clinic.admin.must('patients.create', { ...SAMPLE_PATIENT, firstName: `P${i}` })).id);
    await check();
    await clinic.admin.must('patients.archive', { id: ids[0]! });
    await clinic.admin.must('patients.archive', { id: ids[0]! }); // archiving twice counts once
    await check();
    await clinic.admin.must('patients.restore', { id: ids[0]! });
    await clinic.admin.must('patients.merge', { keepId: ids[1]!, mergeId: ids[2]! });
    await check();
    clinic.core.db.$client.prepare('DELETE FROM patients WHERE id = ?').run(ids[3]!);
    await check();
    expect((await clinic.admin.must('patients.list', { status: 'active' })).total).toBe(2);
    // A migration that rebuilds patients must recreate these, like the search triggers.
    const triggers = clinic.core.db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'patient_counts_%' ORDER BY name").pluck().all();
    expect(triggers).toEqual(['patient_counts_archive', 'patient_counts_delete', 'patient_counts_insert']);
  });
});
