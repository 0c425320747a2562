// The log is copied into the database file in a quiet moment, not inside a commit, over a real SQLite file.
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { tempDataDir } from '../testing/test-core';
import { checkpointWhenIdle, idleTicker } from './idle-checkpoint';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function openWal() {
  const dir = tempDataDir();
  dirs.push(dir);
  const file = join(dir, 'clinic.db');
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const insert = sqlite.prepare('INSERT INTO notes (body) VALUES (?)');
  const body = 'x'.repeat(1000);
  /** ~25 pages per commit. */
  const write = (commits: number) => {
    for (let c = 0; c < commits; c++) sqlite.transaction(() => Array.from({ length: 100 }, () => insert.run(body)))();
  };
  return { sqlite, size: () => statSync(file).size, write };
}

it('checkpoints only at a tick with no write since the one before, never inside a busy desk’s commits', () => {
  const { sqlite, size, write } = openWal();
  const tick = idleTicker(sqlite);
  const empty = size();
  // ~750 pages in 30 commits: under SQLite's own bound (1,000), so only the idle ticker copies them.
  write(30);
  expect(size()).toBe(empty);
  expect(tick()).toBe('busy'); // written since the last look
  write(1);
  expect(tick()).toBe('busy'); // still busy
  expect(size()).toBe(empty);
  expect(tick()).toBe('checkpointed'); // a quiet tick: copied now
  expect(size()).toBeGreaterThan(empty + 2_500_000);
  expect(tick()).toBe('reserved'); // the next quiet tick gives the log its working size (log-reserve.ts)
  expect(tick()).toBe('idle'); // nothing left to do
  expect(sqlite.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(3_100);
  sqlite.close();
});

it('runs by itself on a timer that stops when the connection closes', async () => {
  const { sqlite, size, write } = openWal();
  checkpointWhenIdle(sqlite, 20);
  const empty = size();
  write(10);
  for (let i = 0; i < 50 && size() === empty; i++) await sleep(20);
  expect(size()).toBeGreaterThan(empty);
  sqlite.close();
  await sleep(60); // the timer sees the closed connection and stops, without an error
});

/** The log header's salts: SQLite draws new ones each time it starts the log over. */
const logSalts = (file: string) => readFileSync(`${file}-wal`).subarray(16, 24).toString('hex');

it('after the idle checkpoint the log is already started over, so the next commit does not fsync a new log header first', () => {
  const { sqlite, write } = openWal();
  const tick = idleTicker(sqlite);
  write(5);
  expect(tick()).toBe('busy');
  expect(tick()).toBe('checkpointed');
  const startedOver = logSalts(sqlite.name);
  write(1); // the next booking, say
  expect(logSalts(sqlite.name)).toBe(startedOver);
  expect(sqlite.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(600);
  expect(sqlite.pragma('user_version', { simple: true })).toBe(0); // rewritten with its own value
});
