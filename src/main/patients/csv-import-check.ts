// Checking a patient CSV: every row parsed and checked with the form's rules, duplicates flagged, a chunk at a
// time. The preview runs it on the main thread, yielding between chunks; an import runs it on its checking
// thread (csv-import-check-thread.ts), handing each chunk's valid rows on as soon as they are checked.
import type Database from 'better-sqlite3';
import type { CsvMapping } from '../../shared/patient-csv';
import type { PatientFields } from '../../shared/patients';
import { DuplicateFlagger, existingPatientsFor } from './csv-import-duplicates';
import { CHECK_CHUNK } from './csv-import-messages';
import { checkMapping, checkRow, parseCsv, phoneReader, ReportBuilder } from './csv-import-validate';


export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface ImportRequest {
  text: string;
  mapping: CsvMapping;
  country: string;
}

export interface ValidateTurns {
  onProgress?: (share: number) => void;
  cancelled?: () => boolean;
  /** Resolves on the next turn of the event loop; on a worker thread nothing else waits, so no turn is needed. */
  nextTurn?: () => Promise<void>;
  /**
   * Takes each chunk's valid rows as soon as they are checked (with the count of invalid rows so far), instead of
   * collecting them all: the import's inserting thread works on one chunk while the next is checked.
   */
  onValidChunk?: (rows: PatientFields[], invalidSoFar: number, totalRows: number) => void;
}

/** Parses and checks every row, yielding between chunks. The valid rows come back with the report (or went to onValidChunk). */
export async function validateImport(sqlite: Database.Database, req: ImportRequest, turns: ValidateTurns = {}) {
  const { onProgress = () => {}, cancelled = () => false, nextTurn: turn = nextTurn, onValidChunk } = turns;
  const csv = parseCsv(req.text);
  checkMapping(csv.columns, req.mapping);
  const builder = new ReportBuilder(csv.columns, csv.rows.length);
  const flagger = new DuplicateFlagger(await existingPatientsFor(sqlite, csv.rows.length, turn));
  if (cancelled()) return null;
  const readPhone = phoneReader(req.country);
  const valid: PatientFields[] = [];
  for (let start = 0; start < csv.rows.length; start += CHECK_CHUNK) {
    if (start > 0) await turn();
    if (cancelled()) return null;
    const end = Math.min(start + CHECK_CHUNK, csv.rows.length);
    // One read transaction per chunk (never across a yield): the duplicate lookups share one snapshot
    // instead of opening one per query.
    const chunk = sqlite.transaction(() => checkChunk(start, end))();
    if (onValidChunk) onValidChunk(chunk, builder.report.invalidRows, csv.rows.length);
    else for (const f of chunk) valid.push(f);
    onProgress(end / Math.max(1, csv.rows.length));
  }
  return { report: builder.report, valid };

  function checkChunk(start: number, end: number): PatientFields[] {
    const ok: PatientFields[] = [];
    for (let i = start; i < end; i++) {
      const row = i + 2; // the header is row 1
      const brokenReason = csv.broken.get(i);
      const check = brokenReason
        ? ({ ok: false, problems: [{ row, field: 'row', reason: brokenReason }] } as const)
        : checkRow(csv.rows[i]!, row, req.mapping, req.country, readPhone);
      if (!check.ok) builder.invalid([...check.problems]);
      else {
        builder.valid(flagger.flag(row, check.fields));
        ok.push(check.fields);
      }
    }
    return ok;
  }
}
