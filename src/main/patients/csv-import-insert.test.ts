// The import's insert phase over real migrated files: patients imported from a CSV land in the search index
// exactly as patients typed into the form do, and a cancel or a failure midway leaves data AND schema as they were.
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import type { ImportJobStatus } from '../../shared/patient-csv';
import type { PatientFormValues } from '../../shared/patients';
import { snapshotDatabase } from '../testing/db-snapshot';
import { createTestClinic, type TestClinic } from '../testing/test-core';
import { INSERT_CHUNK } from './csv-import-insert';

const open: TestClinic[] = [];
async function clinic(): Promise<TestClinic> {
  const c = await createTestClinic();
  open.push(c);
  return c;
}
afterEach(() => open.splice(0).forEach((c) => c.close()));

const PEOPLE: PatientFormValues[] = [
  { firstName: 'María José', lastName: 'García-López', dateOfBirth: '1984-03-12', sex: 'female', phone: '07911 123456', email: 'Maria@Example.com' },
  { firstName: 'Søren', lastName: 'Kierkegaard', dateOfBirth: '1970-05-05', sex: 'male', phone: '+45 20 12 34 56', email: null },
  { firstName: 'Seán', lastName: "O'Brien", dateOfBirth: '1991-12-31', sex: 'unknown', phone: '07700 123456', email: 'sean@example.ie' },
  { firstName: 'Zoë', lastName: 'Ødegaard', dateOfBirth: '2001-01-01', sex: 'other', phone: '(07911) 200300', email: 'zoe@example.no' },
  { firstName: 'Nguyễn', lastName: 'Văn An', dateOfBirth: '1985-11-30', sex: 'male', phone: '+44 7911 200102', email: null },
];
const HEADER = 'First,Last,Born,Sex,Mobile,Email';
const MAPPING = { firstName: 'First', lastName: 'Last', dateOfBirth: 'Born', sex: 'Sex', phone: 'Mobile', email: 'Email' };
const quote = (s: string | null | undefined) => `"${(s ?? '').replace(/"/g, '""')}"`;
const csvOf = (people: PatientFormValues[]) =>
  [HEADER, ...people.map((p) => [p.firstName, p.lastName, p.dateOfBirth, p.sex, p.phone, p.email].map(quote).join(','))].join('\r\n');

async function finished(c: TestClinic, jobId: string): Promise<ImportJobStatus> {
  for (;;) {
    const s = await c.admin.must('patients.importStatus', { jobId });
    if (s.state !== 'validating' && s.state !== 'importing') return s;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * The register and every table derived from it (search side tables, name words, vocabulary, counts), whatever
 * the search migrations call them (not the activity clock: the instant each file was migrated), plus what the vocabulary's trigram index answers (its segments differ by
 * how many transactions wrote them, its answers must not).
 */
function searchState(sqlite: Database.Database) {
  const tables = sqlite
    .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND (name LIKE 'patient%' OR name LIKE 'name%') AND name != 'patient_activity_clock' ORDER BY name")
    .pluck()
    .all() as string[];
  const state: Record<string, unknown[]> = {};
  for (const t of tables) state[t] = sqlite.prepare(`SELECT * FROM "${t}"`).all().map((r) => JSON.stringify(r)).sort();
  state.vocabularyMatches = sqlite.prepare("SELECT rowid FROM name_vocabulary_fts WHERE name_vocabulary_fts MATCH 'gar' ORDER BY rowid").all();
  state.mrnSequence = sqlite.prepare("SELECT value FROM sequences WHERE name = 'mrn'").all();
  return state;
}

const schemaOf = (sqlite: Database.Database) => sqlite.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();

describe('imported patients and the search', () => {
  it('are indexed and found exactly like the same patients typed into the form', async () => {
    const typed = await clinic();
    for (const p of PEOPLE) await typed.admin.must('patients.create', p);
    const imported = await clinic();
    const job = await imported.admin.must('patients.importStart', { text: csvOf(PEOPLE), mapping: MAPPING, mode: 'all-or-nothing' });
    expect(await finished(imported, job.jobId)).toMatchObject({ state: 'done', imported: PEOPLE.length });

    const want = searchState(typed.core.db.$client);
    expect(want.patient_search).toHaveLength(PEOPLE.length);
    expect(searchState(imported.core.db.$client)).toEqual(want);
    for (const query of ['maria jose', 'garcia lopez', 'soren', 'kierkegard', 'o brien', '3456', '07700 123456', 'sean@example.ie', 'zoe', 'odegaard', 'nguyen van']) {
      const found = async (c: TestClinic) => (await c.admin.must('patients.search', { query })).hits.map((h) => [h.mrn, h.firstName]);
      const want = await found(typed);
      expect(want.length, query).toBeGreaterThan(0);
      expect(await found(imported), query).toEqual(want);
    }
  });
});

describe('an import that does not finish', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => `Test${i},Person,01/01/1990,F,07911 ${String(210000 + i)},`);

  it('cancelled between chunks: rows, search index, counts and schema are exactly as before', async () => {
    const c = await clinic();
    await c.admin.must('patients.create', PEOPLE[0]!);
    const sqlite = c.core.db.$client;
    const before = { data: snapshotDatabase(sqlite), schema: schemaOf(sqlite) };
    const job = await c.admin.must('patients.importStart', { text: [HEADER, ...many(INSERT_CHUNK + 500)].join('\r\n'), mapping: MAPPING, mode: 'all-or-nothing' });
    for (;;) {
      const s = await c.admin.must('patients.importStatus', { jobId: job.jobId });
      if (s.state === 'importing' && s.percent > 50) break; // the first chunk is in the open transaction
      if (s.state !== 'validating' && s.state !== 'importing') throw new Error(`import ended (${s.state}) before it could be cancelled`);
      await new Promise((r) => setImmediate(r));
    }
    expect((await c.admin.must('patients.importCancel', { jobId: job.jobId })).state).toBe('cancelled');
    expect({ data: snapshotDatabase(sqlite), schema: schemaOf(sqlite) }).toEqual(before);
  });

  it('failing in its second chunk: nothing of the first chunk stays, schema unchanged, the desk told in plain words', async () => {
    const c = await clinic();
    const sqlite = c.core.db.$client;
    // A record number taken outside the counter makes the second chunk's first row collide (UNIQUE mrn).
    const at = new Date().toISOString();
    sqlite
      .prepare(`INSERT INTO patients (mrn, first_name, last_name, sort_name, date_of_birth, sex, phone, created_at, updated_at) VALUES (?, 'Old', 'Record', 'record old', '1950-01-01', 'male', '+447911999999', ?, ?)`)
      .run(`P-${String(INSERT_CHUNK + 1).padStart(6, '0')}`, at, at);
    const before = { data: snapshotDatabase(sqlite), schema: schemaOf(sqlite) };
    const job = await c.admin.must('patients.importStart', { text: [HEADER, ...many(INSERT_CHUNK + 10)].join('\r\n'), mapping: MAPPING, mode: 'valid-only' });
    const done = await finished(c, job.jobId);
    expect(done).toMatchObject({ state: 'failed', imported: 0 });
    expect(done.message).toMatch(/nothing was imported/);
    expect({ data: snapshotDatabase(sqlite), schema: schemaOf(sqlite) }).toEqual(before);
    // The desk's own writes go on as before: the form's next patient is saved and searchable.
    const next = await c.admin.must('patients.create', PEOPLE[2]!);
    expect((await c.admin.must('patients.search', { query: 'sean obrien' })).hits[0]?.id).toBe(next.id);
  });
});
