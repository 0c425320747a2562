// The log is given its working size once, so commits overwrite it rather than extend it — over a real SQLite file.
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { tempDataDir } from '../testing/test-core';
import { logWorkingSize, reserveLog } from './log-reserve';

const dirs: string[] = [];
const open: Database.Database[] = [];
afterEach(() => {
  for (const c of open.splice(0)) if (c.open) c.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function clinicFile() {
  const dir = tempDataDir();
  dirs.push(dir);
  const file = join(dir, 'clinic.db');
  const connect = () => {
    const c = new Database(file);
    c.pragma('journal_mode = WAL');
    c.pragma('synchronous = FULL');
    c.pragma('busy_timeout = 5000');
    open.push(c);
    return c;
  };
  const sqlite = connect();
  sqlite.exec('CREATE TABLE bookings (id INTEGER PRIMARY KEY, note TEXT NOT NULL)');
  for (let i = 0; i < 20; i++) sqlite.prepare('INSERT INTO bookings (note) VALUES (?)').run(`booking ${i}`);
  return { sqlite, connect, log: () => statSync(`${file}-wal`).size };
}

it('sizes the log once, keeps every row, and leaves no table behind', () => {
  const { sqlite, log } = clinicFile();
  expect(log()).toBeLessThan(logWorkingSize(sqlite));
  expect(reserveLog(sqlite)).toBe(true);
  expect(log()).toBeGreaterThanOrEqual(logWorkingSize(sqlite));
  expect(reserveLog(sqlite)).toBe(false); // already sized
  expect(sqlite.prepare('SELECT count(*) FROM bookings').pluck().get()).toBe(20);
  expect(sqlite.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'anteroom_log_reserve'`).pluck().get()).toBe(0);
  expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
});

it('after sizing, a run of commits reuses the log instead of growing it', () => {
  const { sqlite, log } = clinicFile();
  reserveLog(sqlite);
  const sized = log();
  const insert = sqlite.prepare('INSERT INTO bookings (note) VALUES (?)');
  // ~900 one-page commits: under SQLite's checkpoint bound, all inside the space already there.
  for (let i = 0; i < 900; i++) sqlite.transaction(() => insert.run(`later ${i}`)).immediate();
  expect(log()).toBe(sized);
  // And past the bound: SQLite checkpoints and starts over from the log's beginning, still without growing it.
  for (let i = 0; i < 1_500; i++) sqlite.transaction(() => insert.run(`burst ${i}`)).immediate();
  expect(log()).toBe(sized);
  expect(sqlite.prepare('SELECT count(*) FROM bookings').pluck().get()).toBe(2_420);
});

it('does not wait for another connection that is writing, and keeps the connection’s patience', () => {
  const { sqlite, connect, log } = clinicFile();
  const importing = connect();
  importing.prepare('BEGIN IMMEDIATE').run();
  const started = Date.now();
  expect(reserveLog(sqlite)).toBe(false);
  expect(Date.now() - started).toBeLessThan(1_000); // not the 5 s busy_timeout
  expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
  importing.prepare('COMMIT').run();
  expect(reserveLog(sqlite)).toBe(true);
  expect(log()).toBeGreaterThanOrEqual(logWorkingSize(sqlite));
});

it('leaves a database without a log alone', () => {
  const memory = new Database(':memory:');
  open.push(memory);
  expect(reserveLog(memory)).toBe(false);
});

it('a clinic opened by the app cuts a log grown by a big write back to twice its working size, never below it', async () => {
  const { openDatabase } = await import('./client');
  const dir = tempDataDir();
  dirs.push(dir);
  const db = openDatabase(join(dir, 'clinic.db'));
  const sqlite = db.$client;
  open.push(sqlite);
  sqlite.exec('CREATE TABLE imported (id INTEGER PRIMARY KEY, row BLOB)');
  sqlite.prepare('INSERT INTO imported (row) VALUES (zeroblob(30000000))').run(); // ~30 MB in one commit
  const log = () => statSync(join(dir, 'clinic.db-wal')).size;
  expect(log()).toBeGreaterThan(30_000_000);
  sqlite.pragma('wal_checkpoint(PASSIVE)');
  sqlite.prepare('INSERT INTO imported (row) VALUES (1)').run(); // the log starts over
  expect(log()).toBe(2 * logWorkingSize(sqlite));
  expect(reserveLog(sqlite)).toBe(false); // still at least its working size
});
