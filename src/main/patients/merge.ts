// Merges a duplicate patient into the record kept: every row that points at the duplicate moves, the
// duplicate is archived with a pointer to the kept record. Referencing tables are found from the schema
// (PRAGMA foreign_key_list), so appointments, payments, notes — and tables added later — all move.
import type Database from 'better-sqlite3';
import type { PatientMergeResult } from '../../shared/search';
import type { Db } from '../db/client';
import { AppFailure, conflict, notFound } from '../ipc/errors';
import { versionAfter } from './edit-version';

/** Tables that point at patients but are about the merge itself, not the patient's data. */
const NOT_PATIENT_DATA = new Set(['patient_merges']);

export interface PatientReference {
  table: string;
  column: string;
}

const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every (table, column) with a foreign key to patients(id). */
export function patientReferences(sqlite: Database.Database): PatientReference[] {
  const tables = sqlite.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
    name: string;
  }[];
  const refs: PatientReference[] = [];
  for (const { name } of tables) {
    if (NOT_PATIENT_DATA.has(name)) continue;
    const fks = sqlite.prepare('SELECT "table" AS target, "from" AS column, "to" AS toColumn FROM pragma_foreign_key_list(?)').all(name) as {
      target: string;
      column: string;
      toColumn: string | null;
    }[];
    for (const fk of fks) {
      if (fk.target === 'patients' && (fk.toColumn === null || fk.toColumn === 'id')) refs.push({ table: name, column: fk.column });
    }
  }
  return refs;
}

function mustFind(sqlite: Database.Database, id: number, label: string): { archivedAt: string | null } {
  const row = sqlite.prepare('SELECT archived_at AS archivedAt FROM patients WHERE id = ?').get(id) as { archivedAt: string | null } | undefined;
  if (!row) throw notFound(label);
  return row;
}

/** Call inside a transaction (the dispatcher runs the handler in one): all rows move, or none. */
export function mergePatients(db: Db, keepId: number, mergeId: number, by: number, now: Date): PatientMergeResult {
  const sqlite = db.$client;
  mustFind(sqlite, keepId, 'The record to keep');
  mustFind(sqlite, mergeId, 'The record to merge');
  const already = sqlite.prepare('SELECT kept_id AS keptId FROM patient_merges WHERE merged_id = ?').get(keepId) as { keptId: number } | undefined;
  if (already) throw conflict('The record to keep was itself merged into another record. Keep that one instead.', { keepId: 'Already merged away.' });
  if (sqlite.prepare('SELECT 1 FROM patient_merges WHERE merged_id = ?').get(mergeId)) {
    throw conflict('That record was already merged into another record.', { mergeId: 'Already merged.' });
  }

  const moved: PatientMergeResult['moved'] = [];
  for (const ref of patientReferences(sqlite)) {
    try {
      const r = sqlite.prepare(`UPDATE ${quoteId(ref.table)} SET ${quoteId(ref.column)} = ? WHERE ${quoteId(ref.column)} = ?`).run(keepId, mergeId);
      if (r.changes > 0) moved.push({ table: ref.table, rows: r.changes });
    } catch (e) {
      // A unique rule (one row per patient and X) can refuse the move; say so and change nothing.
      if (e instanceof Error && /UNIQUE/.test(e.message)) {
        throw new AppFailure('CONFLICT', `Both records have linked ${ref.table.replace(/_/g, ' ')} that cannot be combined automatically. Nothing was merged.`);
      }
      throw e;
    }
  }

  const at = now.toISOString();
  // The merged record's version moves on like an edit's (a form open on it must not save over the merge). The
  // kept record's fields do not change, so a form open on it still saves: nothing it shows was replaced.
  const version = versionAfter(db, mergeId, now);
  // Records merged into the duplicate earlier now point straight at the kept record.
  sqlite.prepare('UPDATE patient_merges SET kept_id = ? WHERE kept_id = ?').run(keepId, mergeId);
  sqlite.prepare('INSERT INTO patient_merges (merged_id, kept_id, merged_at, merged_by) VALUES (?, ?, ?, ?)').run(mergeId, keepId, at, by);
  sqlite
    .prepare('UPDATE patients SET archived_at = coalesce(archived_at, ?), updated_at = ?, updated_by = ? WHERE id = ?')
    .run(at, version, by, mergeId);
  return { keptId: keepId, mergedId: mergeId, moved };
}

/** The record a merged-away patient now lives in, if any. */
export function mergedInto(db: Db, patientId: number): number | null {
  const row = db.$client.prepare('SELECT kept_id AS keptId FROM patient_merges WHERE merged_id = ?').get(patientId) as { keptId: number } | undefined;
  return row?.keptId ?? null;
}
