// Plain words for audit actions and record types; names added by later features read sensibly until labelled.
import type { AuditAction, AuditEntity } from '../../../shared/audit';

const ACTION_LABELS: Partial<Record<AuditAction, string>> = {
  'sign-in': 'Signed in',
  'sign-in-failed': 'Sign-in failed',
  'sign-out': 'Signed out',
  unlock: 'Unlocked',
  'unlock-failed': 'Unlock failed',
  setup: 'Set up clinic',
  create: 'Created',
  update: 'Changed',
  archive: 'Archived',
  restore: 'Restored',
  view: 'Viewed',
  export: 'Exported',
  import: 'Imported',
  merge: 'Merged',
  'reset-password': 'Reset password',
  cancel: 'Cancelled',
  reschedule: 'Rescheduled',
  remove: 'Removed',
  'double-book-override': 'Double-booked',
  'status-change': 'Status changed',
  undo: 'Undone',
  pin: 'Pinned to move',
  unpin: 'Unpinned',
  backup: 'Backed up',
  'time-zone-change': 'Time zone changed',
};

const ENTITY_LABELS: Partial<Record<AuditEntity, string>> = {
  patient: 'Patient',
  staff: 'Staff account',
  clinic: 'Clinic',
  session: 'Session',
  appointment: 'Appointment',
  provider: 'Provider',
  payment: 'Payment',
  settings: 'Settings',
  'appointment-type': 'Appointment type',
  'time-off': 'Time off',
};

/** "double-book-override" → "Double book override" for any name not in the table yet. */
const humanize = (name: string) => name.charAt(0).toUpperCase() + name.slice(1).replaceAll('-', ' ');

export const actionLabel = (action: AuditAction) => ACTION_LABELS[action] ?? humanize(action);
export const entityLabel = (entity: AuditEntity) => ENTITY_LABELS[entity] ?? humanize(entity);
