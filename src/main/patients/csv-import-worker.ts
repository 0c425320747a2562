// Entry of the CSV import's worker threads (built as out/main/csv-import-worker.js): one file, two roles. Each
// role loads only its own modules: a thread's start-up is mostly loading code.
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportThreadWork } from './csv-import-messages';

const work = workerData as ImportThreadWork;
const main = parentPort;
if (!main) throw new Error('csv-import-worker runs as a worker thread');
if (work.role === 'check') void import('./csv-import-check-thread').then((m) => m.runChecking(work, main));
else void import('./csv-import-save-thread').then((m) => m.runSaving(work, main));
