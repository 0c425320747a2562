// The insert phase of a patient CSV import: every checked row into the register in ONE transaction, a chunk
// per turn of the event loop, through the same triggers as a patient added with the form.
//
// Rows are staged in a temp table and moved with one INSERT … SELECT per chunk. Row by row, each INSERT is its
// own statement, and a statement whose triggers write other tables (search index, name words, register counts)
// first copies every page it is about to touch into SQLite's statement journal — about a dozen pages per
// patient. One statement per chunk copies each page once per chunk instead: measured at 100,000 rows, 13 s of
// inserting became about 6.5 s (CPU); writing each chunk's search index set-based (csv-import-search-index.ts)
// brought it to about 4.5 s. Imported patients are indexed exactly like those typed in (tested table by table).
import type Database from 'better-sqlite3';
import { CSV_FIELDS } from '../../shared/patient-csv';
import { patients } from '../db/schema';
import type { PatientFields } from '../../shared/patients';
import { takeOverSearchIndex } from './csv-import-search-index';
import { formatMrn, sortNameOf } from './service';

/**
 * Rows moved per statement. Larger chunks copy fewer pages but hold the event loop longer: 1,000 rows keep each
 * turn under ~100 ms on a busy 2-core machine, for about the same total as 2,000 (measured at 100,000 rows).
 */
export const INSERT_CHUNK = 1_000;

/** Patient fields set by an import, in insert order; archive columns keep their defaults. */
const KEYS = ['mrn', ...CSV_FIELDS, 'sortName', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy'] as const;
/** Field → register column, read from the drizzle schema so the two cannot drift apart. */
const COLUMNS = Object.fromEntries(KEYS.map((k) => [k, patients[k].name])) as Record<(typeof KEYS)[number], string>;
const LIST = KEYS.map((k) => COLUMNS[k]).join(', ');

export interface InsertTurns {
  onProgress: (done: number) => void;
  cancelled: () => boolean;
  /** Resolves on the next turn of the event loop: the window's other calls are answered between chunks. */
  nextTurn: () => Promise<void>;
  /** Runs inside the transaction just before COMMIT (the audit entry). */
  beforeCommit: () => void;
}

/** Inserts every row or none; returns the number inserted, or null when cancelled (everything rolled back). */
export async function insertPatientRows(sqlite: Database.Database, rows: PatientFields[], userId: number, now: Date, turns: InsertTurns): Promise<number | null> {
  // This connection lives for one import: a larger page cache keeps the index pages of 100,000 inserts in
  // memory, and the statement journals and staging table stay in memory rather than in temp files.
  sqlite.pragma('cache_size = -131072');
  sqlite.pragma('temp_store = MEMORY');
  // Untyped columns store each value as bound; the register's own column types apply when rows move over.
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS import_rows (${LIST})`);
  const stage = sqlite.prepare(`INSERT INTO temp.import_rows (${LIST}) VALUES (${KEYS.map((k) => `@${k}`).join(', ')})`);
  // ORDER BY rowid: patients get ids in the file's order, matching their record numbers.
  const move = sqlite.prepare(`INSERT INTO main.patients (${LIST}) SELECT ${LIST} FROM temp.import_rows ORDER BY rowid`);
  const clear = sqlite.prepare('DELETE FROM temp.import_rows');
  const lastId = sqlite.prepare('SELECT coalesce(max(id), 0) FROM main.patients').pluck();
  // Record numbers come a chunk at a time from the counter the patient form uses.
  const reserve = sqlite.prepare<[number], { value: number }>(
    `INSERT INTO sequences (name, value) VALUES ('mrn', ?) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value RETURNING value`,
  );
  const at = now.toISOString();
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    // The search index of each chunk in two statements instead of a trigger per patient (null: trigger kept).
    // A small file keeps the trigger: it saves little there, and each takeover changes the schema (other
    // connections then re-prepare their statements once).
    const searchIndex = rows.length >= INSERT_CHUNK ? takeOverSearchIndex(sqlite) : null;
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      if (start > 0) await turns.nextTurn();
      if (turns.cancelled()) return rollBack(sqlite);
      const chunk = rows.slice(start, start + INSERT_CHUNK);
      const first = reserve.get(chunk.length)!.value - chunk.length + 1;
      chunk.forEach((f, i) => {
        stage.run({ ...f, mrn: formatMrn(first + i), sortName: sortNameOf(f), createdAt: at, updatedAt: at, createdBy: userId, updatedBy: userId });
      });
      const before = lastId.get() as number;
      move.run();
      clear.run();
      searchIndex?.indexAfter(before);
      turns.onProgress(start + chunk.length);
    }
    if (turns.cancelled()) return rollBack(sqlite);
    searchIndex?.restoreTrigger();
    turns.beforeCommit();
    sqlite.exec('COMMIT');
    return rows.length;
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
  }
}

function rollBack(sqlite: Database.Database): null {
  sqlite.exec('ROLLBACK');
  return null;
}
