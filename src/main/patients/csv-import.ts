// Patient CSV import as a job: validate every row, then insert in chunks inside ONE transaction, yielding to
// the event loop between chunks so the window stays responsive and a cancel can roll everything back.
//
// The transaction runs on its own connection to the same file: other windows keep reading the last committed
// data (WAL) and never see — or get rolled back with — a half-done import. While it holds the write lock (about
// 5 s for 100,000 rows), the desk's reads keep answering and its writes are refused at once with BUSY.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { type ImportJobStatus, type ImportMode, type ImportReport, type CsvMapping } from '../../shared/patient-csv';
import type { PatientFields } from '../../shared/patients';
import { recordAudit } from '../audit/service';
import { openDatabase, type Db } from '../db/client';
import { DuplicateFlagger, existingPatientsFor } from './csv-import-duplicates';
import { insertPatientRows } from './csv-import-insert';
import { checkMapping, checkRow, parseCsv, phoneReader, ReportBuilder } from './csv-import-validate';

/** Rows checked per turn of the event loop: about 75 ms of work, so the window's other calls wait no longer. */
const VALIDATE_CHUNK = 1_000;

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
  const flagger = new DuplicateFlagger(await existingPatientsFor(sqlite, csv.rows.length, nextTurn));
  if (cancelled()) return null;
  const readPhone = phoneReader(req.country);
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
      const check = brokenReason
        ? ({ ok: false, problems: [{ row, field: 'row', reason: brokenReason }] } as const)
        : checkRow(csv.rows[i]!, row, req.mapping, req.country, readPhone);
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
  const imported = await failFastWhile(db.$client, () =>
    insertAll(db.$client.name, checked.valid, userId, now(), (done) => (job.percent = 50 + Math.floor((done / Math.max(1, checked.valid.length)) * 50)), () => job.cancelRequested),
  );
  if (imported === null) return void (job.state = 'cancelled');
  job.imported = imported;
  job.percent = 100;
  job.state = 'done';
}

/**
 * The import's connection lives on the main thread, so while it holds the write lock a write on the desk's own
 * connection could only wait out busy_timeout — blocking the very thread the import needs to finish — and then
 * fail. For the import's duration such a write fails at once instead (BUSY: "try again in a moment"); reads
 * don't need the lock and keep answering.
 */
async function failFastWhile<T>(desk: Database.Database, work: () => Promise<T>): Promise<T> {
  const waitMs = desk.pragma('busy_timeout', { simple: true }) as number;
  desk.pragma('busy_timeout = 0');
  try {
    return await work();
  } finally {
    desk.pragma(`busy_timeout = ${Math.max(0, Math.floor(waitMs))}`);
  }
}

/** Inserts every row in one transaction on a separate connection; returns null (and rolls back) when cancelled. */
export async function insertAll(file: string, rows: PatientFields[], userId: number, now: Date, onProgress: (done: number) => void, cancelled: () => boolean): Promise<number | null> {
  const conn = openDatabase(file);
  const sqlite = conn.$client;
  try {
    const beforeCommit = () => recordAudit(conn, { at: now, userId, action: 'import', entity: 'patient', entityId: null });
    return await insertPatientRows(sqlite, rows, userId, now, { onProgress, cancelled, nextTurn, beforeCommit });
  } finally {
    sqlite.close();
  }
}

export type { ImportReport };
