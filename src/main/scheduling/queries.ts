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
import { paymentStatesOf } from '../payments/appointment-states';

// Lean on purpose (the week view reads ~1,000 rows): the name is joined in SQL, type names come from a tiny map.
const FIRST_VISIT = `NOT EXISTS (SELECT 1 FROM appointments e WHERE e.patient_id = a.patient_id AND e.starts_at < a.starts_at
                     AND e.status NOT IN ('cancelled', 'no_show'))`;

/**
 * The first-visit flag costs an index seek per row (about 1.5 ms over a 10-doctor week), so the week and day
 * views leave it out and the side panel shows it; the check-in list and the patient's page (bounded) carry it.
 */
const calendarColumns = (withFirstVisit: boolean) => `
  SELECT a.id, a.patient_id, p.first_name || ' ' || p.last_name, p.mrn, a.provider_id, a.type_id, a.mode,
         a.starts_at, a.ends_at, a.status, a.reason, a.fee, a.currency, a.arrived_at, a.override_double_booking,
         a.series_id, a.notes IS NOT NULL, p.allergies IS NOT NULL, ${withFirstVisit ? FIRST_VISIT : 'NULL'}
  FROM appointments a JOIN patients p ON p.id = a.patient_id`;
const CALENDAR_COLUMNS = calendarColumns(true);

type CalendarRow = [number, number, string, string, number, number | null, CalendarAppointment['mode'], number, number, AppointmentStatus, string | null, number, string, number | null, number, number | null, number, number, number | null];

function typeNames(db: Db): Map<number, string> {
  return new Map(statement(db, 'SELECT id, name FROM appointment_types').raw().all() as [number, string][]);
}

function toCalendar(r: CalendarRow, types: Map<number, string>): CalendarAppointment {
  return {
    id: r[0],
    patientId: r[1],
    patientName: r[2],
    mrn: r[3],
    providerId: r[4],
    typeId: r[5],
    typeName: r[5] === null ? null : (types.get(r[5]) ?? null),
    mode: r[6],
    startsAt: toIso(r[7]),
    endsAt: toIso(r[8]),
    status: r[9],
    reason: r[10],
    fee: r[11],
    currency: r[12],
    arrivedAt: r[13] === null ? null : toIso(r[13]),
    overrideDoubleBooking: r[14] === 1,
    seriesId: r[15],
    hasNotes: r[16] === 1,
    hasAllergies: r[17] === 1,
    firstVisit: r[18] === null ? undefined : r[18] === 1,
    payment: 'none',
  };
}

/** Attaches each block's payment state in one grouped read over payments. */
function withPayments(db: Db, list: CalendarAppointment[]): CalendarAppointment[] {
  const states = paymentStatesOf(db, list);
  for (const a of list) a.payment = states.get(a.id) ?? 'none';
  return list;
}

const ACTIVE = `a.status NOT IN ('cancelled', 'no_show')`;

/** Appointments overlapping [from, to) — bounded below by the longest appointment so the index range stays small. */
export function calendarRange(
  db: Db,
  from: number,
  to: number,
  providerIds: number[] | undefined,
  includeCancelled: boolean,
  withFirstVisit = false,
): CalendarAppointment[] {
  const who = providerIds === undefined ? '' : 'a.provider_id IN (SELECT value FROM json_each(?)) AND';
  // Sorted here, not by SQL: an ORDER BY would copy every selected column through a temporary b-tree.
  const sql = `${calendarColumns(withFirstVisit)} WHERE ${who} a.starts_at > ? AND a.starts_at < ? AND a.ends_at > ? ${includeCancelled ? '' : `AND ${ACTIVE}`}`;
  const args = [from - MAX_APPOINTMENT_MS, to, from];
  const rows = statement(db, sql)
    .raw()
    .all(...(providerIds === undefined ? args : [JSON.stringify(providerIds), ...args])) as CalendarRow[];
  rows.sort((a, b) => a[7] - b[7] || a[4] - b[4] || a[0] - b[0]);
  const types = typeNames(db);
  return withPayments(db, rows.map((r) => toCalendar(r, types)));
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
  const upcoming = statement(db, `${CALENDAR_COLUMNS} WHERE a.patient_id = ? AND a.ends_at > ? AND ${ACTIVE} ORDER BY a.starts_at LIMIT ?`)
    .raw()
    .all(q.patientId, at, q.limit) as CalendarRow[];
  const past = statement(db, `${CALENDAR_COLUMNS} WHERE a.patient_id = ? AND (a.ends_at <= ? OR NOT (${ACTIVE})) ORDER BY a.starts_at DESC LIMIT ?`)
    .raw()
    .all(q.patientId, at, q.limit) as CalendarRow[];
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
    upcoming: withPayments(db, upcoming.map((r) => toCalendar(r, types))),
    past: withPayments(db, past.map((r) => toCalendar(r, types))),
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
  const rows = calendarRange(db, from, to, q.providerIds, true, true).map((a) => ({
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
