// The insert phase of a patient CSV import: checked rows into the register in ONE transaction, a chunk at a time
// as validation hands them over, through the same triggers as a patient added with the form.
//
// Rows are staged in a temp table and moved with one INSERT … SELECT per chunk. Row by row, each INSERT is its
// own statement, and a statement whose triggers write other tables (search index, name words, register counts)
// first copies every page it is about to touch into SQLite's statement journal — about a dozen pages per
// patient. One statement per chunk copies each page once per chunk instead: measured at 100,000 rows, 13 s of
// inserting became about 6.5 s (CPU); writing each chunk's search index, counts and activity rows set-based
// (csv-import-search-index.ts, csv-import-register-counts.ts) brought it to about 3 s. Imported patients are
// indexed and counted exactly like those typed in (tested table by table).
import type Database from 'better-sqlite3';
import { CSV_FIELDS } from '../../shared/patient-csv';
import type { PatientFields } from '../../shared/patients';
import { patients } from '../db/schema';
import { takeOverRegisterCounts, type ChunkRegisterCounts } from './csv-import-register-counts';
import { SEARCH_STAGING_COLUMNS, searchValuesOf, takeOverSearchIndex, type ChunkSearchIndex, type SearchValues } from './csv-import-search-index';
import { CHECK_CHUNK } from './csv-import-messages';
import { formatMrn, sortNameOf } from './service';

/** The smallest file whose search index is written set-based, and the first chunk an import inserts. */
export const INSERT_CHUNK = CHECK_CHUNK;

/** Patient fields set by an import, in insert order; archive columns keep their defaults. */
const KEYS = ['mrn', ...CSV_FIELDS, 'sortName', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy'] as const;
/** Field → register column, read from the drizzle schema so the two cannot drift apart. */
const LIST = KEYS.map((k) => patients[k].name).join(', ');
/** The staging table: the register's columns, then the row's place in its chunk and its search values. */
const STAGED = [LIST, 'seq', ...SEARCH_STAGING_COLUMNS].join(', ');

export interface PatientInsert {
  /**
   * Inserts one chunk, in file order, inside the open transaction; returns the rows inserted so far. `search`:
   * each row's search values if already worked out (searchValuesOf).
   */
  insert(rows: readonly PatientFields[], search?: readonly SearchValues[]): number;
  /** Restores what the import took over, runs `beforeCommit` (the audit entry) and commits; returns the count. */
  commit(beforeCommit: () => void): number;
  /** Undoes everything: no row, index entry or schema change of the import remains. */
  rollBack(): void;
}

/**
 * Opens the import's write transaction (BEGIN IMMEDIATE) on `sqlite`, a connection used for this import only.
 * `expectedRows` (the file's size) decides whether the per-patient triggers are taken over: a small file keeps
 * them — it saves little there, and each takeover changes the schema (other connections then re-prepare once).
 */
export function beginPatientInsert(sqlite: Database.Database, userId: number, now: Date, expectedRows: number): PatientInsert {
  // A larger page cache keeps the index pages of 100,000 inserts in memory, and the statement journals and
  // staging table stay in memory rather than in temp files.
  sqlite.pragma('cache_size = -131072');
  sqlite.pragma('temp_store = MEMORY');
  // Untyped columns store each value as bound; the register's own column types apply when rows move over.
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS import_rows (${STAGED})`);
  const stage = sqlite.prepare(`INSERT INTO temp.import_rows (${STAGED}) VALUES (${STAGED.split(', ').map(() => '?').join(', ')})`);
  // ORDER BY rowid (the staging order, = seq, read without a sort): patients get ids in the file's order,
  // matching their record numbers.
  const move = sqlite.prepare(`INSERT INTO main.patients (${LIST}) SELECT ${LIST} FROM temp.import_rows ORDER BY rowid`);
  const clear = sqlite.prepare('DELETE FROM temp.import_rows');
  const newIds = sqlite.prepare<[number], { first: number; last: number; n: number }>('SELECT min(id) AS first, max(id) AS last, count(*) AS n FROM main.patients WHERE id > ?');
  const lastId = sqlite.prepare('SELECT coalesce(max(id), 0) FROM main.patients').pluck();
  // Record numbers come a chunk at a time from the counter the patient form uses.
  const reserve = sqlite.prepare<[number], { value: number }>(
    `INSERT INTO sequences (name, value) VALUES ('mrn', ?) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value RETURNING value`,
  );
  const searchValues = searchValuesOf();
  const at = now.toISOString();
  let inserted = 0;
  sqlite.exec('BEGIN IMMEDIATE');
  let searchIndex: ChunkSearchIndex | null = null;
  let registerCounts: ChunkRegisterCounts | null = null;
  try {
    if (expectedRows >= INSERT_CHUNK) {
      searchIndex = takeOverSearchIndex(sqlite);
      registerCounts = takeOverRegisterCounts(sqlite);
    }
  } catch (e) {
    sqlite.exec('ROLLBACK');
    throw e;
  }
  return {
    insert(rows, search) {
      if (!rows.length) return inserted;
      const first = reserve.get(rows.length)!.value - rows.length + 1;
      for (let i = 0; i < rows.length; i++) {
        const f = rows[i]!;
        // Positional values in STAGED order: no object spread per row, no named-parameter lookups.
        const values: unknown[] = [formatMrn(first + i)];
        for (const k of CSV_FIELDS) values.push(f[k]);
        values.push(sortNameOf(f), at, at, userId, userId, i, ...(search?.[i] ?? searchValues(f)));
        stage.run(values);
      }
      const before = lastId.get() as number;
      move.run();
      if (searchIndex || registerCounts) {
        // AUTOINCREMENT gives one statement's rows consecutive ids; checked, since the stand-ins rely on it.
        const ids = newIds.get(before)!;
        if (ids.n !== rows.length || ids.last - ids.first + 1 !== rows.length) throw new Error('imported patients did not get consecutive ids');
        searchIndex?.indexStaged(ids.first);
        registerCounts?.countChunk(ids.first, ids.last);
      }
      clear.run();
      return (inserted += rows.length);
    },
    commit(beforeCommit) {
      searchIndex?.restoreTrigger();
      registerCounts?.restoreTriggers();
      beforeCommit();
      sqlite.exec('COMMIT');
      return inserted;
    },
    rollBack() {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    },
  };
}
