// What the calendar, the check-in list and the patient's detail read. One query per list (no N+1),
// raw prepared statements because the day book re-reads on every change and must stay under a frame.
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  STATUS_TRANSITIONS,
  type AppointmentDetail,
  type AppointmentStatus,
  type CalendarAppointment,
  type CheckInList,
  type DayCount,
  type dayCountsInput,
  type forPatientInput,
  type HistoryEntry,
  type PatientAppointment,
  type PatientAppointments,
  type rangeInput,
  type todayInput,
} from '../../shared/scheduling-appointments';
import type { TimeOff } from '../../shared/scheduling';
import type { Db } from '../db/client';
import { appointmentHistory, MAX_APPOINTMENT_MS, staff } from '../db/schema';
import { findAppointmentRow, historyChangesForDisplay, toAppointment } from './history';
import { statement } from './statements';
import { timeOffRows, toTimeOff } from './time-off';
import { dateOfDayNumber, dayNumberOf, localDateOf, localDayOf, toIso, wallClockToInstant } from './time';
import { clinicConventions } from './rows';
import { APPOINTMENT_PAYMENT_STATES, type AppointmentPaymentState } from '../../shared/payments';
import { notYetPlanned } from '../payments/link-queue';

// Lean on purpose (the week view reads ~1,100 rows, and better-sqlite3 pays per row and per value): the name comes
// joined, type names come from a tiny map, and the yes/no facts and the payment state travel as one integer.
// (SQLite gives | and << the same precedence, left to right: the shifted state keeps its own parentheses.)
const VIDEO = 1;
const OVERRIDDEN = 2;
const HAS_NOTES = 4;
const HAS_ALLERGIES = 8;
const FIRST_VISIT = 16;
const IN_SERIES = 32;
/** The payment state's index in APPOINTMENT_PAYMENT_STATES sits above the flags. */
const PAYMENT_SHIFT = 6;

const stateCode = (state: AppointmentPaymentState) => APPOINTMENT_PAYMENT_STATES.indexOf(state);

/**
 * A block's payment state from the totals its appointment row carries (kept by triggers on payments, migration 0026):
 * the rule of the payments module's stateOf, in SQL, so no payment row is read. A booking whose link the runner has not
 * planned yet (a moment after its commit) shows as the link being made, as it will be.
 */
const PAYMENT_STATE = `CASE
    WHEN a.payments_received > 0 AND a.payments_received - a.payments_refunded <= 0 THEN ${stateCode('refunded')}
    WHEN a.payments_received - a.payments_refunded > 0 THEN
      CASE WHEN a.payments_received - a.payments_refunded >= (CASE WHEN a.status = 'cancelled' THEN 0 ELSE a.fee END)
        THEN ${stateCode('paid')} ELSE ${stateCode('part_paid')} END
    WHEN a.status = 'cancelled' OR a.fee <= 0 THEN ${stateCode('none')}
    WHEN a.payment_link_waiting OR ${notYetPlanned('a.id')} THEN ${stateCode('waiting')}
    ELSE ${stateCode('unpaid')} END`;

/** Where a block's patient facts come from: SQL for the name, the allergy flag (0/1) and first_visit_at. */
interface PatientSource {
  from: string;
  name: string;
  hasAllergies: string;
  firstVisitAt: string;
}

/**
 * The calendar reads the patient's name, allergy flag and first visit from the appointment row itself (written by the
 * booking, kept by the triggers of migrations 0024 and 0028): looking up ~1,100 patient rows was ~0.7 ms of a
 * 10-doctor week. Should a copy ever be missing (NULL), the patients row is joined instead, only then, as the join
 * key is NULL otherwise: a block can never drop out of the day book.
 */
const CALENDAR_PATIENT: PatientSource = {
  from: `LEFT JOIN patients p ON p.id = CASE WHEN a.patient_name IS NULL THEN a.patient_id END`,
  name: `coalesce(a.patient_name, p.first_name || ' ' || p.last_name)`,
  hasAllergies: `coalesce(a.patient_allergies, p.allergies IS NOT NULL)`,
  // With a copy on the row, p is all NULL: the copy's first visit (NULL: none kept) stands.
  firstVisitAt: `CASE WHEN a.patient_name IS NULL THEN p.first_visit_at ELSE a.patient_first_visit_at END`,
};
/** The patient's own list needs the record no. anyway, so it reads the patients row. */
const PATIENT_ROW: PatientSource = {
  from: 'JOIN patients p ON p.id = a.patient_id',
  name: `p.first_name || ' ' || p.last_name`,
  hasAllergies: 'p.allergies IS NOT NULL',
  firstVisitAt: 'p.first_visit_at',
};

/**
 * A first visit: no kept appointment of the patient starts before this one. first_visit_at (kept by the triggers of
 * migration 0015) holds the earliest kept start, so this is a comparison on a row already joined.
 */
