// What the CSV import's threads are given and tell each other: the main thread starts a checking thread and a
// saving thread; checked chunks go straight from the one to the other over their own port.
import type { MessagePort } from 'node:worker_threads';
import type { ImportMode, ImportReport } from '../../shared/patient-csv';
import type { PatientFields } from '../../shared/patients';
import type { ImportRequest } from './csv-import-check';
import type { SearchValues } from './csv-import-search-index';

/**
 * Rows checked per turn of the event loop (about 40 ms of work, so the window's other calls wait no longer when
 * the preview checks a file on the main thread).
 */
export const CHECK_CHUNK = 1_000;

/**
 * Valid rows handed to the saving thread per message, each moved by one statement: fewer, larger statements copy
 * fewer pages (measured at 100,000 rows: ~4.0 s of inserting with chunks of 1,000, ~3.3 s with 4,000); a cancel
 * waits for at most one (~150 ms).
 */
export const HAND_OVER_ROWS = 4_000;

/** Int32Array over it: [0] becomes 1 when the desk cancels (or the other thread failed); both threads check it per chunk. */
export type CancelFlag = SharedArrayBuffer;

export interface CheckWork {
  role: 'check';
  file: string;
  request: ImportRequest;
  mode: ImportMode;
  cancel: CancelFlag;
  /** To the saving thread. */
  rows: MessagePort;
}

export interface SaveWork {
  role: 'save';
  file: string;
  userId: number;
  /** The import's instant (ISO): created_at of every patient and the audit entry's time. */
  at: string;
  cancel: CancelFlag;
  /** From the checking thread. */
  rows: MessagePort;
}

export type ImportThreadWork = CheckWork | SaveWork;

/** Checking thread → saving thread. */
export type RowsMessage =
  | { type: 'rows'; rows: PatientFields[]; search: SearchValues[]; totalRows: number }
  /** Roll back, nothing more comes: all-or-nothing and a row is invalid, or checking stopped (cancel, failure). */
  | { type: 'abandon' }
  /** Every row was checked: commit (unless cancelled meanwhile). */
  | { type: 'end' };

/** Main thread → saving thread: stop now (cancel, or the checking thread failed). */
export interface StopMessage {
  type: 'stop';
}

/** Checking thread → main thread. */
export type CheckNews = { type: 'checked'; share: number; totalRows: number } | { type: 'report'; report: ImportReport; cpuMs: number } | { type: 'cancelled' };

export type SaveOutcome = 'done' | 'cancelled' | 'abandoned' | 'failed';

/** Saving thread → main thread. */
export type SaveNews = { type: 'inserted'; done: number } | { type: 'saved'; outcome: SaveOutcome; imported: number; cpuMs: number };

/** CPU time of the calling thread so far, in ms (process.threadCpuUsage is Node ≥ 23.9; absent → 0). */
export function threadCpuMs(): number {
  const usage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.();
  return usage ? (usage.user + usage.system) / 1000 : 0;
}
