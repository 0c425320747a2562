// The patient register: create, edit, archive and restore, with record numbers and normalised phones.
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { MERGED_AWAY_FIELD, type Patient, type PatientFields, type PatientPage, type PatientSummary } from '../../shared/patients';
import type { patientListInput } from '../../shared/patients';
import { normalizePhone } from '../../shared/phone';
import type { z } from 'zod';
import { getClinic } from '../clinic/service';
import { nextInSequence } from '../clinic/sequence';
import type { Db } from '../db/client';
import { patientActivity, patients } from '../db/schema';
import { AppFailure, conflict, forbidden, notFound } from '../ipc/errors';
import { bringLastVisitsTo } from './activity';
import { checkEditVersion, versionAfter } from './edit-version';
import { appointmentCount, hasUpcoming, lastVisitMs, totalSpend } from './list-extras';
import { mergedInto } from './merge';
import { findPatientIds } from '../search/search-patients';

/** A typed filter narrows the list to at most this many best matches. */
const LIST_SEARCH_LIMIT = 1000;

type PatientRow = typeof patients.$inferSelect;

export function formatMrn(n: number): string {
  return `P-${String(n).padStart(6, '0')}`;
}

export function toPatient(row: PatientRow): Patient {
  const { sortName: _s, createdBy: _c, updatedBy: _u, firstVisitAt: _f, ...rest } = row;
  return rest;
}

export const sortNameOf = (f: { firstName: string; lastName: string }) => `${f.lastName} ${f.firstName}`.toLowerCase();

/** Checks both phones against the clinic's country; every bad field is reported at once. */
function normalisePhones(db: Db, fields: PatientFields): PatientFields {
  const country = getClinic(db).country;
  const errors: Record<string, string> = {};
  const phone = normalizePhone(fields.phone, country, 'Mobile phone');
  if (!phone.ok) errors.phone = phone.message;
  let emergency: string | null = null;
  if (fields.emergencyContactPhone) {
    const e = normalizePhone(fields.emergencyContactPhone, country, 'Emergency contact phone');
    if (e.ok) emergency = e.e164;
    else errors.emergencyContactPhone = e.message;
  }
  const names = Object.keys(errors);
  if (names.length || !phone.ok) throw new AppFailure('VALIDATION', Object.values(errors).join(' '), errors);
  return { ...fields, phone: phone.e164, emergencyContactPhone: emergency };
}

export function getPatient(db: Db, id: number): Patient {
  const row = db.select().from(patients).where(eq(patients.id, id)).get();
  if (!row) throw notFound('That patient');
  return toPatient(row);
}

export function createPatient(db: Db, fields: PatientFields, by: number, now: Date): Patient {
  const clean = normalisePhones(db, fields);
  const at = now.toISOString();
  return db.transaction((tx) => {
    const mrn = formatMrn(nextInSequence(tx, 'mrn'));
    const row = tx
      .insert(patients)
      .values({ ...clean, mrn, sortName: sortNameOf(clean), createdAt: at, updatedAt: at, createdBy: by, updatedBy: by })
      .returning()
      .get();
    return toPatient(row);
  });
}

/** `loadedUpdatedAt`: the version the form was filled from; a record changed since is refused (edit-version.ts). */
export function updatePatient(db: Db, id: number, fields: PatientFields, loadedUpdatedAt: string, by: number, now: Date): Patient {
  return db.transaction((tx) => {
    // A merged-away record first: loading "their changes" would only lead back to a record nobody books on.
    refuseEditingMerged(db, id);
    // Then a stale version: the fields may read differently once their changes are loaded.
    const updatedAt = checkEditVersion(db, id, loadedUpdatedAt, now);
    const clean = normalisePhones(db, fields);
    const row = tx
      .update(patients)
      .set({ ...clean, sortName: sortNameOf(clean), updatedAt, updatedBy: by })
      .where(eq(patients.id, id))
      .returning()
      .get();
    if (!row) throw notFound('That patient');
    return toPatient(row);
  });
}

/** Archive or restore; moves the record's version on like an edit, so a form opened before refuses to save over it. */
export function setArchived(db: Db, id: number, archived: boolean, by: number, now: Date): Patient {
  return db.transaction((tx) => {
    if (!archived) refuseRestoringMerged(db, id);
    const updatedAt = versionAfter(db, id, now);
    const row = tx
      .update(patients)
      .set({ archivedAt: archived ? now.toISOString() : null, updatedAt, updatedBy: by })
      .where(eq(patients.id, id))
      .returning()
      .get();
    if (!row) throw notFound('That patient');
    return toPatient(row);
  });
}

/** The record number of the record a merged-away patient now lives in; null when this record was not merged. */
function keptMrnOf(db: Db, id: number): string | null {
  const keptId = mergedInto(db, id);
  if (keptId === null) return null;
  return db.select({ mrn: patients.mrn }).from(patients).where(eq(patients.id, keptId)).get()?.mrn ?? 'another record';
}

/** A merged-away record stays archived: restoring it would split the patient's history over two records again. */
function refuseRestoringMerged(db: Db, id: number): void {
  const where = keptMrnOf(db, id);
  if (where === null) return;
  throw conflict(`This record was merged into ${where}, so it cannot be restored. Open ${where} to book or edit this patient.`);
}

