// Booking one appointment or a recurring series: defaults from the type, conflicts checked for every
// occurrence before anything is written, the database trigger as the last guard against a racing desk.
import type { z } from 'zod';
import type { AppointmentSaved, BookingWarning, bookInput, previewSeriesInput, SeriesPreview } from '../../shared/scheduling-appointments';
import type { Db } from '../db/client';
import { appointmentSeries, MAX_APPOINTMENT_MS } from '../db/schema';
import { conflict, forbidden, invalidField, notFound } from '../ipc/errors';
import { typeForProvider } from './appointment-types';
import { withinWorkingTime } from './availability';
import { clashesFor, guardDoubleBooking, patientOverlaps, timeAwayFor, type Slot } from './conflicts';
import { appointmentChanged } from './events';
import { diffRows, inWriteTransaction, recordHistory, toAppointment, type AppointmentRow } from './history';
import { findProviderRow, getHoursRows } from './providers';
import { dayNumberOf, formatLocalRange, localDayOf, localMinuteOf, wallClockToInstant } from './time';
import { APPOINTMENT_COLUMNS, clinicConventions, toAppointmentRow, type StoredAppointment } from './rows';
import { statement } from './statements';

export interface Actor {
  id: number;
  /** Holds schedule.override: may book over a clash, deliberately and on the record. */
  canOverride: boolean;
}

type BookInput = z.output<typeof bookInput>;
const MAX_OCCURRENCES = 104;

/**
 * The patient's day-book copy (name, allergy flag, first visit: migration 0024) goes in with the row, from the patient
 * row `checkPatient` read anyway; the insert trigger fills it in only for rows written without it (migration 0028).
 */
const INSERT_APPOINTMENT = `INSERT INTO appointments (patient_id, provider_id, type_id, mode, starts_at, ends_at, reason, notes, fee, currency, status,
  override_double_booking, override_by, series_id, series_index, created_at, created_by, updated_at, updated_by,
  patient_name, patient_allergies, patient_first_visit_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  RETURNING ${APPOINTMENT_COLUMNS}`;

/** The booking with every default filled in, and the occurrences it makes. */
interface Plan {
  providerName: string;
  typeId: number | null;
  mode: 'in_person' | 'video';
  fee: number;
  occurrences: { start: number; end: number }[];
}

function plan(db: Db, input: BookInput | z.output<typeof previewSeriesInput>, tz: string): Plan {
  const provider = findProviderRow(db, input.providerId);
  if (!provider.active) throw invalidField('providerId', `${provider.name} no longer takes appointments. Choose another doctor.`);
  const type = input.typeId === null ? null : typeForProvider(db, input.typeId, provider.id);
  const start = Date.parse(input.startsAt);
  let length: number;
  if (input.endsAt !== undefined) length = Date.parse(input.endsAt) - start;
  else if (type) length = type.durationMinutes * 60_000;
  else throw invalidField('endsAt', 'Choose an appointment type or an end time.');
  if (length > MAX_APPOINTMENT_MS) throw invalidField('endsAt', 'An appointment can last at most 12 hours.');

  const occurrences = [{ start, end: start + length }];
  if (input.repeat) {
    // Repeats keep the local wall-clock time: 10:00 stays 10:00 across a daylight-saving change.
    const day = localDayOf(tz, start);
    const minute = localMinuteOf(tz, start);
    const lastDay = input.repeat.until === undefined ? Infinity : dayNumberOf(input.repeat.until);
    const count = input.repeat.count ?? Infinity;
    for (let k = 1; k < count; k++) {
      const d = day + k * 7 * input.repeat.everyWeeks;
      if (d > lastDay) break;
      if (occurrences.length >= MAX_OCCURRENCES) throw invalidField('repeat.until', `A series has at most ${MAX_OCCURRENCES} appointments; choose an earlier end date.`);
      const s = wallClockToInstant(tz, d, minute);
      occurrences.push({ start: s, end: s + length });
    }
    if (occurrences.length < 2) throw invalidField('repeat.until', 'The end date leaves only one appointment; choose a later date or book a single appointment.');
  }
  return {
    providerName: provider.name,
    typeId: type?.id ?? null,
    mode: input.mode ?? type?.mode ?? 'in_person',
    fee: 'fee' in input && input.fee !== undefined ? input.fee : (type?.fee ?? provider.consultationFee),
    occurrences,
  };
}

export function previewSeries(db: Db, input: z.output<typeof previewSeriesInput>): SeriesPreview {
  const tz = clinicConventions(db).timeZone;
  const p = plan(db, input, tz);
  const occurrences = p.occurrences.map((o, index) => ({
    index,
    startsAt: new Date(o.start).toISOString(),
    endsAt: new Date(o.end).toISOString(),
    clashes: clashesFor(db, tz, { providerId: input.providerId, providerName: p.providerName, start: o.start, end: o.end }),
  }));
  return { occurrences, clashCount: occurrences.filter((o) => o.clashes.length > 0).length };
}

/** What the day book shows of the patient, as copied onto their appointments. */
interface PatientCopy {
  name: string;
  /** 0/1 as stored. */
  hasAllergies: number;
  firstVisitAt: number | null;
}

