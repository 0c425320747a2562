// The append-only audit log: ids and action names only — never copies of patient data.
import { z } from 'zod';

export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'unlock',
  'unlock-failed',
  'setup',
  'create',
  'update',
  'archive',
  'restore',
  'view',
  'export',
  'import',
  'merge',
  'reset-password',
  'reschedule',
  'cancel',
  'status-change',
  'double-book-override',
  'undo',
  'remove',
  'pin',
  'unpin',
  'backup',
  'time-zone-change',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITIES = ['patient', 'staff', 'clinic', 'session', 'appointment', 'provider', 'payment', 'settings', 'appointment-type', 'time-off'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  userName: string | null;
  action: AuditAction;
  entity: AuditEntity;
  entityId: number | null;
}

export const auditListInput = z.object({
  userId: z.number().int().positive().optional(),
  action: z.enum(AUDIT_ACTIONS, { error: 'Action is not a known audit action.' }).optional(),
  entity: z.enum(AUDIT_ENTITIES, { error: 'Record type is not known.' }).optional(),
  entityId: z.number().int().positive().optional(),
  from: z.iso.datetime({ error: 'From must be a date and time.' }).optional(),
  to: z.iso.datetime({ error: 'To must be a date and time.' }).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
