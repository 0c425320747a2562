// Doctors and their weekly working hours. Deactivated providers keep their appointments and history.
import { asc, eq } from 'drizzle-orm';
import { hhmmOf, minutesOf, type Provider, type ProviderFields, type WorkingHours, type hoursSetInput } from '../../shared/scheduling';
import type { z } from 'zod';
import type { Db } from '../db/client';
import { providers, staff, workingHours } from '../db/schema';
import { invalidField, notFound } from '../ipc/errors';
import { hoursRows, providerRow } from './rows';
import { dateOfDayNumber, weekNumberOf } from './time';

type ProviderRow = typeof providers.$inferSelect;

export const toProvider = ({ createdAt: _c, updatedAt: _u, ...rest }: ProviderRow): Provider => rest;

export function listProviders(db: Db, includeInactive: boolean): Provider[] {
  const q = db.select().from(providers);
  const rows = includeInactive ? q.orderBy(asc(providers.name)).all() : q.where(eq(providers.active, true)).orderBy(asc(providers.name)).all();
  return rows.map(toProvider);
}

export const findProviderRow: (db: Db, id: number) => ProviderRow = providerRow;

/** A linked staff account must exist and be a doctor's, so the doctor's own views find their provider. */
function checkStaffLink(db: Db, staffId: number | null): void {
  if (staffId === null) return;
  const row = db.select({ role: staff.role }).from(staff).where(eq(staff.id, staffId)).get();
  if (!row) throw invalidField('staffId', 'That staff account does not exist.');
  if (row.role !== 'doctor') throw invalidField('staffId', 'Only a doctor’s staff account can be linked to a doctor.');
}

export function createProvider(db: Db, fields: ProviderFields, now: Date): Provider {
  checkStaffLink(db, fields.staffId);
  const at = now.getTime();
  return toProvider(db.insert(providers).values({ ...fields, createdAt: at, updatedAt: at }).returning().get());
}

export function updateProvider(db: Db, id: number, fields: ProviderFields, now: Date): Provider {
  findProviderRow(db, id);
  checkStaffLink(db, fields.staffId);
  const row = db.update(providers).set({ ...fields, updatedAt: now.getTime() }).where(eq(providers.id, id)).returning().get();
  if (!row) throw notFound('That doctor');
  return toProvider(row);
}

type HoursRow = typeof workingHours.$inferSelect;

export const toWorkingHours = (r: HoursRow): WorkingHours => ({
  id: r.id,
  providerId: r.providerId,
  kind: r.kind,
  weekday: r.weekday,
  start: hhmmOf(r.startMinute),
  end: hhmmOf(r.endMinute),
  everyWeeks: r.everyWeeks,
  anchorDate: r.anchorDate,
  effectiveFrom: r.effectiveFrom,
  effectiveUntil: r.effectiveUntil,
});

export const getHoursRows: (db: Db, providerId: number) => HoursRow[] = hoursRows;

export function getHours(db: Db, providerId: number): WorkingHours[] {
  findProviderRow(db, providerId);
  return getHoursRows(db, providerId).map(toWorkingHours);
}

/** Replaces the provider's whole week in one go (the form edits the week as a unit). */
export function setHours(db: Db, input: z.output<typeof hoursSetInput>, now: Date): WorkingHours[] {
  findProviderRow(db, input.providerId);
  // Weekly rows need no anchor; store this week's Monday so every row has one and the column stays NOT NULL.
  const today = Math.floor(now.getTime() / 86_400_000);
  const thisMonday = dateOfDayNumber(weekNumberOf(today) * 7 - 3);
  db.delete(workingHours).where(eq(workingHours.providerId, input.providerId)).run();
  for (const r of input.rows) {
    db.insert(workingHours)
      .values({
        providerId: input.providerId,
        kind: r.kind,
        weekday: r.weekday,
        startMinute: minutesOf(r.start),
        endMinute: minutesOf(r.end),
        everyWeeks: r.everyWeeks,
        anchorDate: r.anchorDate ?? thisMonday,
        effectiveFrom: r.effectiveFrom,
        effectiveUntil: r.effectiveUntil,
      })
      .run();
  }
  return getHours(db, input.providerId);
}
