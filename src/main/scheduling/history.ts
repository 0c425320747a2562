// Appointment rows ↔ API shape, and the one path every change takes: update the row, append a history entry,
// tell listeners (payments) — all inside the caller's transaction.
import { eq } from 'drizzle-orm';
import type { Appointment, AppointmentStatus, HistoryEntry } from '../../shared/scheduling-appointments';
import type { Db } from '../db/client';
import { appointments } from '../db/schema';
import { notFound } from '../ipc/errors';
import { appointmentChanged, type AppointmentChange } from './events';
import { appointmentRow } from './rows';
import { statement } from './statements';
import { toIso, toIsoOrNull } from './time';

/**
 * An appointment as the scheduling code reads and writes it (APPOINTMENT_COLUMNS). The columns triggers keep for the
 * calendar (the patient copy, the payment totals) are left out: they are never read into a row, only by the week view.
 */
export type AppointmentRow = Omit<
  typeof appointments.$inferSelect,
  'patientName' | 'patientAllergies' | 'patientFirstVisitAt' | 'paymentsReceived' | 'paymentsRefunded' | 'paymentLinkWaiting'
>;
type Patch = Partial<Omit<AppointmentRow, 'id' | 'patientId' | 'createdAt' | 'createdBy'>>;

export function toAppointment(r: AppointmentRow): Appointment {
  return {
    ...r,
    startsAt: toIso(r.startsAt),
    endsAt: toIso(r.endsAt),
    arrivedAt: toIsoOrNull(r.arrivedAt),
    cancelledAt: toIsoOrNull(r.cancelledAt),
    createdAt: toIso(r.createdAt),
    updatedAt: toIso(r.updatedAt),
  };
}

export const findAppointmentRow: (db: Db, id: number) => AppointmentRow = appointmentRow;

/** Recorded by value, so undo can restore them. Instants in epoch ms. */
export const TRACKED_FIELDS = [
  'startsAt',
  'endsAt',
  'providerId',
  'status',
  'fee',
  'typeId',
  'mode',
  'arrivedAt',
  'cancelledAt',
  'cancelledBy',
  'overrideDoubleBooking',
  'overrideBy',
] as const satisfies readonly (keyof AppointmentRow)[];
export type TrackedField = (typeof TRACKED_FIELDS)[number];
/** Free text may hold clinical details: history only says it changed, never what it said. */
const TEXT_FIELDS = ['reason', 'notes', 'cancelReason'] as const satisfies readonly (keyof AppointmentRow)[];
const INSTANT_FIELDS = new Set<string>(['startsAt', 'endsAt', 'arrivedAt', 'cancelledAt']);

export type Changes = Record<string, [unknown, unknown]>;

export function diffRows(before: AppointmentRow | null, after: AppointmentRow): Changes {
  const changes: Changes = {};
  for (const f of TRACKED_FIELDS) {
    const was = before ? before[f] : null;
    if (was !== after[f]) changes[f] = [was, after[f]];
  }
  for (const f of TEXT_FIELDS) if ((before ? before[f] : null) !== after[f]) changes[f] = [null, null];
  return changes;
}

export type HistoryAction = HistoryEntry['action'];

export function recordHistory(db: Db, entry: { appointmentId: number; at: number; by: number; action: HistoryAction; changes: Changes }): number {
  const r = statement(db, 'INSERT INTO appointment_history (appointment_id, at, by, action, changes) VALUES (?, ?, ?, ?, ?)').run(
    entry.appointmentId,
    entry.at,
    entry.by,
    entry.action,
    JSON.stringify(entry.changes),
  );
  return Number(r.lastInsertRowid);
}

export function historyChangesForDisplay(json: string): Changes {
  const raw = JSON.parse(json) as Changes;
  const out: Changes = {};
  for (const [k, [a, b]] of Object.entries(raw)) {
    out[k] = INSTANT_FIELDS.has(k) ? [typeof a === 'number' ? toIso(a) : a, typeof b === 'number' ? toIso(b) : b] : [a, b];
  }
  return out;
}

const HOLDS_TIME = (s: AppointmentStatus) => s !== 'cancelled' && s !== 'no_show';

/** What payments (and any other listener) need to hear about a change from `before` to `after`. */
export function changeNotices(before: AppointmentRow, after: AppointmentRow): AppointmentChange[] {
  const out: AppointmentChange[] = [];
  const id = after.id;
  if (before.status !== after.status) {
    if (after.status === 'cancelled') out.push({ type: 'cancelled', appointmentId: id });
    else if (before.status === 'cancelled') out.push({ type: 'booked', appointmentId: id });
    else out.push({ type: 'status', appointmentId: id, status: after.status });
  }
  const feeChanged = before.fee !== after.fee;
  const timeChanged = before.startsAt !== after.startsAt || before.endsAt !== after.endsAt || before.providerId !== after.providerId;
  if ((feeChanged || timeChanged) && HOLDS_TIME(after.status)) out.push({ type: 'updated', appointmentId: id, feeChanged, timeChanged });
  return out;
}

/** Updates one appointment, appends its history entry and notifies listeners. Returns the new row and the entry id. */
export function applyChange(
  db: Db,
  before: AppointmentRow,
  patch: Patch,
  meta: { action: HistoryAction; by: number; at: number },
): { row: AppointmentRow; historyId: number } {
  const row = db
    .update(appointments)
    .set({ ...patch, updatedAt: meta.at, updatedBy: meta.by })
    .where(eq(appointments.id, before.id))
    .returning()
    .get();
  if (!row) throw notFound('That appointment');
  const historyId = recordHistory(db, { appointmentId: row.id, at: meta.at, by: meta.by, action: meta.action, changes: diffRows(before, row) });
  for (const notice of changeNotices(before, row)) appointmentChanged(db, notice);
  return { row, historyId };
}

/** Runs `write` in a BEGIN IMMEDIATE transaction (or the caller's, e.g. the IPC dispatcher's). */
export function inWriteTransaction<T>(db: Db, write: () => T): T {
  return db.$client.inTransaction ? write() : db.$client.transaction(write).immediate();
}
