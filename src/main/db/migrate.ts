// Applies drizzle-kit's migrations at startup, copying the data file aside first.
// On any failure nothing is changed (one transaction) and startup stops with a clear message.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly backupPath: string | null,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

export interface MigrationReport {
  applied: number;
  backupPath: string | null;
}

const TABLE = '__drizzle_migrations';

export function migrateDatabase(sqlite: Database.Database, opts: { migrationsFolder: string; backupDir: string; now?: Date }): MigrationReport {
  const files = readMigrationFiles({ migrationsFolder: opts.migrationsFolder });
  sqlite.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (id INTEGER PRIMARY KEY AUTOINCREMENT, hash TEXT NOT NULL, created_at NUMERIC)`);
  const applied = sqlite.prepare(`SELECT hash, created_at AS createdAt FROM ${TABLE} ORDER BY created_at, id`).all() as { hash: string; createdAt: number }[];

  // An applied migration that was edited afterwards means this build and this data disagree: stop.
  applied.forEach((row, i) => {
    const file = files[i];
    if (!file) throw new MigrationError('This data file was written by a newer version of Anteroom. Install the newer version to open it.', null);
    if (file.hash !== row.hash) throw new MigrationError(`Migration ${i + 1} differs from the one already applied to this data file.`, null);
  });

  const pending = files.slice(applied.length);
  if (pending.length === 0) return { applied: 0, backupPath: null };

  const hasData = applied.length > 0;
  let backupPath: string | null = null;
  if (hasData) {
    mkdirSync(opts.backupDir, { recursive: true });
    const stamp = (opts.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
    backupPath = join(opts.backupDir, `anteroom-before-migration-${stamp}.db`);
    if (existsSync(backupPath)) backupPath = backupPath.replace(/\.db$/, `-${process.pid}.db`);
    // VACUUM INTO writes a consistent copy even while the WAL holds recent commits.
    sqlite.prepare('VACUUM INTO ?').run(backupPath);
  }

  const insert = sqlite.prepare(`INSERT INTO ${TABLE} (hash, created_at) VALUES (?, ?)`);
  // drizzle-kit alters a table by rebuilding it (create __new_x, copy, drop x, rename). With foreign keys on,
  // dropping a table that others point at fails, and the PRAGMA in drizzle's SQL is ignored inside a
  // transaction. So keys are off while migrating (SQLite's documented procedure) and checked in full before commit.
  const foreignKeysWereOn = sqlite.pragma('foreign_keys', { simple: true }) === 1;
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.transaction(() => {
      for (const m of pending) {
        for (const statement of m.sql) if (statement.trim()) sqlite.exec(statement);
        insert.run(m.hash, m.folderMillis);
      }
      const broken = sqlite.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`${broken.length} rows would point at records that no longer exist`);
    })();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new MigrationError(`Updating the data file failed and was rolled back; your records are unchanged. (${reason})`, backupPath);
  } finally {
    if (foreignKeysWereOn) sqlite.pragma('foreign_keys = ON');
  }
  return { applied: pending.length, backupPath };
}
