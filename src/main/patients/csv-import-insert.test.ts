// The import's insert phase over real migrated files: patients imported from a CSV land in the search index
// exactly as patients typed into the form do, and a cancel or a failure midway leaves data AND schema as they were.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import type { ImportJobStatus } from '../../shared/patient-csv';
import type { PatientFormValues } from '../../shared/patients';
import { snapshotDatabase } from '../testing/db-snapshot';
import { createTestClinic, type TestClinic } from '../testing/test-core';
import { INSERT_CHUNK } from './csv-import-insert';
import { MIRRORED_COUNT_TRIGGERS } from './csv-import-register-counts';
import { MIRRORED_TRIGGER_SHA256 } from './csv-import-search-index';

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
  // Vocabulary rowids follow the order new words arrive in (the trigram index is keyed by them).
  state.vocabularyRowids = sqlite.prepare('SELECT rowid, word FROM name_vocabulary ORDER BY rowid').all();
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
  it('in several chunks, index and count exactly as the per-patient triggers do, which are back in place afterwards', async () => {
    // Reference: the same patients inserted one by one through the triggers, as the form's INSERT does.
    const people = Array.from({ length: 2 * INSERT_CHUNK + 345 }, (_, i) => ({
      ...PEOPLE[i % PEOPLE.length]!,
      firstName: `${PEOPLE[i % PEOPLE.length]!.firstName} ${['Ana', 'Björk', 'Zoë', 'Łukasz', 'Nguyễn'][i % 5]}${i % 7}`,
      phone: `+447911${String(210000 + i)}`,
      email: i % 3 ? `p${i}@example.com` : null,
    }));
    const byTrigger = await clinic();
    const insert = byTrigger.core.db.$client.prepare(
      `INSERT INTO patients (mrn, first_name, last_name, sort_name, date_of_birth, sex, phone, email, created_at, updated_at, created_by, updated_by)
       VALUES (?, ?, ?, lower(? || ' ' || ?), ?, ?, ?, ?, ?, ?, 1, 1)`,
    );
    const at = byTrigger.clock.now.toISOString();
    byTrigger.core.db.$client.transaction(() => {
      people.forEach((p, i) => insert.run(`P-${String(i + 1).padStart(6, '0')}`, p.firstName, p.lastName, p.lastName, p.firstName, p.dateOfBirth, p.sex, p.phone, p.email, at, at));
    })();
    const imported = await clinic();
    const job = await imported.admin.must('patients.importStart', { text: csvOf(people), mapping: MAPPING, mode: 'all-or-nothing' });
    expect(await finished(imported, job.jobId)).toMatchObject({ state: 'done', imported: people.length });

    const derived = (c: TestClinic) => {
      const { patients: _p, patient_activity_clock: _c, mrnSequence: _m, ...rest } = searchState(c.core.db.$client);
      return rest;
    };
    expect(derived(imported)).toEqual(derived(byTrigger));
    expect(schemaOf(imported.core.db.$client)).toEqual(schemaOf(byTrigger.core.db.$client));
    const next = await imported.admin.must('patients.create', { ...PEOPLE[1]!, firstName: 'Afterwards', phone: '07911 299999' });
    expect((await imported.admin.must('patients.search', { query: 'afterwards' })).hits.map((h) => h.id)).toEqual([next.id]);
  });

  it('take the set-based search-index path: the trigger it stands in for is unchanged since it was mirrored', async () => {
    const c = await clinic();
    const sql = c.core.db.$client.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'patients_search_insert'").pluck().get() as string;
    // If this fails, patients_search_insert was redefined: update csv-import-search-index.ts to match it (the
    // import stays correct meanwhile, through the trigger, only slower).
    expect(createHash('sha256').update(sql).digest('hex')).toBe(MIRRORED_TRIGGER_SHA256);
  });

  it('take the set-based counts and activity path: the triggers it stands in for are unchanged since they were mirrored', async () => {
    const c = await clinic();
    for (const [name, sha] of Object.entries(MIRRORED_COUNT_TRIGGERS)) {
      const sql = c.core.db.$client.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(name) as string;
      // If this fails, the trigger was redefined: update csv-import-register-counts.ts to match it.
      expect(createHash('sha256').update(sql).digest('hex'), name).toBe(sha);
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
    // Enough chunks that the import is still inserting (on its own thread) when the cancel arrives.
    const job = await c.admin.must('patients.importStart', { text: [HEADER, ...many(10 * INSERT_CHUNK)].join('\r\n'), mapping: MAPPING, mode: 'all-or-nothing' });
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
