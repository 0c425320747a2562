// What stands in the way of a booking: the provider's other appointments, their time off, clinic closures —
// and, as a warning only, the patient's own other appointments. Messages name times, never patients.
import type { BookingWarning, SeriesClash } from '../../shared/scheduling-appointments';
import type { Db } from '../db/client';
import { MAX_APPOINTMENT_MS } from '../db/schema';
import { conflict } from '../ipc/errors';
import { statement } from './statements';
import { formatLocalRange } from './time';

export interface Slot {
  providerId: number;
  providerName: string;
  start: number;
  end: number;
}

/**
 * The appointments being moved (or just booked) are left out. No ids, or one, is the common case and needs no
 * json_each: building its lookup table costs more than the whole bounded range scan.
 */
function excluding(column: string, ids: readonly number[]): { sql: string; args: (number | string)[] } {
  if (ids.length === 0) return { sql: '', args: [] };
  if (ids.length === 1) return { sql: `AND ${column} <> +?`, args: [ids[0]!] };
  return { sql: `AND ${column} NOT IN (SELECT value FROM json_each(?))`, args: [JSON.stringify(ids)] };
}

/**
 * Bounded like the database trigger: only rows starting in (start − 12 h, end) can overlap.
 * `+?` rather than `?`: see statements.ts — with ORDER BY or a join, a bare parameter re-prepares the statement.
 */
const overlappingAppointments = (exclude: string) => `
  SELECT id, starts_at AS s, ends_at AS e FROM appointments
  WHERE provider_id = +? AND starts_at > +? AND starts_at < +? AND ends_at > +?
    AND status NOT IN ('cancelled', 'no_show') ${exclude}
  ORDER BY starts_at LIMIT 5`;

/** The doctor's own time off, then clinic closures: two index ranges (an OR costs more than both together). */
const OVERLAPPING_TIME_OFF = `
  SELECT provider_id AS providerId, starts_at AS s, ends_at AS e, reason FROM time_off WHERE provider_id = ? AND starts_at < ? AND ends_at > ?
  UNION ALL
  SELECT provider_id AS providerId, starts_at AS s, ends_at AS e, reason FROM time_off WHERE provider_id IS NULL AND starts_at < ? AND ends_at > ?`;

/** Everything that makes this slot unavailable; excluded ids are the appointments being moved. */
export function clashesFor(db: Db, tz: string, slot: Slot, excludeIds: readonly number[] = []): SeriesClash[] {
  const out: SeriesClash[] = [];
  const ex = excluding('id', excludeIds);
  const taken = statement(db, overlappingAppointments(ex.sql)).all(slot.providerId, slot.start - MAX_APPOINTMENT_MS, slot.end, slot.start, ...ex.args) as {
    s: number;
    e: number;
  }[];
  for (const a of taken) out.push({ kind: 'appointment', message: `${slot.providerName} already has an appointment ${formatLocalRange(tz, a.s, a.e)}.` });
  out.push(...timeAwayFor(db, tz, slot));
  return out;
}

/**
 * Only the doctor's time off and clinic closures in the slot. A single booking without an override asks just this
 * before inserting: the database trigger refuses an overlapping appointment anyway, and `guardDoubleBooking` words
 * that refusal from `clashesFor`, so the overlap is not looked up twice in every booking.
 */
export function timeAwayFor(db: Db, tz: string, slot: Slot): SeriesClash[] {
  const out: SeriesClash[] = [];
  const away = statement(db, OVERLAPPING_TIME_OFF).all(slot.providerId, slot.end, slot.start, slot.end, slot.start) as {
    providerId: number | null;
    s: number;
    e: number;
    reason: string | null;
  }[];
  for (const t of away.sort((a, b) => a.s - b.s).slice(0, 5)) {
    const why = t.reason ? ` (${t.reason})` : '';
    out.push(
      t.providerId === null
        ? { kind: 'closure', message: `The clinic is closed ${formatLocalRange(tz, t.s, t.e)}${why}.` }
        : { kind: 'time_off', message: `${slot.providerName} is away ${formatLocalRange(tz, t.s, t.e)}${why}.` },
    );
  }
  return out;
}

/** Refuses the slot with a CONFLICT naming the clash, unless an administrator overrides it. */
export function assertSlotFree(db: Db, tz: string, slot: Slot, excludeIds: readonly number[], override: boolean): boolean {
  const clashes = clashesFor(db, tz, slot, excludeIds);
  if (clashes.length === 0) return false;
  if (override) return true;
  const message = `${clashes.map((c) => c.message).join(' ')} Choose another time, or ask an administrator to override.`;
  throw conflict(message, { startsAt: message });
}

/** A patient booked twice at once (with anyone) is allowed — families, joint visits — but the desk is told. */
export function patientOverlaps(db: Db, tz: string, patientId: number, start: number, end: number, excludeIds: readonly number[]): BookingWarning[] {
  const ex = excluding('a.id', excludeIds);
  const rows = statement(
    db,
    `SELECT a.id, a.starts_at AS s, a.ends_at AS e, p.name AS providerName FROM appointments a JOIN providers p ON p.id = a.provider_id
     WHERE a.patient_id = +? AND a.starts_at > +? AND a.starts_at < +? AND a.ends_at > +?
       AND a.status NOT IN ('cancelled', 'no_show') ${ex.sql}
     ORDER BY a.starts_at LIMIT 5`,
  ).all(patientId, start - MAX_APPOINTMENT_MS, end, start, ...ex.args) as { id: number; s: number; e: number; providerName: string }[];
  return rows.map((r) => ({
    kind: 'patient_overlap',
    appointmentId: r.id,
    message: `This patient already has an appointment with ${r.providerName} ${formatLocalRange(tz, r.s, r.e)}.`,
  }));
}

/** The database trigger's refusal (a racing desk got there first), recognised so it becomes a CONFLICT. */
export function isDoubleBookingError(e: unknown): boolean {
  return e instanceof Error && (e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_TRIGGER' && e.message === 'double_booking';
}

/**
 * Runs a write; a trigger refusal becomes a CONFLICT that names the time (and what now holds it). `changing`: the
 * appointment being moved or stepped, still at its old place when the refusal is worded — it never stands in its own way.
 */
export function guardDoubleBooking<T>(db: Db, tz: string, slot: Slot, write: () => T, changing: readonly number[] = []): T {
  try {
    return write();
  } catch (e) {
    if (!isDoubleBookingError(e)) throw e;
    const taken = clashesFor(db, tz, slot, changing).filter((c) => c.kind === 'appointment');
    const named = taken.length > 0 ? taken.map((c) => c.message).join(' ') : `${slot.providerName} was just booked ${formatLocalRange(tz, slot.start, slot.end)} at another desk.`;
    const message = `${named} Choose another time.`;
    throw conflict(message, { startsAt: message });
  }
}
