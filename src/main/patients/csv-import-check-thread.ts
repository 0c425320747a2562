// The CSV import's checking thread: parses and checks every row (the same validateImport as the preview) and
// hands each chunk's valid rows to the saving thread at once, so checking and inserting run side by side.
import type { MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { PatientFields } from '../../shared/patients';
import { validateImport } from './csv-import-check';
import { searchValuesOf } from './csv-import-search-index';
import { HAND_OVER_ROWS, threadCpuMs, type CheckNews, type CheckWork, type RowsMessage } from './csv-import-messages';

export async function runChecking(work: CheckWork, main: MessagePort): Promise<void> {
  const cancel = new Int32Array(work.cancel);
  const tell = (news: CheckNews) => main.postMessage(news);
  const hand = (message: RowsMessage) => work.rows.postMessage(message);
  // Reads only (duplicate lookups): it never waits for, or stands in the way of, the saving thread's lock.
  const sqlite = new Database(work.file, { readonly: true, fileMustExist: true });
  let abandoned = false;
  let totalRows = 0;
  let handedOver = false;
  let batch: PatientFields[] = [];
  // The search values are worked out here, not on the saving thread, which holds the write lock meanwhile.
  const searchValues = searchValuesOf();
  const handOver = () => {
    if (batch.length) hand({ type: 'rows', rows: batch, search: batch.map(searchValues), totalRows });
    batch = [];
    handedOver = true;
  };
  try {
    const checked = await validateImport(sqlite, work.request, {
      cancelled: () => Atomics.load(cancel, 0) === 1,
      // Nothing else runs on this thread: no need to give the event loop a turn between chunks.
      nextTurn: () => Promise.resolve(),
      onProgress: (share) => tell({ type: 'checked', share, totalRows }),
      onValidChunk: (rows, invalidSoFar, total) => {
        totalRows = total;
        if (abandoned) return;
        if (work.mode === 'all-or-nothing' && invalidSoFar > 0) {
          abandoned = true; // nothing will be imported: the saving thread rolls back now; the report goes on
          hand({ type: 'abandon' });
          return;
        }
        for (const f of rows) batch.push(f);
        // The first chunk goes at once, so inserting starts while the rest is checked; then larger batches.
        if (!handedOver || batch.length >= HAND_OVER_ROWS) handOver();
      },
    });
    if (checked && !abandoned) handOver();
    // Only a file checked to its last row lets the saving thread commit; a cancel or a failure here rolls back.
    if (checked) hand({ type: 'end' });
    tell(checked ? { type: 'report', report: checked.report, cpuMs: threadCpuMs() } : { type: 'cancelled' });
  } finally {
    hand({ type: 'abandon' }); // ignored once the saving thread has ended
    work.rows.close();
    sqlite.close();
  }
}
