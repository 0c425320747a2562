// Starts the write-ahead log over while the desk is idle, so the next booking's commit does not have to.
import type Database from 'better-sqlite3';
import { isDatabaseBusy } from '../ipc/errors';

/*
 * Why: once a checkpoint has copied the whole log back, SQLite starts the log over at the next commit — it writes a
 * new log header and fsyncs it before writing the commit's pages and fsyncing again. The idle checkpoint made every
 * desk booking that first commit. Measured on this VM, an 11-page commit right after a full checkpoint: p50 0.72 ms;
 * the same commit on a log already started over: 0.39 ms. A one-page write in the quiet second (the database
 * header's user_version, rewritten with its own value; Anteroom does not use it) takes that step instead.
 * Durability is unchanged: it is an ordinary committed transaction, fsynced like every other.
 */

interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/** PASSIVE checkpoint; when it copied the whole log, the log is started over at once. Returns whether it was. */
export function checkpointAndStartOver(sqlite: Database.Database): boolean {
  const [result] = sqlite.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
  // With frames left (a reader still needs them), SQLite would not start over at the next commit either.
  if (!result || result.busy !== 0 || result.log !== result.checkpointed || result.log <= 0) return false;
  return startLogOver(sqlite);
}

function startLogOver(sqlite: Database.Database): boolean {
  if (sqlite.memory || sqlite.inTransaction) return false;
  return idleWrite(sqlite, () => {
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    sqlite.pragma(`user_version = ${version}`);
  });
}

/**
 * A write the idle desk does for itself, only if nobody else is writing: another connection holding the lock (a CSV
 * import's saving thread) means the desk is not idle, so this gives up at once instead of waiting out busy_timeout
 * on the main thread. Returns whether it wrote.
 */
export function idleWrite(sqlite: Database.Database, write: () => void): boolean {
  const patience = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 0');
  try {
    write();
    return true;
  } catch (e) {
    if (isDatabaseBusy(e)) return false;
    throw e;
  } finally {
    sqlite.pragma(`busy_timeout = ${patience}`);
  }
}
