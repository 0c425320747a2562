// Patient CSV import as a job: validate every row, then insert in chunks inside ONE transaction, yielding to
// the event loop between chunks so the window stays responsive and a cancel can roll everything back.
//
// The transaction runs on its own connection to the same file: other windows keep reading the last committed
// data (WAL) and never see — or get rolled back with — a half-done import. Other writes wait for the import's
// lock (busy_timeout), so an import of 100,000 rows holds the desk's writes for a few seconds at most.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import { CSV_FIELDS, type ImportJobStatus, type ImportMode, type ImportReport, type CsvMapping } from '../../shared/patient-csv';
import type { PatientFields } from '../../shared/patients';
import { recordAudit } from '../audit/service';
import { openDatabase, type Db } from '../db/client';
import { patients } from '../db/schema';
import { checkMapping, checkRow, DuplicateFlagger, parseCsv, ReportBuilder } from './csv-import-validate';
import { formatMrn, sortNameOf } from './service';

const VALIDATE_CHUNK = 2_000;
const INSERT_CHUNK = 500;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface ImportRequest {
  text: string;
  mapping: CsvMapping;
  country: string;
}

/** Parses and checks every row, yielding between chunks. The valid rows come back with their row numbers. */
export async function validateImport(sqlite: Database.Database, req: ImportRequest, onProgress: (share: number) => void = () => {}, cancelled = () => false) {
  const csv = parseCsv(req.text);
  checkMapping(csv.columns, req.mapping);
  const builder = new ReportBuilder(csv.columns, csv.rows.length);
  const flagger = new DuplicateFlagger(sqlite);
  const valid: PatientFields[] = [];
  for (let start = 0; start < csv.rows.length; start += VALIDATE_CHUNK) {
    if (start > 0) await nextTurn();
    if (cancelled()) return null;
    const end = Math.min(start + VALIDATE_CHUNK, csv.rows.length);
    // One read transaction per chunk (never across a yield): the duplicate lookups share one snapshot
    // instead of opening one per query.
    sqlite.transaction(() => checkChunk(start, end))();
    onProgress(end / Math.max(1, csv.rows.length));
  }
  return { report: builder.report, valid };

  function checkChunk(start: number, end: number): void {
    for (let i = start; i < end; i++) {
      const row = i + 2; // the header is row 1
      const brokenReason = csv.broken.get(i);
      const check = brokenReason ? ({ ok: false, problems: [{ row, field: 'row', reason: brokenReason }] } as const) : checkRow(csv.rows[i]!, row, req.mapping, req.country);
      if (!check.ok) builder.invalid([...check.problems]);
      else {
        builder.valid(flagger.flag(row, check.fields));
        valid.push(check.fields);
      }
    }
  }
}

export interface ImportJob extends ImportJobStatus {
  cancelRequested: boolean;
  /** Settles when the job has finished, whatever the outcome. */
  finished: Promise<void>;
}

const jobsByDb = new WeakMap<Db, Map<string, ImportJob>>();

export function jobsOf(db: Db): Map<string, ImportJob> {
  let jobs = jobsByDb.get(db);
  if (!jobs) jobsByDb.set(db, (jobs = new Map()));
  return jobs;
}

export function publicStatus(job: ImportJob): ImportJobStatus {
  const { jobId, state, percent, imported, report, message } = job;
  return { jobId, state, percent, imported, report, message };
}

/** Starts the job and returns at once; poll its status. Mapping mistakes are refused before any job exists. */
export function startImport(db: Db, req: ImportRequest & { mode: ImportMode }, userId: number, now: () => Date): ImportJob {
  checkMapping(parseCsv(req.text.slice(0, req.text.search(/\r?\n/) + 1 || undefined)).columns, req.mapping);
  const job: ImportJob = { jobId: randomUUID(), state: 'validating', percent: 0, imported: 0, report: null, message: null, cancelRequested: false, finished: Promise.resolve() };
  jobsOf(db).set(job.jobId, job);
  job.finished = runImport(db, req, userId, now, job).catch(() => {
    job.state = 'failed';
    job.message = 'The import stopped on an unexpected error; nothing was imported.';
  });
  return job;
}

async function runImport(db: Db, req: ImportRequest & { mode: ImportMode }, userId: number, now: () => Date, job: ImportJob): Promise<void> {
  await nextTurn(); // let the start call answer first
  const checked = await validateImport(db.$client, req, (share) => (job.percent = Math.floor(share * 50)), () => job.cancelRequested);
  if (!checked) return void (job.state = 'cancelled');
  job.report = checked.report;
  if (req.mode === 'all-or-nothing' && checked.report.invalidRows > 0) {
    job.state = 'failed';
    job.message = `${checked.report.invalidRows} row(s) have problems, so nothing was imported. Fix them, or import only the valid rows.`;
    return;
  }
  job.state = 'importing';
  const imported = await insertAll(db.$client.name, checked.valid, userId, now(), (done) => (job.percent = 50 + Math.floor((done / Math.max(1, checked.valid.length)) * 50)), () => job.cancelRequested);
  if (imported === null) return void (job.state = 'cancelled');
  job.imported = imported;
  job.percent = 100;
  job.state = 'done';
}

/**
 * Inserts every row in one transaction on a separate connection; returns null (and rolls back) when cancelled.
 * Record numbers are reserved a chunk at a time from the same counter the patient form uses.
 */
export async function insertAll(file: string, rows: PatientFields[], userId: number, now: Date, onProgress: (done: number) => void, cancelled: () => boolean): Promise<number | null> {
  const conn = openDatabase(file);
  const sqlite = conn.$client;
  // This connection lives for one import: a larger page cache keeps the index pages of 100,000 inserts in memory.
  sqlite.pragma('cache_size = -131072');
  const reserve = sqlite.prepare(
    `INSERT INTO sequences (name, value) VALUES ('mrn', ?) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value RETURNING value`,
  );
  // One statement prepared once (with its trigger programs), run per row: no SQL rebuilt or recompiled per chunk.
  const column = (name: keyof typeof patients.$inferInsert) => sql.placeholder(name);
  const insert = conn
    .insert(patients)
    .values(Object.fromEntries(INSERT_COLUMNS.map((c) => [c, column(c)])) as unknown as typeof patients.$inferInsert)
    .prepare();
  const at = now.toISOString();
  try {
    sqlite.exec('BEGIN IMMEDIATE');
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      if (start > 0) await nextTurn();
      if (cancelled()) {
        sqlite.exec('ROLLBACK');
        return null;
      }
      const chunk = rows.slice(start, start + INSERT_CHUNK);
      const last = (reserve.get(chunk.length) as { value: number }).value;
      const first = last - chunk.length + 1;
      chunk.forEach((f, i) => {
        insert.run({ ...f, mrn: formatMrn(first + i), sortName: sortNameOf(f), createdAt: at, updatedAt: at, createdBy: userId, updatedBy: userId });
      });
      onProgress(start + chunk.length);
    }
    if (cancelled()) {
      sqlite.exec('ROLLBACK');
      return null;
    }
    recordAudit(conn, { at: now, userId, action: 'import', entity: 'patient', entityId: null });
    sqlite.exec('COMMIT');
    return rows.length;
  } catch (e) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw e;
  } finally {
    sqlite.close();
  }
}

/** Every column an imported patient row sets (archive and audit columns keep their defaults). */
const INSERT_COLUMNS = [
  'mrn',
  ...CSV_FIELDS,
  'sortName',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
] as const satisfies readonly (keyof typeof patients.$inferInsert)[];

export type { ImportReport };
