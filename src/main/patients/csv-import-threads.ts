// Starts one of the CSV import's worker threads: the built worker next to the app's main bundle
// (out/main/csv-import-worker.js, an entry of electron.vite.config.ts), or its TypeScript source through tsx
// when running from the sources (Vitest, the bench).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type Transferable } from 'node:worker_threads';
import type { ImportThreadWork } from './csv-import-messages';

export function startImportThread(work: ImportThreadWork, transferList: Transferable[]): Worker {
  // In the bundle this code sits in index.js or in a shared chunk one folder down (out/main/chunks).
  const built = [join(__dirname, 'csv-import-worker.js'), join(__dirname, '..', 'csv-import-worker.js')].find((f) => existsSync(f));
  if (built) return new Worker(built, { workerData: work, transferList });
  return new Worker(join(__dirname, 'csv-import-worker.ts'), { workerData: work, transferList, execArgv: ['--import', 'tsx'] });
}

/** Passes the thread's news to `onNews` until it ends; resolves true if it failed (threw, or exited non-zero). */
export function threadEnded<News>(thread: Worker, onNews: (news: News) => void): Promise<boolean> {
  let failed = false;
  thread.on('message', onNews);
  thread.on('error', () => (failed = true)); // what went wrong stays here: it could name a patient
  return new Promise((resolve) => thread.once('exit', (code) => resolve(failed || code !== 0)));
}
