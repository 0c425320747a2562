// Boot test: an update whose migration fails must stop the app with a clear message, leave the clinic's
// data file byte-for-byte as it was, and keep the copy it took beforehand.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshotDatabase } from '../../src/main/testing/db-snapshot';
import { ADMIN_PASSWORD, CLINIC, openTestCore } from '../../src/main/testing/test-core';
import { bootApp, ensureBuilt, REPO_ROOT, tempDir, type BootResult } from './boot-run';

interface Journal {
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
}

/** A copy of drizzle/ plus one more migration that creates a table and then fails half-way. */
function migrationsWithBrokenUpdate(): string {
  const folder = join(tempDir('migrations'), 'drizzle');
  cpSync(join(REPO_ROOT, 'drizzle'), folder, { recursive: true });
  const journalFile = join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
  const last = journal.entries.at(-1);
  if (!last) throw new Error('drizzle/meta/_journal.json has no entries');
  const tag = '9999_broken_update';
  writeFileSync(
    join(folder, `${tag}.sql`),
    'CREATE TABLE `boot_half_done` (`id` integer PRIMARY KEY);\n--> statement-breakpoint\nINSERT INTO `no_such_table` (`id`) VALUES (1);\n',
  );
  journal.entries.push({ idx: last.idx + 1, version: last.version, when: last.when + 1000, tag, breakpoints: true });
  writeFileSync(journalFile, JSON.stringify(journal, null, 2));
  return folder;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function readOnly<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('boot: a failing migration on an existing data file', () => {
  let dataDir: string;
  let dbFile: string;
  let hashBefore: string;
  let rowsBefore: Record<string, unknown[]>;
  let boot: BootResult;

  beforeAll(async () => {
    ensureBuilt();
    dataDir = join(tempDir('broken'), 'data');
    dbFile = join(dataDir, 'anteroom.db');
    // A clinic that has been set up with the current build...
    const core = openTestCore(dataDir);
    const setup = await core.dispatch(
      'setup.complete',
      { clinic: CLINIC, admin: { username: 'admin', displayName: 'Ada Admin', password: ADMIN_PASSWORD } },
      { senderId: 'setup', trusted: true },
    );
    if (!setup.ok) throw new Error(`setup failed: ${JSON.stringify(setup.error)}`);
    core.close();
    hashBefore = sha256(dbFile);
    rowsBefore = readOnly(dbFile, snapshotDatabase);
    // ...then opened by an update whose new migration breaks.
    boot = await bootApp({ dataDir, env: { ANTEROOM_MIGRATIONS_DIR: migrationsWithBrokenUpdate() } });
  });

  it('shows an error box and exits with a non-zero code before any window or IPC exists', () => {
    const { report, code, stderr } = boot;
    expect(report.failure, stderr).toBeNull();
    expect(report.finishedBy).toBe('app.exit');
    expect(code).not.toBe(0);
    expect(report.errorBoxes).toHaveLength(1);
    expect(report.errorBoxes[0]?.title).toBe('Anteroom could not start');
    expect(report.errorBoxes[0]?.content).toMatch(/rolled back; your records are unchanged/);
    expect(report.windows).toEqual([]);
    expect(report.ipcChannels).toEqual([]);
    expect(report.loadedUrls).toEqual([]);
  });

  it('leaves the data file byte-identical, with every row as it was', () => {
    expect(sha256(dbFile)).toBe(hashBefore);
    expect(readOnly(dbFile, snapshotDatabase)).toEqual(rowsBefore);
  });

  it('keeps the copy taken before the update, openable and holding the clinic', () => {
    const backups = readdirSync(join(dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = join(dataDir, 'backups', backups[0] ?? '');
    expect(boot.report.errorBoxes[0]?.content).toContain(backup);
    const rows = readOnly(backup, snapshotDatabase);
    expect(rows).toEqual(rowsBefore);
    expect(rows['clinic']).toHaveLength(1);
    const tables = readOnly(backup, (db) => db.prepare("SELECT name FROM sqlite_master WHERE name = 'boot_half_done'").all());
    expect(tables).toEqual([]);
  });
});
