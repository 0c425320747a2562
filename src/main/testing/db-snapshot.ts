// Every row of every table, to prove that a refused call changed nothing.
import type Database from 'better-sqlite3';

export function snapshotDatabase(sqlite: Database.Database): Record<string, unknown[]> {
  // Plain tables only: FTS5 virtual/shadow tables mirror them (and some shadow tables have no rowid).
  const tables = sqlite
    .prepare("SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string; wr: number }[];
  const out: Record<string, unknown[]> = {};
  for (const { name, wr } of tables) out[name] = sqlite.prepare(`SELECT * FROM "${name}" ${wr ? '' : 'ORDER BY rowid'}`).all();
  return out;
}
