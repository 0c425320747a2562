// While a CSV import holds the write lock, the audit entries of read channels (a patient opened: 'view') wait for it
// to end and are then written with the time they happened — so the desk can open a patient during an import, and
// the opening is still audited. They wait in a file in the data folder (csv-import-audit-file.ts), not in memory:
// if the app dies mid-import, the next start writes them. Only entries that met the import's lock wait; any other
// failure, or a lock held by anything else, answers as before (BUSY).
import { recordAudit } from '../audit/service';
import type { Db } from '../db/client';
import { isDatabaseBusy } from '../ipc/errors';
import { logError } from '../log';
import { keepWaiting, writeWaitingEntries, type WaitingAuditEntry } from './csv-import-audit-file';

/** Per clinic file: how many imports are running. */
const running = new WeakMap<Db, number>();

/** Records the entry now, or — if an import of this clinic holds the write lock — as soon as that import ends. */
export function recordAuditDuringImport(db: Db, entry: WaitingAuditEntry): void {
  try {
    recordAudit(db, entry);
  } catch (e) {
    if (!running.get(db) || !isDatabaseBusy(e)) throw e;
    keepWaiting(db, entry); // on disk before the read answers; ids and an action only, nothing about the patient
  }
}

/** Call when an import starts; the returned function when it has ended (committed or rolled back). */
export function importHoldsLock(db: Db): () => void {
  running.set(db, (running.get(db) ?? 0) + 1);
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    const left = (running.get(db) ?? 1) - 1;
    running.set(db, left);
    if (left > 0) return; // another import may hold the lock: the last one to end writes the entries
    writeEntriesLeftWaiting(db);
  };
}

/**
 * Writes entries still waiting in the data folder: at the end of an import, and at start-up for an import the app
 * did not live to finish. A failure leaves them in their file for the next import's end or the next start.
 */
export function writeEntriesLeftWaiting(db: Db): void {
  try {
    writeWaitingEntries(db);
  } catch (e) {
    logError('writing audit entries that waited for an import', e);
  }
}
