// Copies the write-ahead log back into the database file while the desk is idle, so a booking's commit does not
// also carry a checkpoint (writing ~1,000 pages into the file and fsyncing it: a 5–20 ms stall, 100 ms on a busy disk).
import type Database from 'better-sqlite3';
import { checkpointAndStartOver } from './log-restart';
import { reserveLog } from './log-reserve';

/** A checkpoint runs after one to two of these without a write on the connection. */
export const IDLE_TICK_MS = 1_000;

/*
 * SQLite's own bound (wal_autocheckpoint, 1,000 pages) stays: a burst with no quiet second in it — ~50 bookings
 * back to back, a CSV import — still checkpoints inside a commit. Raising it was measured and refused: the log then
 * grows through a burst, and a commit that extends the file fsyncs more slowly than one that overwrites the space
 * a checkpoint freed (~15–40 % at p50 on this machine). At a desk, bookings are seconds apart, so the idle
 * checkpoint always comes first and the log is reused from its start.
 *
 * Durability is unchanged: with synchronous=FULL every commit fsyncs the log, and a PASSIVE checkpoint only copies
 * committed pages (never waiting for, or blocking, a reader or writer). Closing the last connection checkpoints too.
 */
export function checkpointWhenIdle(sqlite: Database.Database, tickMs = IDLE_TICK_MS): void {
  const tick = idleTicker(sqlite);
  const timer = setInterval(() => {
    if (!sqlite.open) return clearInterval(timer);
    tick();
  }, tickMs);
  // Never what keeps the app (or a test run) alive.
  timer.unref();
}

/** What one look did: nothing (the desk wrote during the last tick, or there was nothing to do), copied the log, or sized it. */
export type IdleStep = 'busy' | 'idle' | 'checkpointed' | 'reserved';

/**
 * One look per tick: checkpoints when nothing was written since the last look but something since the last
 * checkpoint; otherwise, once the log is fully copied, gives it its working size if it is smaller (log-reserve.ts).
 */
export function idleTicker(sqlite: Database.Database): () => IdleStep {
  const changes = sqlite.prepare('SELECT total_changes()').pluck();
  let seen = changes.get() as number;
  let checkpointed = seen;
  // A failed reserve (a full disk, say) is not retried every second; the desk works without it.
  let reserveFailed = false;
  return () => {
    if (sqlite.inTransaction) return 'busy';
    const now = changes.get() as number;
    // Written to during the last tick: the desk is busy, and a checkpoint now could hold up its next click.
    if (now !== seen) {
      seen = now;
      return 'busy';
    }
    if (now !== checkpointed) {
      checkpointAndStartOver(sqlite);
      checkpointed = now;
      return 'checkpointed';
    }
    if (reserveFailed) return 'idle';
    try {
      if (!reserveLog(sqlite)) return 'idle';
    } catch {
      reserveFailed = true;
      return 'idle';
    }
    seen = checkpointed = changes.get() as number;
    return 'reserved';
  };
}
