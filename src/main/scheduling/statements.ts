// Prepared statements cached per connection: the calendar and the booking path run the same few queries
// thousands of times a day, and preparing costs more than running them.
import type Database from 'better-sqlite3';
import type { Db } from '../db/client';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function statement(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db.$client);
  if (!cache) caches.set(db.$client, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.$client.prepare(sql)));
  return s;
}
