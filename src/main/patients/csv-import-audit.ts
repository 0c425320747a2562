// While a CSV import holds the write lock, the audit entries of read channels (a patient opened: 'view') wait here
// in memory and are written as soon as the import ends, with the time they happened — so the desk can open a
// patient during an import, and the opening is still audited. Only entries that met the import's lock wait;
// any other failure, or a lock held by anything else, answers as before (BUSY).
import type { AuditAction, AuditEntity } from '../../shared/audit';
import { recordAudit } from '../audit/service';
import type { Db } from '../db/client';
import { isDatabaseBusy } from '../ipc/errors';

interface AuditEntry {
  at: Date;
  userId: number | null;
  action: AuditAction;
  entity: AuditEntity;
  entityId?: number | null;
}

/** Per clinic file: how many imports are running, and the entries waiting for them to end. */
const waiting = new WeakMap<Db, { imports: number; entries: AuditEntry[] }>();

const stateOf = (db: Db) => {
  let state = waiting.get(db);
  if (!state) waiting.set(db, (state = { imports: 0, entries: [] }));
  return state;
};

/** Records the entry now, or — if an import of this clinic holds the write lock — as soon as that import ends. */
export function recordAuditDuringImport(db: Db, entry: AuditEntry): void {
  try {
    recordAudit(db, entry);
  } catch (e) {
    const state = stateOf(db);
    if (!state.imports || !isDatabaseBusy(e)) throw e;
    state.entries.push(entry); // ids and an action only: nothing about the patient
  }
}

/** Call when an import starts; the returned function when it has ended (committed or rolled back). */
export function importHoldsLock(db: Db): () => void {
  const state = stateOf(db);
  state.imports++;
  return () => {
    state.imports--;
    if (!state.entries.length) return;
    const entries = state.entries.splice(0);
    try {
      db.$client.transaction(() => entries.forEach((entry) => recordAudit(db, entry))).immediate();
    } catch {
      state.entries.unshift(...entries); // another writer right now: written when the next import ends
    }
  };
}
