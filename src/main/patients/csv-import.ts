// Patient CSV import as a job on two worker threads: one checks the rows, the other inserts each checked chunk
// at once inside ONE transaction (csv-import-check-thread.ts, csv-import-save-thread.ts). Checking and inserting
// overlap, and the main thread — which answers the desk's window — only keeps the job's status.
//
// The transaction runs on the saving thread's own connection to the same file: other windows keep reading the
// last committed data (WAL) and never see — or get rolled back with — a half-done import. While it holds the
// write lock (about 4 s for 100,000 rows), the desk's reads keep answering and its writes are refused at once
// with BUSY. All-or-nothing stays exactly that: an invalid row anywhere rolls back what was inserted so far, and
// nothing was ever committed, so nothing was ever visible.
import { randomUUID } from 'node:crypto';
import { MessageChannel, type Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { type ImportJobStatus, type ImportMode, type ImportReport } from '../../shared/patient-csv';
import type { Db } from '../db/client';
import type { ImportRequest } from './csv-import-check';
import type { CheckNews, SaveNews, SaveOutcome } from './csv-import-messages';
import { importHoldsLock } from './csv-import-audit';
import { startImportThread, threadEnded } from './csv-import-threads';
import { checkMapping, parseCsv } from './csv-import-validate';

export { validateImport, type ImportRequest } from './csv-import-check';

/** Where an import's time went, for the bench: wall ms until every row was checked, and each thread's CPU ms. */
export interface ImportTimings {
  checkedAfterMs: number;
  checkCpuMs: number;
  saveCpuMs: number;
}

export interface ImportJob extends ImportJobStatus {
  cancelRequested: boolean;
  /** Settles when the job has finished, whatever the outcome. */
  finished: Promise<void>;
  timings: ImportTimings;
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

const UNEXPECTED = 'The import stopped on an unexpected error; nothing was imported.';

/** Starts the job and returns at once; poll its status. Mapping mistakes are refused before any job exists. */
export function startImport(db: Db, req: ImportRequest & { mode: ImportMode }, userId: number, now: () => Date): ImportJob {
  checkMapping(parseCsv(req.text.slice(0, req.text.search(/\r?\n/) + 1 || undefined)).columns, req.mapping);
  const cancel = new SharedArrayBuffer(4);
  let stop = () => void Atomics.store(new Int32Array(cancel), 0, 1);
  let cancelRequested = false;
  const job: ImportJob = {
    jobId: randomUUID(),
    state: 'validating',
    percent: 0,
    imported: 0,
    report: null,
    message: null,
    // The desk's cancel (a plain assignment in the IPC handler) reaches both threads at once.
    get cancelRequested() {
      return cancelRequested;
    },
    set cancelRequested(yes: boolean) {
      cancelRequested ||= yes;
      if (yes) stop();
    },
    finished: Promise.resolve(),
    timings: { checkedAfterMs: 0, checkCpuMs: 0, saveCpuMs: 0 },
  };
  jobsOf(db).set(job.jobId, job);
  const { port1, port2 } = new MessageChannel();
  const file = db.$client.name;
  const checker = startImportThread({ role: 'check', file, request: { text: req.text, mapping: req.mapping, country: req.country }, mode: req.mode, cancel, rows: port1 }, [port1]);
  const saver = startImportThread({ role: 'save', file, userId, at: now().toISOString(), cancel, rows: port2 }, [port2]);
  stop = () => {
    Atomics.store(new Int32Array(cancel), 0, 1);
    saver.postMessage({ type: 'stop' }); // it may be idle, waiting for rows
  };
  const restoreWait = failFast(db.$client);
  const lockReleased = importHoldsLock(db);
  job.finished = follow(job, checker, saver, req.mode, stop)
    .catch(() => {
      stop();
      job.state = 'failed';
      job.message = UNEXPECTED;
    })
    .finally(() => {
      restoreWait();
      lockReleased(); // audit entries that waited for the import are written now
    });
  return job;
}

/** Keeps the job's status from the threads' news until both have ended, then says how it ended. */
async function follow(job: ImportJob, checker: Worker, saver: Worker, mode: ImportMode, stop: () => void): Promise<void> {
  const started = performance.now();
  let checkedShare = 0;
  let totalRows = 1;
  let inserted = 0;
  let checkCancelled = false as boolean;
  let saved = 'failed' as SaveOutcome; // until the saving thread says otherwise
  // Half the bar for checking, half for inserting; both move at once. 100 only when committed.
  const progress = () => (job.percent = Math.min(99, Math.floor(checkedShare * 50 + Math.min(1, inserted / totalRows) * 50)));
  const onCheck = (news: CheckNews) => {
    if (news.type === 'checked') {
      checkedShare = news.share;
      totalRows = Math.max(1, news.totalRows);
    } else if (news.type === 'cancelled') checkCancelled = true;
    else {
      job.report = news.report;
      job.timings.checkedAfterMs = performance.now() - started;
      job.timings.checkCpuMs = news.cpuMs;
    }
    progress();
  };
  const onSave = (news: SaveNews) => {
    if (news.type === 'inserted') {
      inserted = news.done;
      job.state = 'importing'; // rows are in the open transaction
    } else {
      saved = news.outcome;
      job.imported = news.outcome === 'done' ? news.imported : 0;
      job.timings.saveCpuMs = news.cpuMs;
      if (news.outcome === 'failed') stop(); // no point checking on
    }
    progress();
  };
  // A thread that fails stops the other at once: the saving thread must not wait for rows that never come, and
  // checking on is pointless when nothing can be saved. (A thread that ends normally stops nothing: the saving
  // thread may still be inserting the last batches when checking is done.)
  const stopIfFailed = (failed: boolean) => (failed && stop(), failed);
  const [checkFailed, saveFailed] = await Promise.all([threadEnded(checker, onCheck).then(stopIfFailed), threadEnded(saver, onSave).then(stopIfFailed)]);
  // A failure stops the other thread too (the same flag as a cancel): only the desk's own cancel reads 'cancelled'.
  if (job.cancelRequested && (checkCancelled || saved === 'cancelled')) return void (job.state = 'cancelled');
  if (checkFailed || saveFailed || checkCancelled || (saved !== 'done' && saved !== 'abandoned') || !job.report) {
    job.state = 'failed';
    job.message = UNEXPECTED;
    return;
  }
  if (mode === 'all-or-nothing' && job.report.invalidRows > 0) {
    job.state = 'failed';
    job.imported = 0;
    job.message = `${job.report.invalidRows} row(s) have problems, so nothing was imported. Fix them, or import only the valid rows.`;
    return;
  }
  job.percent = 100;
  job.state = 'done';
}

/**
 * While the import holds the write lock, a write on the desk's own connection could only wait out busy_timeout —
 * and better-sqlite3 waits synchronously, freezing the main thread (and every read the window asks for) for up
 * to 5 s before failing anyway. For the import's duration such a write fails at once instead (BUSY: "try again
 * in a moment"); reads don't need the lock and keep answering. Returns the restore.
 */
function failFast(desk: Database.Database): () => void {
  const waitMs = desk.pragma('busy_timeout', { simple: true }) as number;
  desk.pragma('busy_timeout = 0');
  return () => void desk.pragma(`busy_timeout = ${Math.max(0, Math.floor(waitMs))}`);
}

export type { ImportReport };
