// Merging two records: every linked row moves (found through foreign keys), nothing is lost, it is audited,
// and the merged record stays, archived, pointing at the kept one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotDatabase } from '../testing/db-snapshot';
import { createTestClinic, SAMPLE_PATIENT, type TestClinic } from '../testing/test-core';

let clinic: TestClinic;
let keep: number;
let dup: number;
const db = () => clinic.core.db.$client;
const count = (sql: string, ...args: unknown[]) => (db().prepare(sql).get(...args) as { n: number }).n;

beforeEach(async () => {
  clinic = await createTestClinic();
  keep = (await clinic.admin.must('patients.create', SAMPLE_PATIENT)).id;
  dup = (await clinic.admin.must('patients.create', { ...SAMPLE_PATIENT, firstName: 'Maria', lastName: 'Garcia', phone: '07911 200001' })).id;
  // A table another domain might add later: two columns pointing at patients.
  db().exec(`CREATE TABLE test_notes (
    id INTEGER PRIMARY KEY, patient_id INTEGER NOT NULL REFERENCES patients(id), referred_by INTEGER REFERENCES patients(id), body TEXT NOT NULL)`);
  const note = db().prepare('INSERT INTO test_notes (patient_id, referred_by, body) VALUES (?, ?, ?)');
  note.run(keep, null, 'kept 1');
  note.run(dup, null, 'dup 1');
  note.run(dup, dup, 'dup 2');
  note.run(keep, dup, 'kept 2');
  const now = clinic.clock.now.getTime();
  db().prepare(`INSERT INTO providers (name, color, created_at, updated_at) VALUES ('Dr Test', '#123456', ?, ?)`).run(now, now);
  db()
    .prepare(`INSERT INTO appointments (patient_id, provider_id, mode, starts_at, ends_at, currency, created_at, updated_at) VALUES (?, 1, 'in_person', ?, ?, 'GBP', ?, ?)`)
    .run(dup, now + 3_600_000, now + 5_400_000, now, now);
});
afterEach(() => clinic.close());

describe('patients.merge', () => {
  it('moves every linked row to the kept record and archives the other with a pointer', async () => {
    const result = await clinic.admin.must('patients.merge', { keepId: keep, mergeId: dup });
    expect(result.moved).toEqual(
      expect.arrayContaining([
        { table: 'appointments', rows: 1 },
        { table: 'test_notes', rows: 2 },
      ]),
    );
    expect(count('SELECT count(*) AS n FROM test_notes WHERE patient_id = ? OR referred_by = ?', dup, dup)).toBe(0);
    expect(count('SELECT count(*) AS n FROM test_notes')).toBe(4);
    expect(count('SELECT count(*) AS n FROM test_notes WHERE patient_id = ?', keep)).toBe(4);
    expect(count('SELECT count(*) AS n FROM test_notes WHERE referred_by = ?', keep)).toBe(2);
    expect(count('SELECT count(*) AS n FROM appointments WHERE patient_id = ?', keep)).toBe(1);

    const merged = await clinic.admin.must('patients.get', { id: dup });
    expect(merged.archivedAt).not.toBeNull();
    expect(db().prepare('SELECT kept_id AS keptId, merged_by AS mergedBy FROM patient_merges WHERE merged_id = ?').get(dup)).toEqual({ keptId: keep, mergedBy: 1 });
    const audit = db().prepare("SELECT entity_id AS id FROM audit_log WHERE action = 'merge' ORDER BY id").all();
    expect(audit).toEqual([{ id: keep }, { id: dup }]);
    // The merged record no longer turns up in the desk's search; the kept one does.
    const hits = (await clinic.admin.must('patients.search', { query: 'maria garcia' })).hits.map((h) => h.id);
    expect(hits).toEqual([keep]);
    // Its page can say where it went; the kept record was merged nowhere.
    const keptMrn = (await clinic.admin.must('patients.get', { id: keep })).mrn;
    expect(await clinic.admin.must('patients.mergedInto', { id: dup })).toEqual({ keptId: keep, keptMrn });
    expect(await clinic.admin.must('patients.mergedInto', { id: keep })).toBeNull();
  });

  it('re-points earlier merges at the newly kept record', async () => {
    const third = (await clinic.admin.must('patients.create', { ...SAMPLE_PATIENT, phone: '07911 200002' })).id;
    await clinic.admin.must('patients.merge', { keepId: dup, mergeId: third });
    await clinic.admin.must('patients.merge', { keepId: keep, mergeId: dup });
    expect(db().prepare('SELECT merged_id AS m, kept_id AS k FROM patient_merges ORDER BY merged_id').all()).toEqual([
      { m: dup, k: keep },
      { m: third, k: keep },
    ]);
  });

  it.each([
    ['the same record twice', () => ({ keepId: keep, mergeId: keep }), 'VALIDATION'],
    ['a record that does not exist', () => ({ keepId: keep, mergeId: 999 }), 'NOT_FOUND'],
  ])('refuses %s and changes nothing', async (_what, input, code) => {
    const before = count('SELECT count(*) AS n FROM test_notes WHERE patient_id = ?', dup);
    const r = await clinic.admin.call('patients.merge', input());
    expect(r).toMatchObject({ ok: false, error: { code } });
    expect(count('SELECT count(*) AS n FROM test_notes WHERE patient_id = ?', dup)).toBe(before);
  });

  it('refuses merging an already merged record, and keeping one that was merged away', async () => {
    await clinic.admin.must('patients.merge', { keepId: keep, mergeId: dup });
    expect(await clinic.admin.call('patients.merge', { keepId: keep, mergeId: dup })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await clinic.admin.call('patients.merge', { keepId: dup, mergeId: keep })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('rolls everything back when one linked table cannot take the move', async () => {
    db().exec('CREATE TABLE test_one_card (patient_id INTEGER NOT NULL UNIQUE REFERENCES patients(id))');
    db().prepare('INSERT INTO test_one_card VALUES (?), (?)').run(keep, dup);
    const r = await clinic.admin.call('patients.merge', { keepId: keep, mergeId: dup });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(count('SELECT count(*) AS n FROM test_notes WHERE patient_id = ?', dup)).toBe(2);
    expect(count('SELECT count(*) AS n FROM patient_merges')).toBe(0);
    expect((await clinic.admin.must('patients.get', { id: dup })).archivedAt).toBeNull();
  });

  it('refuses restoring a merged-away record, naming the record kept; other archived records still restore', async () => {
    await clinic.admin.must('patients.merge', { keepId: keep, mergeId: dup });
    const before = snapshotDatabase(db());
    expect(await clinic.admin.call('patients.restore', { id: dup })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'This record was merged into P-000001, so it cannot be restored. Open P-000001 to book or edit this patient.' },
    });
    expect(snapshotDatabase(db())).toEqual(before);
    await clinic.admin.must('patients.archive', { id: keep });
    expect((await clinic.admin.must('patients.restore', { id: keep })).archivedAt).toBeNull();
  });
});