/**
 * A merged-away record takes no edits: the patient's appointments and payments live on the kept record, and a
 * change saved here would sit where nobody looks. The form offers the kept record instead (MERGED_AWAY_FIELD).
 */
function refuseEditingMerged(db: Db, id: number): void {
  const where = keptMrnOf(db, id);
  if (where === null) return;
  const message = `This record was merged into ${where}, so nothing was saved to it. What you typed is still in the form: carry it over to ${where}, check it, then save.`;
  throw conflict(message, { [MERGED_AWAY_FIELD]: message });
}

const summaryColumns = {
  id: patients.id,
  mrn: patients.mrn,
  firstName: patients.firstName,
  lastName: patients.lastName,
  dateOfBirth: patients.dateOfBirth,
  phone: patients.phone,
  email: patients.email,
  archivedAt: patients.archivedAt,
  createdAt: patients.createdAt,
};

export interface ListOptions {
  now: Date;
  /** Whether the caller may see money: total spend is filled (and sortable) only then. */
  withSpend: boolean;
}

type ListQuery = Omit<z.output<typeof patientListInput>, 'upcoming'> & { upcoming?: boolean };

export function listPatients(db: Db, q: ListQuery, opts: ListOptions = { now: new Date(), withSpend: false }): PatientPage {
  if (q.sort === 'totalSpend' && !opts.withSpend) throw forbidden('Only staff who can see payments can sort by total spend.');
  const currency = opts.withSpend ? getClinic(db).currency : '';
  const where: SQL[] = [];
  if (q.upcoming) where.push(hasUpcoming(opts.now));
  if (q.status === 'active') where.push(isNull(patients.archivedAt));
  if (q.status === 'archived') where.push(isNotNull(patients.archivedAt));
  const text = q.query.trim();
  if (text) {
    // The front-desk search picks the matches (indexed tiers, accents, typos — never a LIKE scan of every
    // patient); the list then sorts and pages them.
    const { ids } = findPatientIds(db, { query: text, limit: LIST_SEARCH_LIMIT, includeArchived: q.status !== 'active' });
    where.push(inArray(patients.id, ids));
  }
  const cond = where.length ? and(...where) : undefined;
  const dir = q.direction === 'asc' ? asc : desc;
  // Last visit and total spend sort on patient_activity's indexes (kept by triggers, migration 0014) — the
  // same values the row shows, which are still read per listed row below.
  const byActivity = q.sort === 'lastVisit' || q.sort === 'totalSpend';
  if (q.sort === 'lastVisit') bringLastVisitsTo(db.$client, opts.now);
  const order = {
    name: [dir(patients.sortName), dir(patients.id)],
    createdAt: [dir(patients.createdAt), dir(patients.id)],
    dateOfBirth: [dir(patients.dateOfBirth), dir(patients.id)],
    mrn: [dir(patients.mrn)],
    // Never-seen patients sort after everyone else when newest visits come first (NULLs are lowest).
    lastVisit: [dir(patientActivity.lastVisitMs), dir(patientActivity.patientId)],
    totalSpend: [dir(patientActivity.totalPaid), dir(patientActivity.patientId)],
  }[q.sort];
  const columns = {
    ...summaryColumns,
    lastVisitMs: lastVisitMs(opts.now),
    totalSpend: opts.withSpend ? totalSpend(currency) : sql<null>`NULL`,
    appointmentCount: appointmentCount(),
  };
  const joined = and(eq(patients.id, patientActivity.patientId), cond);
  // Over the whole register, CROSS JOIN keeps patient_activity the outer loop: its index gives the order and
  // LIMIT stops the walk after one page (as an inner join the planner may start from patients and sort them
  // all). A typed filter leaves at most LIST_SEARCH_LIMIT patients: those are read by id and sorted.
  const rows = (
    !byActivity
      ? db.select(columns).from(patients).where(cond)
      : text
        ? db.select(columns).from(patients).innerJoin(patientActivity, eq(patientActivity.patientId, patients.id)).where(cond)
        : db.select(columns).from(patientActivity).crossJoin(patients).where(joined)
  )
    .orderBy(...order)
    .limit(q.limit)
    .offset(q.offset)
    .all()
    .map(({ lastVisitMs: at, ...row }): PatientSummary => ({ ...row, lastVisitAt: at === null ? null : new Date(at).toISOString() }));
  // The register's size comes from the trigger-kept counts when only the status filters; anything narrower counts.
  const total = !text && !q.upcoming ? registerSize(db, q.status) : (db.select({ n: count() }).from(patients).where(cond).get()?.n ?? 0);
  return { rows, total };
}

/** Active, archived or all patients, from patient_counts (migration 0010). */
function registerSize(db: Db, status: 'active' | 'archived' | 'all'): number {
  const rows = db.$client.prepare<[], { status: string; n: number }>('SELECT status, n FROM patient_counts').all();
  return rows.filter((r) => status === 'all' || r.status === status).reduce((sum, r) => sum + r.n, 0);
}
