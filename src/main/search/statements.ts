// Prepared statements cached per connection: preparing costs more than running an indexed lookup.
import type Database from 'better-sqlite3';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function statement(sqlite: Database.Database, sql: string): Database.Statement {
  let byText = cache.get(sqlite);
  if (!byText) cache.set(sqlite, (byText = new Map()));
  let stmt = byText.get(sql);
  if (!stmt) byText.set(sql, (stmt = sqlite.prepare(sql)));
  return stmt;
}

const tables = new WeakMap<Database.Database, Map<string, boolean>>();

/** Whether a table exists; other domains' tables (appointments, payments) appear through later migrations. */
export function hasTable(sqlite: Database.Database, name: string): boolean {
  let known = tables.get(sqlite);
  if (!known) tables.set(sqlite, (known = new Map()));
  let exists = known.get(name);
  if (exists === undefined) {
    exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
    // Only a positive answer is cached: a table can be created later (migrations, tests) but is never dropped.
    if (exists) known.set(name, true);
  }
  return exists;
}
