// The CSV import's saving thread: inserts the checked chunks as they arrive, all inside ONE write transaction
// on its own connection, and commits only when every row was checked — or rolls everything back on a cancel,
// an invalid row in all-or-nothing mode, or any failure. Off the main thread, so the desk's window never waits
// for it.
import type { MessagePort } from 'node:worker_threads';
import { recordAudit } from '../audit/service';
import { openDatabase, type Db } from '../db/client';
import { beginPatientInsert, type PatientInsert } from './csv-import-insert';
import { threadCpuMs, type RowsMessage, type SaveNews, type SaveOutcome, type SaveWork, type StopMessage } from './csv-import-messages';

export function runSaving(work: SaveWork, main: MessagePort): void {
  const cancel = new Int32Array(work.cancel);
  const tell = (news: SaveNews) => main.postMessage(news);
  const at = new Date(work.at);
  let conn: Db | null = null;
  let insert: PatientInsert | null = null;
  let over = false;

  // The transaction opens with the first chunk (or at the end, for a file without valid rows: the audit entry).
  const begun = (expectedRows: number): PatientInsert => {
    if (insert) return insert;
    conn = openDatabase(work.file);
    return (insert = beginPatientInsert(conn.$client, work.userId, at, expectedRows));
  };

  const finish = (outcome: SaveOutcome, imported = 0) => {
    over = true;
    try {
      if (outcome !== 'done') insert?.rollBack();
    } finally {
      conn?.$client.close();
      work.rows.off('message', onMessage);
      main.off('message', onMessage);
      work.rows.close();
      tell({ type: 'saved', outcome, imported, cpuMs: threadCpuMs() });
    }
  };

  function onMessage(m: RowsMessage | StopMessage): void {
    if (over) return;
    try {
      if (m.type === 'stop' || Atomics.load(cancel, 0) === 1) return finish('cancelled');
      if (m.type === 'abandon') return finish('abandoned');
      if (m.type === 'rows') return tell({ type: 'inserted', done: begun(m.totalRows).insert(m.rows, m.search) });
      const imported = begun(0).commit(() => recordAudit(conn!, { at, userId: work.userId, action: 'import', entity: 'patient', entityId: null }));
      finish('done', imported);
    } catch {
      // Details stay here: they could name a patient. The desk is told that nothing was imported.
      finish('failed');
    }
  }
  work.rows.on('message', onMessage);
  // The checking thread gone without saying 'end' (it always says it before closing its port): roll back.
  work.rows.on('close', () => onMessage({ type: 'abandon' }));
  main.on('message', onMessage);
}
