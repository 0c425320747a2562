// Opens the clinic's SQLite file with the pragmas that keep medical records safe.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { registerSearchFunctions } from '../search/sql-functions';
import { checkpointWhenIdle } from './idle-checkpoint';
import { logWorkingSize } from './log-reserve';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function openDatabase(file: string): Db {
  const sqlite = new Database(file);
  // WAL lets a second desk window read while one writes; FULL fsyncs every commit (no lost bookings
  // on power loss); busy_timeout makes a racing writer wait instead of failing at once.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MB of page cache (default 2 MB): at 100,000 patients the day book's patient-name join and search read
  // pages all over the file; a desk computer has the memory, and a warm cache halves those reads.
  sqlite.pragma('cache_size = -65536');
  // After a big write (a CSV import) the log is cut back to twice its working size when it next starts over, instead
  // of keeping its peak size on disk until the app closes; the working size itself is kept (log-reserve.ts).
  sqlite.pragma(`journal_size_limit = ${2 * logWorkingSize(sqlite)}`);
  // The log goes back into the file while the desk is idle, not inside the booking whose commit crosses 1,000 pages;
  // the first quiet second also gives the log its working size, so commits overwrite it rather than extend it.
  checkpointWhenIdle(sqlite);
  registerSearchFunctions(sqlite); // the patient-search triggers call these
  return drizzle(sqlite, { schema }) as Db;
}
