// Every row of every table, to prove that a refused call changed nothing.
import type Database from 'better-sqlite3';

export function snapshotDatabase(sqlite: Database.Database): Record<string, unknown[]> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) out[name] = sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all();
  return out;
}
