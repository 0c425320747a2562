// Patient CSV import and export through the real dispatcher: per-row report, duplicate flags, all-or-nothing,
// valid-only, cancel leaving the database unchanged; export audited and readable by the import.
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportJobStatus } from '../../shared/patient-csv';
import { snapshotDatabase } from '../testing/db-snapshot';
import { createTestClinic, SAMPLE_PATIENT, type TestClinic } from '../testing/test-core';
import { waitingFileOf } from './csv-import-audit-file';

let clinic: TestClinic;
beforeEach(async () => {
  clinic = await createTestClinic();
  await clinic.admin.must('patients.create', SAMPLE_PATIENT); // María García, 07911 123456
});
afterEach(() => clinic.close());

const MAPPING = { firstName: 'First', lastName: 'Last', dateOfBirth: 'Born', sex: 'Sex', phone: 'Mobile', email: 'Email', allergies: 'Allergies' };
const HEADER = 'First,Last,Born,Sex,Mobile,Email,Allergies';
const GOOD = [
  'Amara,Okafor,02/05/1990,F,07911 200101,amara@example.com,',
  '"Nguyễn","Văn An",1985-11-30,male,+44 7911 200102,,"Peanuts, shellfish"',
  '"O\'Neil","Seán ""Jack""",31/12/1970,,07911200103,sean@example.ie,',
];
const BAD = [
  ',Nobody,01/01/1990,F,07911 200201,,', // row 5: first name missing
  'Bad,Date,31/02/1990,M,07911 200202,,', // row 6: no 31 February
  'Bad,Phone,01/01/1990,M,12,,', // row 7
  'Bad,Email,01/01/1990,X,07911 200203,not-an-email,', // row 8: sex and email
];
const DUPES = [
  'Maria,Garcia,12/03/1984,F,07911 123456,,', // same phone as María García
  'Amara,Okafor,02/05/1990,F,07911 200101,,', // repeats row 2
];
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';

