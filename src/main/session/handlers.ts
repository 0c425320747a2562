// First-run setup, sign-in, sign-out, and the idle lock.
import { count, eq } from 'drizzle-orm';
import type { SessionInfo } from '../../shared/auth';
import type { StaffMember } from '../../shared/staff';
import { findClinic, getClinic, saveClinic } from '../clinic/service';
import { staff } from '../db/schema';
import type { HandlerContext } from '../ipc/context';
import { conflict, unauthenticated } from '../ipc/errors';
import type { HandlersFor } from '../ipc/handler-types';
import { loadSampleData } from '../sample/sample-data';
import { recordAudit } from '../audit/service';
import { findStaffRow, insertStaff, toStaffMember } from '../staff/service';
import { hashPassword } from '../staff/password';
import { checkCredentials } from './sign-in';

function sessionInfo(ctx: HandlerContext, user: StaffMember, locked: boolean): SessionInfo {
  return { user, locked, clinic: getClinic(ctx.db) };
}

const needsSetup = (ctx: HandlerContext) => (ctx.db.select({ n: count() }).from(staff).get()?.n ?? 0) === 0;

export const sessionHandlers: HandlersFor<'setup' | 'auth'> = {
  'setup.status': (_input, ctx) => ({ needsSetup: needsSetup(ctx), clinicName: findClinic(ctx.db)?.name ?? null }),

  'setup.complete': async (input, ctx) => {
    if (!needsSetup(ctx)) throw conflict('This clinic is already set up. Sign in instead.');
    const now = ctx.now();
    // Hashing is slow and async, so it comes first; then the clinic, its first admin and the sample data are
    // written in ONE transaction. A failure part-way would otherwise leave a clinic with no admin (or an admin
    // with half the sample data), and setup could not be run again.
    const { password, ...admin } = input.admin;
    const passwordHash = await hashPassword(password);
    const created = ctx.db.$client.transaction(() => {
      if (!needsSetup(ctx)) throw conflict('This clinic is already set up. Sign in instead.');
      saveClinic(ctx.db, input.clinic, now);
      const member = insertStaff(ctx.db, { ...admin, role: 'admin' }, passwordHash, now);
      // Setup signs the new admin in, so it counts as their first sign-in.
      const signedIn = toStaffMember(ctx.db.update(staff).set({ lastSignInAt: now.toISOString() }).where(eq(staff.id, member.id)).returning().get()!);
      recordAudit(ctx.db, { at: now, userId: signedIn.id, action: 'setup', entity: 'clinic', entityId: 1 });
      if (input.loadSampleData) loadSampleData(ctx.db, signedIn.id, now);
      return signedIn;
    }).immediate();
    ctx.sessions.start(ctx.senderId, created.id, now);
    return sessionInfo(ctx, created, false);
  },

  'auth.signIn': async (input, ctx) => {
    const now = ctx.now();
    const outcome = await checkCredentials(ctx.db, input.username, input.password, now);
    if (!outcome.ok) {
      recordAudit(ctx.db, { at: now, userId: outcome.userId, action: 'sign-in-failed', entity: 'session', entityId: outcome.userId });
      throw outcome.failure;
    }
    recordAudit(ctx.db, { at: now, userId: outcome.user.id, action: 'sign-in', entity: 'session', entityId: outcome.user.id });
    ctx.sessions.start(ctx.senderId, outcome.user.id, now);
    return sessionInfo(ctx, outcome.user, false);
  },

  'auth.current': (_input, ctx) => {
    const s = ctx.sessions.get(ctx.senderId);
    if (!s) return null;
    const row = findStaffRow(ctx.db, s.userId);
    if (!row || !row.active) {
      ctx.sessions.end(ctx.senderId);
      return null;
    }
    return sessionInfo(ctx, toStaffMember(row), s.locked);
  },

  'auth.signOut': (_input, ctx) => {
    const s = ctx.sessions.get(ctx.senderId);
    if (s) recordAudit(ctx.db, { at: ctx.now(), userId: s.userId, action: 'sign-out', entity: 'session', entityId: s.userId });
    ctx.sessions.end(ctx.senderId);
    return null;
  },

  'auth.lock': (_input, ctx) => {
    const s = ctx.sessions.get(ctx.senderId);
    if (s) s.locked = true;
    return null;
  },

  'auth.unlock': async (input, ctx) => {
    const s = ctx.sessions.get(ctx.senderId);
    if (!s) throw unauthenticated('Your session has ended. Please sign in again.');
    const row = findStaffRow(ctx.db, s.userId);
    if (!row || !row.active) {
      ctx.sessions.end(ctx.senderId);
      throw unauthenticated('This account has been deactivated. Ask an administrator.');
    }
    const now = ctx.now();
    // Unlock is a sign-in too: same throttle, so the lock screen cannot be brute-forced.
    const outcome = await checkCredentials(ctx.db, row.username, input.password, now);
    if (!outcome.ok) {
      recordAudit(ctx.db, { at: now, userId: row.id, action: 'unlock-failed', entity: 'session', entityId: row.id });
      throw outcome.failure;
    }
    recordAudit(ctx.db, { at: now, userId: row.id, action: 'unlock', entity: 'session', entityId: row.id });
    s.locked = false;
    s.lastActivity = now.getTime();
    return sessionInfo(ctx, outcome.user, false);
  },
};