const facts = (q: PatientSource) => `(a.mode = 'video') * ${VIDEO} | a.override_double_booking * ${OVERRIDDEN} | (a.notes IS NOT NULL) * ${HAS_NOTES}
    | (${q.hasAllergies}) * ${HAS_ALLERGIES} | (${q.firstVisitAt} IS NULL OR ${q.firstVisitAt} >= a.starts_at) * ${FIRST_VISIT}
    | (a.series_id IS NOT NULL) * ${IN_SERIES} | ((${PAYMENT_STATE}) << ${PAYMENT_SHIFT})`;
const blockColumns = (q: PatientSource) =>
  `a.id, ${q.name}, a.provider_id, a.type_id, a.starts_at, a.ends_at, a.status, a.arrived_at, ${facts(q)}`;
const blockFrom = (q: PatientSource) => `appointments a ${q.from}`;
const BLOCKS = `SELECT ${blockColumns(CALENDAR_PATIENT)} FROM ${blockFrom(CALENDAR_PATIENT)}`;
/** The patient's list shows a little more than a block: the same columns, then these. */
const PATIENT_COLUMNS = `SELECT ${blockColumns(PATIENT_ROW)}, a.patient_id, p.mrn, a.reason, a.fee, a.currency, a.series_id FROM ${blockFrom(PATIENT_ROW)}`;

type BlockRow = [number, string, number, number | null, number, number, AppointmentStatus, number | null, number];
type PatientRow = [...BlockRow, number, string, string | null, number, string, number | null];

function typeNames(db: Db): Map<number, string> {
  return new Map(statement(db, 'SELECT id, name FROM appointment_types').raw().all() as [number, string][]);
}

function toCalendar(r: BlockRow | PatientRow, types: Map<number, string>): CalendarAppointment {
  const facts = r[8];
  const block: CalendarAppointment = {
    id: r[0],
    patientName: r[1],
    providerId: r[2],
    typeName: r[3] === null ? null : (types.get(r[3]) ?? null),
    mode: facts & VIDEO ? 'video' : 'in_person',
    startsAt: toIso(r[4]),
    endsAt: toIso(r[5]),
    status: r[6],
    arrivedAt: r[7] === null ? null : toIso(r[7]),
    payment: APPOINTMENT_PAYMENT_STATES[facts >> PAYMENT_SHIFT] ?? 'none',
  };
  // Only the facts that hold (see CalendarAppointment): most blocks have none of them.
  if (facts & OVERRIDDEN) block.overrideDoubleBooking = true;
  if (facts & IN_SERIES) block.inSeries = true;
  if (facts & HAS_NOTES) block.hasNotes = true;
  if (facts & HAS_ALLERGIES) block.hasAllergies = true;
  if (facts & FIRST_VISIT) block.firstVisit = true;
  return block;
}

function toPatientAppointment(r: PatientRow, types: Map<number, string>): PatientAppointment {
  return { ...toCalendar(r, types), patientId: r[9], mrn: r[10], typeId: r[3], reason: r[11], fee: r[12], currency: r[13], seriesId: r[14] };
}

const ACTIVE = `a.status NOT IN ('cancelled', 'no_show')`;

/**
 * Appointments overlapping [from, to) — bounded below by the longest appointment so the index range stays small —
 * each with its patient's name and facts and its payment state, one row per block, by doctor and then start.
 */
