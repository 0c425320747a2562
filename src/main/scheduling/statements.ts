// Prepared statements cached per connection: the calendar and the booking path run the same few queries
// thousands of times a day, and preparing costs more than running them.
import type Database from 'better-sqlite3';
import type { Db } from '../db/client';

/*
 * Write `column = +?`, not `column = ?`, in a statement with ORDER BY or a join: this SQLite build (3.54, STAT4)
 * marks a bare parameter compared with a column in such a statement as plan-relevant, and re-prepares the
 * statement on every run (~15–25 µs, and better-sqlite3 then compiles a new row factory). `+?` is an expression
 * with the same value and no affinity, still an index constraint, and not peeked at.
 */
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function statement(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db.$client);
  if (!cache) caches.set(db.$client, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.$client.prepare(sql)));
  return s;
}
