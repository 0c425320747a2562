// How long a failed job waits before its next attempt: doubling from 5 s, capped at 10 min, with jitter.
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 10 * 60_000;

/** attempts ≥ 1 (the attempt that just failed). Equal jitter: never less than half the step, so desks don't stampede. */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
