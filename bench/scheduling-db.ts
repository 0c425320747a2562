// For `npx tsx bench/scheduling.ts` run on its own: a temp clinic opened like the app (real migrations and
// pragmas) holding 100,000 plain patients and 1,000,000 appointments from seed-appointments.ts.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openCore, type Core } from '../src/main/core';
import { formatMrn } from '../src/main/patients/service';
import { seedSchedule } from './seed-appointments';

export const BENCH_NOW = new Date('2026-11-20T12:00:00Z');

/** A small, repeatable random source so every run builds the same clinic. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ana', 'Ben', 'Chloé', 'Dmitri', 'Emma', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Lucía'];
const LAST = ['Okafor', 'García', 'Müller', 'Smith', 'Nguyen', 'Rossi', 'Kowalski', 'Haddad', 'Tanaka', 'Dubois'];

/**
 * Builds the clinic in a temp folder — or, given `keepIn`, reuses the one built there before (building it the
 * first time), so repeated runs skip the two-minute seeding.
 */
export async function buildBenchClinic(keepIn?: string, patients = 100_000, appointments = 1_000_000): Promise<{ core: Core; dir: string; temporary: boolean }> {
  const dir = keepIn ?? mkdtempSync(join(tmpdir(), 'anteroom-sched-bench-'));
  if (keepIn) mkdirSync(keepIn, { recursive: true });
  const reuse = keepIn !== undefined && existsSync(join(keepIn, 'anteroom.db'));
  const core = openCore({ dataDir: dir, migrationsFolder: resolve(__dirname, '../drizzle'), now: () => BENCH_NOW });
  if (reuse) return { core, dir, temporary: false };
  const setup = await core.dispatch(
    'setup.complete',
    { clinic: { name: 'Bench Clinic', country: 'GB', timeZone: 'Europe/London', currency: 'GBP', lockAfterMinutes: 5 }, admin: { username: 'admin', displayName: 'Bench Admin', password: 'bench password 123' } },
    { senderId: 'bench', trusted: true },
  );
  if (!setup.ok) throw new Error(`setup failed: ${setup.error.message}`);
  const sqlite = core.db.$client;
  const insert = sqlite.prepare(
    `INSERT INTO patients (mrn, first_name, last_name, sort_name, date_of_birth, sex, phone, created_at, updated_at) VALUES (?, ?, ?, ?, '1980-01-01', 'unknown', ?, ?, ?)`,
  );
  const ids: number[] = [];
  const at = BENCH_NOW.toISOString();
  let t = process.hrtime.bigint();
  sqlite.transaction(() => {
    for (let i = 0; i < patients; i++) {
      const first = FIRST[i % FIRST.length]!;
      const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
      ids.push(Number(insert.run(formatMrn(i + 1), first, last, `${last} ${first}`.toLowerCase(), `+4479${String(i).padStart(8, '0')}`, at, at).lastInsertRowid));
    }
  })();
  console.log(`seeded ${ids.length} patients in ${(Number(process.hrtime.bigint() - t) / 1e6).toFixed(0)} ms`);
  t = process.hrtime.bigint();
  const made = seedSchedule(sqlite, ids, appointments, seededRandom(7), BENCH_NOW).appointments;
  console.log(`seeded ${made} appointments in ${(Number(process.hrtime.bigint() - t) / 1e6).toFixed(0)} ms`);
  return { core, dir, temporary: keepIn === undefined };
}