export function calendarRange(
  db: Db,
  from: number,
  to: number,
  providerIds: number[] | undefined,
  includeCancelled: boolean,
): CalendarAppointment[] {
  const who = providerIds === undefined ? '' : 'a.provider_id IN (SELECT value FROM json_each(?)) AND';
  // In index order (by doctor, then start) — not sorted: an ORDER BY would copy every selected column through a
  // temporary b-tree, and sorting here costs ~0.15 ms of a week; the calendar places blocks by itself.
  const sql = `${BLOCKS}
    WHERE ${who} a.starts_at > +? AND a.starts_at < +? AND a.ends_at > +? ${includeCancelled ? '' : `AND ${ACTIVE}`}`;
  const args = [from - MAX_APPOINTMENT_MS, to, from];
  const rows = statement(db, sql)
    .raw()
    .all(...(providerIds === undefined ? args : [JSON.stringify(providerIds), ...args])) as BlockRow[];
  const types = typeNames(db);
  const out: CalendarAppointment[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = toCalendar(rows[i]!, types);
  return out;
}

export function range(db: Db, q: z.output<typeof rangeInput>): { appointments: CalendarAppointment[]; timeOff: TimeOff[] } {
  const from = Date.parse(q.from);
  const to = Date.parse(q.to);
  return { appointments: calendarRange(db, from, to, q.providerIds, q.includeCancelled), timeOff: timeOffRows(db, from, to, q.providerIds).map(toTimeOff) };
}

/** Active appointments per local day in [from, to] (inclusive dates in the clinic's zone), for the month navigator. */
export function dayCounts(db: Db, q: z.output<typeof dayCountsInput>): DayCount[] {
  const tz = clinicConventions(db).timeZone;
  const start = wallClockToInstant(tz, dayNumberOf(q.from), 0);
  const end = wallClockToInstant(tz, dayNumberOf(q.to) + 1, 0);
  const who = q.providerIds === undefined ? '' : 'provider_id IN (SELECT value FROM json_each(?)) AND';
  const sql = `SELECT starts_at FROM appointments WHERE ${who} starts_at >= ? AND starts_at < ? AND status NOT IN ('cancelled', 'no_show')`;
  const starts = statement(db, sql)
    .pluck()
    .all(...(q.providerIds === undefined ? [start, end] : [JSON.stringify(q.providerIds), start, end])) as number[];
  const perDay = new Map<number, number>();
  for (const t of starts) {
    const day = localDayOf(tz, t);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  return [...perDay.entries()].sort((a, b) => a[0] - b[0]).map(([day, count]) => ({ date: dateOfDayNumber(day), count }));
}

export function forPatient(db: Db, q: z.output<typeof forPatientInput>, now: Date): PatientAppointments {
  const at = now.getTime();
  const upcoming = statement(db, `${PATIENT_COLUMNS} WHERE a.patient_id = +? AND a.ends_at > +? AND ${ACTIVE} ORDER BY a.starts_at LIMIT +?`)
    .raw()
    .all(q.patientId, at, q.limit) as PatientRow[];
  const past = statement(db, `${PATIENT_COLUMNS} WHERE a.patient_id = +? AND (a.ends_at <= +? OR NOT (${ACTIVE})) ORDER BY a.starts_at DESC LIMIT +?`)
    .raw()
    .all(q.patientId, at, q.limit) as PatientRow[];
  const c = statement(
    db,
    `SELECT
       COALESCE(SUM(status <> 'cancelled'), 0) AS total,
       COALESCE(SUM(status NOT IN ('cancelled', 'no_show') AND ends_at > ?), 0) AS upcoming,
       COALESCE(SUM(status = 'no_show'), 0) AS noShows,
       COALESCE(SUM(status = 'cancelled'), 0) AS cancelled
     FROM appointments WHERE patient_id = ?`,
  ).get(at, q.patientId) as { total: number; upcoming: number; noShows: number; cancelled: number };
  const types = typeNames(db);
  return {
    upcoming: upcoming.map((r) => toPatientAppointment(r, types)),
    past: past.map((r) => toPatientAppointment(r, types)),
    counts: { total: c.total, upcoming: c.upcoming, past: c.total - c.upcoming, noShows: c.noShows, cancelled: c.cancelled },
  };
}

/** The check-in list: one local day, every (or the chosen) provider, with how long arrived patients have waited. */
export function today(db: Db, q: z.output<typeof todayInput>, now: Date): CheckInList {
  const tz = clinicConventions(db).timeZone;
  const day = q.date === undefined ? localDayOf(tz, now.getTime()) : dayNumberOf(q.date);
  const from = wallClockToInstant(tz, day, 0);
  const to = wallClockToInstant(tz, day + 1, 0);
  const names = new Map((statement(db, 'SELECT id, name FROM providers').raw().all() as [number, string][]).map(([id, name]) => [id, name]));
  const blocks = calendarRange(db, from, to, q.providerIds, true).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.providerId - b.providerId || a.id - b.id);
  const rows = blocks.map((a) => ({
    ...a,
    providerName: names.get(a.providerId) ?? '',
    waitingMinutes: a.status === 'arrived' && a.arrivedAt ? Math.max(0, Math.floor((now.getTime() - Date.parse(a.arrivedAt)) / 60_000)) : null,
  }));
  return { date: localDateOf(tz, from), rows };
}

export function getDetail(db: Db, id: number): AppointmentDetail {
  const row = findAppointmentRow(db, id);
  const names = statement(
    db,
    `SELECT p.first_name AS firstName, p.last_name AS lastName, p.mrn, pr.name AS providerName, t.name AS typeName
     FROM appointments a JOIN patients p ON p.id = a.patient_id JOIN providers pr ON pr.id = a.provider_id
     LEFT JOIN appointment_types t ON t.id = a.type_id WHERE a.id = ?`,
  ).get(id) as { firstName: string; lastName: string; mrn: string; providerName: string; typeName: string | null };
  const history: HistoryEntry[] = db
    .select({ id: appointmentHistory.id, at: appointmentHistory.at, by: appointmentHistory.by, byName: staff.displayName, action: appointmentHistory.action, changes: appointmentHistory.changes })
    .from(appointmentHistory)
    .leftJoin(staff, eq(staff.id, appointmentHistory.by))
    .where(eq(appointmentHistory.appointmentId, id))
    .orderBy(asc(appointmentHistory.id))
    .all()
    .map((h) => ({ ...h, at: toIso(h.at), action: h.action as HistoryEntry['action'], changes: historyChangesForDisplay(h.changes) }));
  return {
    ...toAppointment(row),
    patientName: `${names.firstName} ${names.lastName}`,
    mrn: names.mrn,
    providerName: names.providerName,
    typeName: names.typeName,
    history,
    nextStatuses: [...STATUS_TRANSITIONS[row.status]],
  };
}