function checkPatient(db: Db, patientId: number): PatientCopy {
  const row = statement(
    db,
    `SELECT archived_at AS archivedAt, first_name || ' ' || last_name AS name, allergies IS NOT NULL AS hasAllergies, first_visit_at AS firstVisitAt
     FROM patients WHERE id = ?`,
  ).get(patientId) as (PatientCopy & { archivedAt: string | null }) | undefined;
  if (!row) throw notFound('That patient');
  if (row.archivedAt) throw invalidField('patientId', 'This patient’s record is archived. Restore it before booking.');
  return row;
}

export function bookAppointment(db: Db, input: BookInput, actor: Actor, now: Date): AppointmentSaved {
  if (input.overrideDoubleBooking && !actor.canOverride) throw forbidden('Only an administrator can book over another appointment or time off.');
  const clinic = clinicConventions(db);
  const tz = clinic.timeZone;
  return inWriteTransaction(db, () => {
    const patient = checkPatient(db, input.patientId);
    const p = plan(db, input, tz);
    const slots: Slot[] = p.occurrences.map((o) => ({ providerId: input.providerId, providerName: p.providerName, start: o.start, end: o.end }));

    // Every occurrence is checked before the first is written: a series is booked whole or not at all. A single
    // booking without an override leaves the overlap to the database trigger (guardDoubleBooking words it the same way).
    const single = slots.length === 1 && !input.overrideDoubleBooking;
    const clashes = single ? [timeAwayFor(db, tz, slots[0]!)] : slots.map((s) => clashesFor(db, tz, s));
    const clashing = clashes.filter((c) => c.length > 0).length;
    if (clashing > 0 && !input.overrideDoubleBooking) {
      if (slots.length === 1) {
        // Everything in the way, the doctor's other appointments included, as before.
        const message = `${clashesFor(db, tz, slots[0]!).map((c) => c.message).join(' ')} Choose another time.`;
        throw conflict(message, { startsAt: message });
      }
      const lines = slots.flatMap((s, i) => (clashes[i]!.length ? [`${formatLocalRange(tz, s.start, s.end)}: ${clashes[i]![0]!.message}`] : []));
      const message = `${clashing} of ${slots.length} appointments clash, so none were booked. ${lines.slice(0, 5).join(' ')}${lines.length > 5 ? ` …and ${lines.length - 5} more.` : ''}`;
      throw conflict(message, { repeat: message });
    }

    const at = now.getTime();
    const seriesId = input.repeat
      ? db
          .insert(appointmentSeries)
          .values({
            patientId: input.patientId,
            providerId: input.providerId,
            everyWeeks: input.repeat.everyWeeks,
            untilDate: input.repeat.until ?? null,
            occurrences: slots.length,
            createdBy: actor.id,
            createdAt: at,
          })
          .returning({ id: appointmentSeries.id })
          .get().id
      : null;

    const rows: AppointmentRow[] = [];
    const undo: AppointmentSaved['undo'] = [];
    // A series' later occurrences copy the first visit as the earlier ones left it (their insert triggers moved the
    // patient's first_visit_at; a later start never does, so nothing would correct a stale copy).
    let firstVisitAt = patient.firstVisitAt;
    slots.forEach((slot, i) => {
      const overridden = clashes[i]!.length > 0;
      // RETURNING hands back the stored row, so nothing is read again after the insert.
      const row = guardDoubleBooking(db, tz, slot, () =>
        toAppointmentRow(
          statement(db, INSERT_APPOINTMENT).get(
            input.patientId,
            input.providerId,
            p.typeId,
            p.mode,
            slot.start,
            slot.end,
            input.reason,
            input.notes,
            p.fee,
            clinic.currency,
            overridden ? 1 : 0,
            overridden ? actor.id : null,
            seriesId,
            seriesId === null ? null : i,
            at,
            actor.id,
            at,
            actor.id,
            patient.name,
            patient.hasAllergies,
            firstVisitAt,
          ) as StoredAppointment,
        ),
      );
      firstVisitAt = firstVisitAt === null ? slot.start : Math.min(firstVisitAt, slot.start);
      const historyId = recordHistory(db, { appointmentId: row.id, at, by: actor.id, action: 'booked', changes: diffRows(null, row) });
      appointmentChanged(db, { type: 'booked', appointmentId: row.id, isNew: true });
      rows.push(row);
      undo.push({ appointmentId: row.id, historyId });
    });

    const changed = rows.map(toAppointment);
    return { appointment: changed[0]!, changed, undo, warnings: bookingWarnings(db, tz, input.patientId, slots, rows.map((r) => r.id)) };
  });
}

/** Not refusals: the patient is elsewhere at the same time, or the doctor is booked outside their hours. */
export function bookingWarnings(db: Db, tz: string, patientId: number, slots: Slot[], ownIds: number[]): BookingWarning[] {
  const warnings: BookingWarning[] = [];
  const rulesOf = new Map<number, ReturnType<typeof getHoursRows>>();
  for (const s of slots) {
    warnings.push(...patientOverlaps(db, tz, patientId, s.start, s.end, ownIds));
    if (!rulesOf.has(s.providerId)) rulesOf.set(s.providerId, getHoursRows(db, s.providerId));
    if (!withinWorkingTime(rulesOf.get(s.providerId)!, tz, s.start, s.end)) {
      warnings.push({ kind: 'outside_working_hours', appointmentId: null, message: `${formatLocalRange(tz, s.start, s.end)} is outside ${s.providerName}’s working hours.` });
    }
  }
  return warnings.slice(0, 20);
}
