// The one wrapper around every handler: sender → session → permission → input → handler (one transaction) → envelope.
import { z } from 'zod';
import { contract, type ChannelName } from '../../shared/contract';
import type { Channel } from '../../shared/contract/define';
import { fail, ok, type Result } from '../../shared/result';
import { roleAllows, type Permission } from '../../shared/roles';
import type { StaffMember } from '../../shared/staff';
import { recordAudit } from '../audit/service';
import { recordAuditDuringImport } from '../patients/csv-import-audit';
import { activeStaffMember, lockAfterMinutes } from './caller-reads';
import type { HandlerContext, Services } from './context';
import { AppFailure, BUSY_MESSAGE, forbidden, isDatabaseBusy, unauthenticated } from './errors';
import { handlers } from './handlers';
import { logError } from '../log';

export interface Caller {
  /** Identifies the window; sessions are kept per window. */
  senderId: string;
  /** Set by the IPC layer: the call came from the app's own window and page. */
  trusted: boolean;
}

export type Dispatch = (channel: string, input: unknown, caller: Caller) => Promise<Result<unknown>>;

const isChannel = (name: string): name is ChannelName => Object.hasOwn(contract, name);

/** zod issues → { "field.path": "message" }, first message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

const isAsync = (fn: (...args: never[]) => unknown) => fn.constructor.name === 'AsyncFunction';

export function createDispatcher(services: Services): Dispatch {
  return async (channel, raw, caller) => {
    if (!caller.trusted) return fail({ code: 'FORBIDDEN', message: 'This request did not come from Anteroom.' });
    if (!isChannel(channel)) return fail({ code: 'NOT_FOUND', message: 'Unknown action.' });
    try {
      return await run(services, channel, raw, caller);
    } catch (e) {
      if (e instanceof AppFailure) return fail(e.toAppError());
      if (isDatabaseBusy(e)) return fail({ code: 'BUSY', message: BUSY_MESSAGE });
      // Log the channel and error class only: messages from SQLite may quote patient values.
      logError(`handler ${channel} failed`, e);
      return fail({ code: 'INTERNAL', message: 'Something went wrong and nothing was saved. Please try again.' });
    }
  };
}

async function run(services: Services, channel: ChannelName, raw: unknown, caller: Caller): Promise<Result<unknown>> {
  const def = contract[channel];
  const user = def.permission === 'public' ? null : authorise(services, caller, def);

  // Input is parsed only for callers allowed to use the channel: strangers learn nothing from messages.
  const parsed = def.input.safeParse(raw ?? {});
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    return fail({ code: 'VALIDATION', message: Object.values(fields).join(' '), fields });
  }

  const ctx: HandlerContext = {
    ...services,
    senderId: caller.senderId,
    user,
    // A read channel's audit entry (a patient opened) that meets a CSV import's lock waits for the import to end.
    audit: (action, entity, entityId) =>
      (readsOnly(def.permission) ? recordAuditDuringImport : recordAudit)(services.db, { at: services.now(), userId: user?.id ?? null, action, entity, entityId }),
  };
  const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => unknown;
  // A synchronous handler runs in one transaction with its audit entries: all of it lands or none.
  // Async handlers (password hashing) keep their own transactions around their writes.
  const call = () => handler(parsed.data, ctx);
  if (isAsync(handler)) return ok(await call());
  const txn = services.db.$client.transaction(call);
  return ok(readsOnly(def.permission) ? txn.deferred() : txn.immediate());
}

/**
 * Channels guarded by a "….read" permission start a DEFERRED transaction: under WAL they read the last committed
 * data without taking the write lock, so the day book and the register keep answering while a CSV import holds
 * it. The few that also write (a "viewed" audit entry) take the lock at that write; nothing else in this process
 * can commit in between, because a synchronous handler runs to its end before any other code does. If an import
 * holds the lock, that entry waits for the import to end (patients/csv-import-audit.ts) instead of failing the read.
 */
const readsOnly = (permission: Permission) => permission.endsWith('.read');

/** The signed-in, unlocked, active user allowed to use this channel — or an AppFailure. */
function authorise(services: Services, caller: Caller, { permission, background }: Channel): StaffMember {
  // Only what a person does keeps the desk awake: the window's own polls (`background` in the contract) do not.
  const session = services.sessions.touch(caller.senderId, services.now(), lockAfterMinutes(services.db), background ? 'background' : 'person');
  if (!session) throw unauthenticated('Please sign in first.');
  if (session.locked) throw unauthenticated('The desk is locked. Enter your password to continue.');
  const user = activeStaffMember(services.db, session.userId);
  if (!user) {
    services.sessions.end(caller.senderId);
    throw unauthenticated('Your account is no longer active. Please sign in again.');
  }
  if (!roleAllows(user.role, permission)) throw forbidden('Your account is not allowed to do this. Ask an administrator.');
  return user;
}
