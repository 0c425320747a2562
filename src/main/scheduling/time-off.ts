// Holidays and sick days of a provider, and clinic-wide closures (provider NULL).
import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
import type { z } from 'zod';
import { ACTIVE_STATUSES } from '../../shared/scheduling-appointments';
import type { TimeOff, TimeOffCreated, timeOffCreateInput, timeOffListInput } from '../../shared/scheduling';
import type { Db } from '../db/client';
import { appointments, MAX_APPOINTMENT_MS, timeOff } from '../db/schema';
import { notFound } from '../ipc/errors';
import { findProviderRow } from './providers';
import { timeOffRowsIn } from './rows';
import { toIso } from './time';

type TimeOffRow = typeof timeOff.$inferSelect;

export const toTimeOff = (r: Pick<TimeOffRow, 'id' | 'providerId' | 'startsAt' | 'endsAt' | 'reason'>): TimeOff => ({
  id: r.id,
  providerId: r.providerId,
  startsAt: toIso(r.startsAt),
  endsAt: toIso(r.endsAt),
  reason: r.reason,
});

/** Time off of these providers (all when omitted) and clinic closures overlapping [from, to). */
export const timeOffRows: (db: Db, from: number, to: number, providerIds?: readonly number[]) => TimeOffRow[] = timeOffRowsIn;

export function listTimeOff(db: Db, q: z.output<typeof timeOffListInput>): TimeOff[] {
  return timeOffRows(db, Date.parse(q.from), Date.parse(q.to), q.providerId === undefined ? undefined : [q.providerId]).map(toTimeOff);
}

export function createTimeOff(db: Db, input: z.output<typeof timeOffCreateInput>, by: number, now: Date): TimeOffCreated {
  if (input.providerId !== null) findProviderRow(db, input.providerId);
  const startsAt = Date.parse(input.startsAt);
  const endsAt = Date.parse(input.endsAt);
  const row = db
    .insert(timeOff)
    .values({ providerId: input.providerId, startsAt, endsAt, reason: input.reason, createdBy: by, createdAt: now.getTime() })
    .returning()
    .get();
  // Existing bookings are not moved automatically: the desk calls those patients, so it gets the list.
  const clashing = db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        input.providerId === null ? undefined : eq(appointments.providerId, input.providerId),
        gt(appointments.startsAt, startsAt - MAX_APPOINTMENT_MS),
        lt(appointments.startsAt, endsAt),
        gt(appointments.endsAt, startsAt),
        inArray(appointments.status, [...ACTIVE_STATUSES]),
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .all();
  return { timeOff: toTimeOff(row), clashingAppointmentIds: clashing.map((c) => c.id) };
}

export function removeTimeOff(db: Db, id: number): void {
  const row = db.delete(timeOff).where(eq(timeOff.id, id)).returning({ id: timeOff.id }).get();
  if (!row) throw notFound('That time off');
}
