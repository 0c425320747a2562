// Lets a CSV import stand in for a per-patient trigger with set-based statements, safely: the trigger is dropped
// INSIDE the import's transaction and recreated from its own stored SQL before COMMIT. DDL is transactional in
// SQLite, so a cancel, a failure or a crash (uncommitted WAL) restores it, and no other connection can see it
// missing — they read the last committed schema, and writers wait for the import's lock. A stand-in mirrors the
// trigger exactly as its migration defines it: if the trigger is ever redefined (its SQL no longer hashes to the
// mirrored one), it is left alone and keeps firing — slower, never different.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** Drops `name` if its SQL hashes to `mirroredSha256` and returns that SQL (to restore it); else null, trigger kept. */
export function takeOverTrigger(sqlite: Database.Database, name: string, mirroredSha256: string): string | null {
  if (!sqlite.inTransaction) throw new Error('a trigger may only be taken over inside the import transaction');
  const sql = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(name);
  if (typeof sql !== 'string' || createHash('sha256').update(sql).digest('hex') !== mirroredSha256) return null;
  sqlite.exec(`DROP TRIGGER ${name}`);
  return sql;
}
