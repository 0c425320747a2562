// The patient record's version (updatedAt) and the optimistic check on edits: a save names the version its form
// loaded, and a save made from a version someone has since replaced is refused, so two desks editing one record
// never silently overwrite. Every write to the record (edit, archive, restore, merge) moves it with nextVersion.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { eq } from 'drizzle-orm';
import { STALE_EDIT_FIELD } from '../../shared/patients';
import { getClinic } from '../clinic/service';
import type { Db } from '../db/client';
import { patients, staff } from '../db/schema';
import { conflict, notFound } from '../ipc/errors';

/**
 * The updatedAt a write to the record must store. It is always later than the stored one — even for two writes
 * within one millisecond or after the clock was set back — because it is the version the next check compares
 * against: a write that kept the version would let a form opened before it save over it without a word.
 */
export function nextVersion(stored: string, now: Date): string {
  return new Date(Math.max(now.getTime(), Date.parse(stored) + 1)).toISOString();
}

function versionRow(db: Db, patientId: number) {
  const row = db.select({ updatedAt: patients.updatedAt, updatedBy: patients.updatedBy }).from(patients).where(eq(patients.id, patientId)).get();
  if (!row) throw notFound('That patient');
  return row;
}

/** For a write no form names a version for (archive, restore, merge): the updatedAt it must store. */
export function versionAfter(db: Db, patientId: number, now: Date): string {
  return nextVersion(versionRow(db, patientId).updatedAt, now);
}

/** Refuses the save unless the record is still at `loaded`; returns the updatedAt the save must write. */
export function checkEditVersion(db: Db, patientId: number, loaded: string, now: Date): string {
  const row = versionRow(db, patientId);
  if (row.updatedAt !== loaded) throw staleEdit(db, row);
  return nextVersion(row.updatedAt, now);
}

function staleEdit(db: Db, row: { updatedAt: string; updatedBy: number | null }) {
  const who = row.updatedBy === null ? undefined : db.select({ name: staff.displayName }).from(staff).where(eq(staff.id, row.updatedBy)).get()?.name;
  const when = new TZDate(Date.parse(row.updatedAt), getClinic(db).timeZone);
  const message =
    `${who ?? 'Someone'} changed this record on ${format(when, 'EEE d MMM yyyy')} at ${format(when, 'HH:mm')}, after you opened it. ` +
    'Nothing was saved. What you typed is still in the form: load their changes, check them, then save again.';
  return conflict(message, { [STALE_EDIT_FIELD]: message });
}
