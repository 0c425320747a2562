// What every handler receives besides its parsed input.
import type { AuditAction, AuditEntity } from '../../shared/audit';
import type { StaffMember } from '../../shared/staff';
import type { Db } from '../db/client';
import type { SessionStore } from '../session/sessions';

export interface Services {
  db: Db;
  sessions: SessionStore;
  now: () => Date;
}

export interface HandlerContext extends Services {
  /** Which window called: sessions are per window. */
  senderId: string;
  /** The signed-in, unlocked user; null only on `public` channels. */
  user: StaffMember | null;
  /** Appends to the audit log as the current user. */
  audit: (action: AuditAction, entity: AuditEntity, entityId?: number | null) => void;
}

/** For handlers on non-public channels: the dispatcher guarantees a user. */
export function userOf(ctx: HandlerContext): StaffMember {
  if (!ctx.user) throw new Error('handler called without a signed-in user');
  return ctx.user;
}
