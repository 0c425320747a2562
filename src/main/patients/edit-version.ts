// The optimistic check on patient edits: a save names the version (updatedAt) its form loaded, and a save made
// from a version someone has since replaced is refused, so two desks editing one record never silently overwrite.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { eq } from 'drizzle-orm';
import { STALE_EDIT_FIELD } from '../../shared/patients';
import { getClinic } from '../clinic/service';
import type { Db } from '../db/client';
import { patients, staff } from '../db/schema';
import { conflict, notFound } from '../ipc/errors';

/**
 * Refuses the save unless the record is still at `loaded`; returns the updatedAt the save must write. That value
 * is always later than the stored one — even for two saves within one millisecond or after the clock was set
 * back — because it is the version the next check compares against.
 */
export function checkEditVersion(db: Db, patientId: number, loaded: string, now: Date): string {
  const row = db.select({ updatedAt: patients.updatedAt, updatedBy: patients.updatedBy }).from(patients).where(eq(patients.id, patientId)).get();
  if (!row) throw notFound('That patient');
  if (row.updatedAt !== loaded) throw staleEdit(db, row);
  return new Date(Math.max(now.getTime(), Date.parse(row.updatedAt) + 1)).toISOString();
}

function staleEdit(db: Db, row: { updatedAt: string; updatedBy: number | null }) {
  const who = row.updatedBy === null ? undefined : db.select({ name: staff.displayName }).from(staff).where(eq(staff.id, row.updatedBy)).get()?.name;
  const when = new TZDate(Date.parse(row.updatedAt), getClinic(db).timeZone);
  const message =
    `${who ?? 'Someone'} changed this record on ${format(when, 'EEE d MMM yyyy')} at ${format(when, 'HH:mm')}, after you opened it. ` +
    'Nothing was saved. What you typed is still in the form: load their changes, check them, then save again.';
  return conflict(message, { [STALE_EDIT_FIELD]: message });
}
