// A bench clinic: a temp data folder opened like the app opens it (real migrations, real pragmas), set up once.
import { resolve } from 'node:path';
import { openCore, type Core } from '../src/main/core';

export const MIGRATIONS = resolve(__dirname, '../drizzle');
export const BENCH_NOW = new Date('2026-11-20T12:00:00Z');

export async function openBenchClinic(dir: string): Promise<Core> {
  const core = openCore({ dataDir: dir, migrationsFolder: MIGRATIONS, now: () => BENCH_NOW });
  const clinic = { name: 'Bench Clinic', country: 'GB', timeZone: 'Europe/London', currency: 'GBP', lockAfterMinutes: 5 };
  const admin = { username: 'admin', displayName: 'Bench Admin', password: 'bench password 123' };
  const r = await core.dispatch('setup.complete', { clinic, admin }, { senderId: 'bench', trusted: true });
  if (!r.ok) throw new Error(`setup failed: ${r.error.message}`);
  return core;
}