const patientCount = () => (clinic.core.db.$client.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n;

async function waitFor(jobId: string): Promise<ImportJobStatus> {
  for (;;) {
    const s = await clinic.admin.must('patients.importStatus', { jobId });
    if (s.state !== 'validating' && s.state !== 'importing') return s;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('patients.importPreview', () => {
  it('reports every bad row with its spreadsheet row number, field and reason, and flags duplicates', async () => {
    const report = await clinic.admin.must('patients.importPreview', { text: csv(...GOOD, ...BAD, ...DUPES), mapping: MAPPING });
    expect(report).toMatchObject({ totalRows: 9, validRows: 5, invalidRows: 4, duplicateCount: 2 });
    expect(report.columns).toEqual(HEADER.split(','));
    const problems = report.problems.map((p) => [p.row, p.field]);
    expect(problems).toEqual([
      [5, 'firstName'],
      [6, 'dateOfBirth'],
      [7, 'phone'],
      [8, 'sex'],
      [8, 'email'],
    ]);
    expect(report.problems[1]!.reason).toMatch(/31\/12\/1984/); // tells the desk the format to use
    expect(report.duplicates).toEqual([
      { row: 9, reason: 'same-phone', existingMrn: 'P-000001', earlierRow: null },
      { row: 10, reason: 'repeated-in-file', existingMrn: null, earlierRow: 2 },
    ]);
    expect(patientCount()).toBe(1);
  });

  it('refuses a mapping that misses a required field or names a column the file lacks', async () => {
    const r = await clinic.admin.call('patients.importPreview', { text: csv(...GOOD), mapping: { ...MAPPING, phone: undefined, email: 'E-mail' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'mapping.phone': expect.any(String), 'mapping.email': expect.any(String) } } });
  });

  it('reports a row with the wrong number of columns', async () => {
    const report = await clinic.admin.must('patients.importPreview', { text: csv(GOOD[0]!, 'Only,Three,Cells'), mapping: MAPPING });
    expect(report.problems).toEqual([{ row: 3, field: 'row', reason: expect.stringMatching(/number of columns/) }]);
  });
});

describe('patients.importStart', () => {
  it('all-or-nothing: one bad row means nothing is imported', async () => {
    const before = snapshotDatabase(clinic.core.db.$client);
    const job = await clinic.admin.must('patients.importStart', { text: csv(...GOOD, BAD[0]!), mapping: MAPPING, mode: 'all-or-nothing' });
    const done = await waitFor(job.jobId);
    expect(done).toMatchObject({ state: 'failed', imported: 0, report: { invalidRows: 1 } });
    expect(done.message).toMatch(/nothing was imported/);
    expect(snapshotDatabase(clinic.core.db.$client)).toEqual(before);
  });

  it('all-or-nothing: a bad row after thousands of good ones rolls back what was already inserted; nothing ever shows', async () => {
    const good = Array.from({ length: 5_000 }, (_, i) => `Test${i},Person,01/01/1990,F,07911 ${String(210000 + i)},,`);
    const before = snapshotDatabase(clinic.core.db.$client);
    const job = await clinic.admin.must('patients.importStart', { text: csv(...good, BAD[1]!), mapping: MAPPING, mode: 'all-or-nothing' });
    for (let s = await clinic.admin.must('patients.importStatus', { jobId: job.jobId }); s.state === 'validating' || s.state === 'importing'; ) {
      // Inserting runs beside checking, inside a transaction nobody else sees: the register shows one patient.
      expect(patientCount()).toBe(1);
      await new Promise((r) => setTimeout(r, 5));
      s = await clinic.admin.must('patients.importStatus', { jobId: job.jobId });
    }
    const done = await waitFor(job.jobId);
    expect(done).toMatchObject({ state: 'failed', imported: 0, report: { validRows: 5_000, invalidRows: 1, problems: [{ row: 5_002, field: 'dateOfBirth' }] } });
    expect(snapshotDatabase(clinic.core.db.$client)).toEqual(before);
  });

  it('all-or-nothing with a clean file imports every row, searchable, with record numbers, audited once', async () => {
    const job = await clinic.admin.must('patients.importStart', { text: csv(...GOOD), mapping: MAPPING, mode: 'all-or-nothing' });
    expect(await waitFor(job.jobId)).toMatchObject({ state: 'done', imported: 3, percent: 100 });
    expect(patientCount()).toBe(4);
    const [hit] = (await clinic.admin.must('patients.search', { query: 'nguyen van' })).hits;
    expect(hit).toMatchObject({ firstName: 'Nguyễn', lastName: 'Văn An', mrn: 'P-000003', phone: '+447911200102' });
    const sean = (await clinic.admin.must('patients.search', { query: 'sean jack' })).hits[0]!;
    const full = await clinic.admin.must('patients.get', { id: sean.id });
    expect(full).toMatchObject({ lastName: 'Seán "Jack"', dateOfBirth: '1970-12-31', sex: 'unknown', email: 'sean@example.ie' });
    const imports = clinic.core.db.$client.prepare("SELECT entity, entity_id AS id FROM audit_log WHERE action = 'import'").all();
    expect(imports).toEqual([{ entity: 'patient', id: null }]);
    // The form's next patient continues the same record-number sequence.
    expect((await clinic.admin.must('patients.create', { ...SAMPLE_PATIENT, phone: '07911 200999' })).mrn).toBe('P-000005');
  });

  it('valid-only imports exactly the good rows', async () => {
    const job = await clinic.admin.must('patients.importStart', { text: csv(BAD[0]!, ...GOOD, ...BAD.slice(1)), mapping: MAPPING, mode: 'valid-only' });
    expect(await waitFor(job.jobId)).toMatchObject({ state: 'done', imported: 3, report: { validRows: 3, invalidRows: 4 } });
    const names = clinic.core.db.$client.prepare('SELECT first_name AS f FROM patients ORDER BY id').all();
    expect(names).toEqual([{ f: 'María' }, { f: 'Amara' }, { f: 'Nguyễn' }, { f: "O'Neil" }]);
  });

  it('cancel rolls everything back, even midway through inserting', async () => {
    // Enough chunks that the import is still inserting (on its own thread) when the cancel arrives.
    const rows = Array.from({ length: 10_000 }, (_, i) => `Test${i},Person,01/01/1990,F,07911 ${String(210000 + i)},,`);
    const before = snapshotDatabase(clinic.core.db.$client);
    const job = await clinic.admin.must('patients.importStart', { text: csv(...rows), mapping: MAPPING, mode: 'all-or-nothing' });
    // Wait until rows are being inserted inside the import's transaction, then cancel.
    for (;;) {
      const s = await clinic.admin.must('patients.importStatus', { jobId: job.jobId });
      if (s.state === 'importing' && s.percent > 50) break;
      if (s.state !== 'validating' && s.state !== 'importing') throw new Error(`import ended (${s.state}: ${s.message}) before it could be cancelled`);
      await new Promise((r) => setImmediate(r));
    }
    const cancelled = await clinic.admin.must('patients.importCancel', { jobId: job.jobId });
    expect(cancelled.state).toBe('cancelled');
    expect(snapshotDatabase(clinic.core.db.$client)).toEqual(before);
  });

  it('a checking thread that stops on an unexpected error ends the job as failed, with nothing saved and no hang', async () => {
    // The header's last name is quoted across a line break: the start call reads only the first line (and finds
    // every mapped column), the checking thread reads the whole quoted header and misses "Mobile" — and throws.
    const text = 'First,Last,Born,Sex,"Mobile\nX"\r\n' + Array.from({ length: 3_000 }, (_, i) => `Test${i},Person,01/01/1990,F,07911 ${String(210000 + i)}`).join('\r\n');
    const before = snapshotDatabase(clinic.core.db.$client);
    const job = await clinic.admin.must('patients.importStart', { text, mapping: { firstName: 'First', lastName: 'Last', dateOfBirth: 'Born', sex: 'Sex', phone: 'Mobile' }, mode: 'valid-only' });
    expect(await waitFor(job.jobId)).toMatchObject({ state: 'failed', imported: 0, message: expect.stringMatching(/nothing was imported/) });
    expect(snapshotDatabase(clinic.core.db.$client)).toEqual(before);
  });

  it('a patient opened while the import holds the write lock is shown at once, and the opening is audited when the import ends', async () => {
    const maria = (await clinic.admin.must('patients.search', { query: 'garcia' })).hits[0]!;
    const rows = Array.from({ length: 20_000 }, (_, i) => `Test${i},Person,01/01/1990,F,07911 ${String(210000 + i)},,`);
    const job = await clinic.admin.must('patients.importStart', { text: csv(...rows), mapping: MAPPING, mode: 'valid-only' });
    for (;;) {
      const s = await clinic.admin.must('patients.importStatus', { jobId: job.jobId });
      if (s.state === 'importing') break; // rows are in the import's open transaction: it holds the write lock
      if (s.state !== 'validating') throw new Error(`import ended (${s.state}) before the lock could be met`);
      await new Promise((r) => setImmediate(r));
    }
    const views = () => clinic.core.db.$client.prepare("SELECT entity_id AS id, at FROM audit_log WHERE action = 'view'").all();
    const before = views();
    expect(await clinic.admin.must('patients.get', { id: maria.id })).toMatchObject({ firstName: 'María', lastName: 'García' });
    // The entry waits on disk in the data folder, so an app that dies mid-import still has it at its next start.
    expect(existsSync(waitingFileOf(clinic.core.db))).toBe(true);
    // A write the desk asks for still answers BUSY at once; only the audit entry of a read waits.
    expect(await clinic.admin.call('patients.create', { ...SAMPLE_PATIENT, phone: '07911 299999' })).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    expect((await waitFor(job.jobId)).state).toBe('done');
    expect(views()).toEqual([...before, { id: maria.id, at: clinic.clock.now.toISOString() }]);
    expect(existsSync(waitingFileOf(clinic.core.db))).toBe(false);
  });

  it('an unknown job is NOT_FOUND', async () => {
    expect(await clinic.admin.call('patients.importStatus', { jobId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('patients.exportCsv', () => {
  it('exports active patients as CSV the import reads back, audited', async () => {
    await clinic.admin.must('patients.create', { ...SAMPLE_PATIENT, firstName: '=HYPERLINK("x")', phone: '07911 200301' });
    const out = await clinic.admin.must('patients.exportCsv', {});
    expect(out.rows).toBe(2);
    expect(out.fileName).toBe('patients-2026-11-20.csv');
    const lines = out.csv.split('\r\n');
    expect(lines[0]).toBe('mrn,firstName,lastName,dateOfBirth,sex,phone,email,addressLine,city,postalCode,emergencyContactName,emergencyContactPhone,allergies,medicalHistory,archivedAt,createdAt');
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`); // a spreadsheet shows it, never runs it
    const exported = clinic.core.db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'export'").get();
    expect(exported).toEqual({ n: 1 });
    const fields = ['firstName', 'lastName', 'dateOfBirth', 'sex', 'phone', 'email'] as const;
    const report = await clinic.admin.must('patients.importPreview', { text: out.csv, mapping: Object.fromEntries(fields.map((f) => [f, f])) });
    expect(report).toMatchObject({ totalRows: 2, invalidRows: 0, duplicateCount: 2 });
  });
});
