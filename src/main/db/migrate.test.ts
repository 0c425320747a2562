// Startup migrations over real SQLite files: fresh, repeated, failing, edited, newer, and drizzle-style table rebuilds.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotDatabase } from '../testing/db-snapshot';
import { ADMIN_PASSWORD, CLINIC, MIGRATIONS, openTestCore, tempDataDir } from '../testing/test-core';
import { openDatabase } from './client';
import { MigrationError, migrateDatabase } from './migrate';

interface Journal {
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
}

const cleanup: string[] = [];
afterEach(() => {
  for (const dir of cleanup.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = tempDataDir();
  cleanup.push(dir);
  return dir;
}

/** A copy of drizzle/ that a test may change: edit an applied migration or append a new one. */
function migrationsCopy(): { folder: string; append(tag: string, sql: string): void; edit(tag: string, sql: string): void } {
  const folder = join(tempDir(), 'drizzle');
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journalFile = join(folder, 'meta/_journal.json');
  return {
    folder,
    append(tag, sql) {
      const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
      const last = journal.entries.at(-1);
      if (!last) throw new Error('empty journal');
      writeFileSync(join(folder, `${tag}.sql`), sql);
      journal.entries.push({ idx: last.idx + 1, version: last.version, when: last.when + 1000, tag, breakpoints: true });
      writeFileSync(journalFile, JSON.stringify(journal, null, 2));
    },
    edit(tag, sql) {
      writeFileSync(join(folder, `${tag}.sql`), sql);
    },
  };
}

/** A data folder holding a clinic set up with the current migrations (an admin, an audit trail). */
async function clinicDataFolder(): Promise<{ dataDir: string; dbFile: string }> {
  const dataDir = tempDir();
  const core = openTestCore(dataDir);
  const r = await core.dispatch(
    'setup.complete',
    { clinic: CLINIC, admin: { username: 'admin', displayName: 'Ada Admin', password: ADMIN_PASSWORD } },
    { senderId: 'desk', trusted: true },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  core.close();
  return { dataDir, dbFile: join(dataDir, 'anteroom.db') };
}

function withDatabase<T>(file: string, use: (sqlite: Database.Database) => T): T {
  const db = openDatabase(file);
  try {
    return use(db.$client);
  } finally {
    db.$client.close();
  }
}

const migrate = (sqlite: Database.Database, dataDir: string, migrationsFolder = MIGRATIONS) =>
  migrateDatabase(sqlite, { migrationsFolder, backupDir: join(dataDir, 'backups') });

const journalTags = () => (JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as Journal).entries.map((e) => e.tag);

describe('migrateDatabase', () => {
  it('brings a fresh file up to date without taking a backup, then applies nothing on the next start', () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'anteroom.db');
    withDatabase(file, (sqlite) => {
      const first = migrate(sqlite, dataDir);
      expect(first).toEqual({ applied: journalTags().length, backupPath: null });
      const hashes = (sqlite.prepare('SELECT hash FROM __drizzle_migrations ORDER BY id').all() as { hash: string }[]).map((r) => r.hash);
      expect(hashes).toEqual(readMigrationFiles({ migrationsFolder: MIGRATIONS }).map((m) => m.hash));
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    });
    withDatabase(file, (sqlite) => {
      const before = snapshotDatabase(sqlite);
      expect(migrate(sqlite, dataDir)).toEqual({ applied: 0, backupPath: null });
      expect(snapshotDatabase(sqlite)).toEqual(before);
    });
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
  });

  it('rolls a failing update back completely and keeps an openable backup holding the old rows', async () => {
    const { dataDir, dbFile } = await clinicDataFolder();
    const update = migrationsCopy();
    update.append('9000_half_done', 'CREATE TABLE `half_done` (`id` integer);\n--> statement-breakpoint\nUPDATE `clinic` SET `name` = \'changed\';\n--> statement-breakpoint\nSELECT * FROM `no_such_table`;\n');

    const before = withDatabase(dbFile, snapshotDatabase);
    let error: unknown;
    withDatabase(dbFile, (sqlite) => {
      try {
        migrate(sqlite, dataDir, update.folder);
      } catch (e) {
        error = e;
      }
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    });
    expect(error).toBeInstanceOf(MigrationError);
    const failure = error as MigrationError;
    expect(failure.message).toMatch(/rolled back; your records are unchanged/);

    const after = withDatabase(dbFile, snapshotDatabase);
    expect(after).toEqual(before);
    expect(after).not.toHaveProperty('half_done');

    expect(failure.backupPath).not.toBeNull();
    const backup = failure.backupPath ?? '';
    expect(readdirSync(join(dataDir, 'backups'))).toEqual([backup.split('/').at(-1)]);
    const copy = new Database(backup, { readonly: true, fileMustExist: true });
    try {
      expect(snapshotDatabase(copy)).toEqual(before);
      expect(copy.prepare('SELECT name FROM clinic').get()).toEqual({ name: CLINIC.name });
    } finally {
      copy.close();
    }
  });

  it('refuses to start when an already-applied migration was edited afterwards', async () => {
    const { dataDir, dbFile } = await clinicDataFolder();
    const [firstTag] = journalTags();
    const edited = migrationsCopy();
    edited.edit(firstTag ?? '', `${readFileSync(join(MIGRATIONS, `${firstTag}.sql`), 'utf8')}\n-- edited after release\n`);
    const before = withDatabase(dbFile, snapshotDatabase);
    withDatabase(dbFile, (sqlite) => {
      expect(() => migrate(sqlite, dataDir, edited.folder)).toThrow(/Migration 1 differs from the one already applied/);
    });
    expect(withDatabase(dbFile, snapshotDatabase)).toEqual(before);
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
  });

  it('refuses a data file written by a newer version instead of guessing', async () => {
    const { dataDir, dbFile } = await clinicDataFolder();
    const older = migrationsCopy();
    const journalFile = join(older.folder, 'meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
    writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, -1) }));
    withDatabase(dbFile, (sqlite) => {
      expect(() => migrate(sqlite, dataDir, older.folder)).toThrow(/newer version of Anteroom/);
    });
  });

  it('applies a drizzle-style rebuild of a table other tables point at, keeping every row and key', async () => {
    const { dataDir, dbFile } = await clinicDataFolder();
    // What drizzle-kit emits to alter a column of `staff`: new table, copy, drop, rename, re-index.
    const { createTable, indexes } = withDatabase(dbFile, (sqlite) => ({
      createTable: (sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'staff'").get() as { sql: string }).sql,
      indexes: (sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'staff' AND sql IS NOT NULL").all() as { sql: string }[]).map((r) => r.sql),
    }));
    const statements = [
      'PRAGMA foreign_keys=OFF;',
      createTable.replace(/CREATE TABLE [`"]?staff[`"]?/, 'CREATE TABLE `__new_staff`'),
      'INSERT INTO `__new_staff` SELECT * FROM `staff`;',
      'DROP TABLE `staff`;',
      'ALTER TABLE `__new_staff` RENAME TO `staff`;',
      'PRAGMA foreign_keys=ON;',
      ...indexes.map((sql) => `${sql};`),
    ];
    const update = migrationsCopy();
    update.append('9001_rebuild_staff', statements.join('\n--> statement-breakpoint\n'));

    const before = withDatabase(dbFile, snapshotDatabase);
    withDatabase(dbFile, (sqlite) => {
      const report = migrate(sqlite, dataDir, update.folder);
      expect(report.applied).toBe(1);
      expect(report.backupPath).not.toBeNull();
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    });
    const after = withDatabase(dbFile, snapshotDatabase);
    for (const table of Object.keys(before).filter((t) => t !== '__drizzle_migrations')) {
      expect(after[table], table).toEqual(before[table]);
    }
  });

  it('rolls back an update that would leave rows pointing at records that no longer exist', async () => {
    const { dataDir, dbFile } = await clinicDataFolder();
    const update = migrationsCopy();
    update.append('9002_orphans', 'DELETE FROM `staff`;\n');
    const before = withDatabase(dbFile, snapshotDatabase);
    withDatabase(dbFile, (sqlite) => {
      expect(() => migrate(sqlite, dataDir, update.folder)).toThrow(/rows would point at records that no longer exist/);
    });
    expect(withDatabase(dbFile, snapshotDatabase)).toEqual(before);
  });
});
