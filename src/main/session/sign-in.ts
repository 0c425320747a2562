// Checks a username and password, throttling repeated wrong attempts per account.
import { eq } from 'drizzle-orm';
import type { StaffMember } from '../../shared/staff';
import type { Db } from '../db/client';
import { staff } from '../db/schema';
import { AppFailure, unauthenticated } from '../ipc/errors';
import { toStaffMember } from '../staff/service';
import { hashPassword, verifyPassword } from '../staff/password';

/** Free attempts before throttling starts; then the wait doubles from 30 s up to 15 min. */
const FREE_ATTEMPTS = 5;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;

export type SignInOutcome = { ok: true; user: StaffMember } | { ok: false; userId: number | null; failure: AppFailure };

let dummyHash: Promise<string> | undefined;

export function throttleWaitMs(failedAttempts: number): number {
  if (failedAttempts < FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** (failedAttempts - FREE_ATTEMPTS), MAX_WAIT_MS);
}

const wrong = () => unauthenticated('That username and password do not match. Check Caps Lock and try again.');

/** Checks of one username still running or queued: the next one waits for them (see checkCredentials). */
const pending = new Map<string, Promise<unknown>>();

/**
 * Checks of one account run one after another, so each sees the failures counted before it: side by side, a burst
 * of guesses all read the same count during the slow hash and the throttle never started.
 */
export function checkCredentials(db: Db, username: string, password: string, now: Date): Promise<SignInOutcome> {
  const check = () => checkOnce(db, username, password, now);
  const result = (pending.get(username) ?? Promise.resolve()).then(check, check);
  const settled = result.catch(() => undefined);
  pending.set(username, settled);
  void settled.then(() => {
    if (pending.get(username) === settled) pending.delete(username);
  });
  return result;
}

async function checkOnce(db: Db, username: string, password: string, now: Date): Promise<SignInOutcome> {
  const row = db.select().from(staff).where(eq(staff.username, username)).get();
  if (!row) {
    // Spend the same time as a real check so response time does not reveal which usernames exist.
    await verifyPassword(password, await (dummyHash ??= hashPassword('not-a-real-password')));
    return { ok: false, userId: null, failure: wrong() };
  }
  if (row.lockedUntil && row.lockedUntil > now.toISOString()) {
    const seconds = Math.ceil((Date.parse(row.lockedUntil) - now.getTime()) / 1000);
    return { ok: false, userId: row.id, failure: unauthenticated(`Too many wrong passwords. Try again in ${seconds} seconds.`) };
  }
  const matches = await verifyPassword(password, row.passwordHash);
  if (!matches) {
    const failedAttempts = row.failedAttempts + 1;
    const wait = throttleWaitMs(failedAttempts);
    db.update(staff)
      .set({ failedAttempts, lockedUntil: wait ? new Date(now.getTime() + wait).toISOString() : null })
      .where(eq(staff.id, row.id))
      .run();
    return { ok: false, userId: row.id, failure: wrong() };
  }
  if (!row.active) {
    return { ok: false, userId: row.id, failure: unauthenticated('This account has been deactivated. Ask an administrator.') };
  }
  const updated = db
    .update(staff)
    .set({ failedAttempts: 0, lockedUntil: null, lastSignInAt: now.toISOString() })
    .where(eq(staff.id, row.id))
    .returning()
    .get()!;
  return { ok: true, user: toStaffMember(updated) };
}
