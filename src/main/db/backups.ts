// Daily copies of the clinic's data file, kept for a week, so a damaged or deleted file can be brought back.
//
// The copy is SQLite's online backup (better-sqlite3's backup()): it copies the file a hundred pages per turn of
// the event loop, so the desk keeps answering while a large clinic is copied, and the result is one consistent
// moment of the data even if the desk writes meanwhile. It is written under a temporary name and renamed when
// complete, so a copy cut short (power lost, app closed) is never mistaken for a good one.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { localDateOf } from '../scheduling/time';

/** Daily copies kept: a week, so a problem noticed a few days late can still be undone. */
export const DAILY_KEEP = 7;
/** Copies taken before an update of the data file: the latest few are enough to go back to. */
export const BEFORE_UPDATE_KEEP = 3;

const DAILY = /^anteroom-daily-(\d{4}-\d{2}-\d{2})\.db$/;
const BEFORE_UPDATE = /^anteroom-before-migration-.+\.db$/;
const PARTIAL = '.partial';

export const dailyBackupName = (day: string) => `anteroom-daily-${day}.db`;

/** The clinic's calendar day (YYYY-MM-DD) at `now`: a daily copy is named by the day the clinic lived. */
export function clinicDay(now: Date, timeZone: string): string {
  return localDateOf(timeZone, now.getTime());
}

export interface BackupInfo {
  file: string;
  day: string;
  bytes: number;
}

/** The complete daily copies in `dir`, newest first. */
export function listDailyBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, day: DAILY.exec(name)?.[1] }))
    .filter((f): f is { name: string; day: string } => f.day !== undefined)
    .sort((a, b) => b.day.localeCompare(a.day))
    .map(({ name, day }) => ({ file: join(dir, name), day, bytes: statSync(join(dir, name)).size }));
}

/**
 * Takes today's copy unless it exists; answers the copy's path, or null when there was nothing to do.
 * Older copies beyond what is kept are removed only after the new one is complete.
 */
export async function backUpDay(sqlite: Database.Database, dir: string, day: string): Promise<string | null> {
  const target = join(dir, dailyBackupName(day));
  if (existsSync(target)) return null;
  mkdirSync(dir, { recursive: true });
  const partial = target + PARTIAL;
  rmSync(partial, { force: true });
  try {
    await sqlite.backup(partial);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  renameSync(partial, target);
  pruneBackups(dir);
  return target;
}

/** Keeps the newest DAILY_KEEP daily copies and BEFORE_UPDATE_KEEP pre-update copies; clears copies cut short (call it only while no copy is being written). */
export function pruneBackups(dir: string): void {
  if (!existsSync(dir)) return;
  const names = readdirSync(dir);
  const doomed = [
    ...names.filter((n) => DAILY.test(n)).sort().reverse().slice(DAILY_KEEP),
    // The stamp is an ISO instant, so name order is age order.
    ...names.filter((n) => BEFORE_UPDATE.test(n)).sort().reverse().slice(BEFORE_UPDATE_KEEP),
    ...names.filter((n) => n.endsWith(PARTIAL)),
  ];
  for (const name of doomed) rmSync(join(dir, name), { force: true });
}

export interface DailyBackups {
  /** Settles when the check in progress (if any) is over: the app waits for it before closing the database. */
  stop: () => Promise<void>;
}

/**
 * Checks soon after start and then every `everyMs` whether today's copy exists, and takes it if not — a desk left
 * running overnight gets the new day's copy too. `today` answers null until the clinic is set up. A failed copy
 * is logged (no patient data: only the error) and tried again at the next check.
 */
export function startDailyBackups(opts: {
  sqlite: Database.Database;
  dir: string;
  today: () => string | null;
  firstAfterMs?: number;
  everyMs?: number;
  onError: (e: unknown) => void;
}): DailyBackups {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const check = () => {
    running = running.then(async () => {
      const day = stopped || !opts.sqlite.open ? null : opts.today();
      if (!day) return;
      await backUpDay(opts.sqlite, opts.dir, day).catch((e: unknown) => {
        // Closing the app cuts a copy short on purpose; only other failures are worth a line in the log.
        if (!stopped) opts.onError(e);
      });
    });
  };
  // Not at once: the first minute after start belongs to the desk opening its day.
  const first = setTimeout(check, opts.firstAfterMs ?? 60_000);
  const every = setInterval(check, opts.everyMs ?? 30 * 60_000);
  first.unref?.();
  every.unref?.();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      return running;
    },
  };
}
