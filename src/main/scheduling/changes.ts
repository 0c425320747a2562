// Changing an appointment: reschedule (also "this and following" of a series), cancel, status steps, edits.
// Each goes through applyChange, so every change leaves a history entry and notifies payments in the same transaction.
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import {
  canMoveTo,
  STATUS_LABELS,
  type AppointmentSaved,
  type AppointmentStatus,
  type appointmentUpdateInput,
  type cancelInput,
  type rescheduleInput,
  type setStatusInput,
} from '../../shared/scheduling-appointments';
import type { Db } from '../db/client';
import { appointments, MAX_APPOINTMENT_MS } from '../db/schema';
import { conflict, forbidden, invalidField } from '../ipc/errors';
import { findTypeRow } from './appointment-types';
import { bookingWarnings, type Actor } from './booking';
import { clashesFor, guardDoubleBooking, type Slot } from './conflicts';
import { applyChange, findAppointmentRow, inWriteTransaction, toAppointment, type AppointmentRow } from './history';
import { findProviderRow } from './providers';
import { formatLocal, formatLocalRange, localDayOf, localMinuteOf, wallClockToInstant } from './time';
import { clinicConventions } from './rows';

const label = (s: AppointmentStatus) => STATUS_LABELS[s];
/** Names both statuses, as the desk sees them: "An appointment marked Completed cannot be changed to Confirmed." */
const refusedStep = (from: AppointmentStatus, to: AppointmentStatus) => `An appointment marked ${label(from)} cannot be changed to ${label(to)}.`;

/** The appointment itself, or it and the later, still-open occurrences of its series. */
function withFollowing(db: Db, row: AppointmentRow, scope: 'this' | 'following', statuses: AppointmentStatus[]): AppointmentRow[] {
  if (scope === 'this' || row.seriesId === null || row.seriesIndex === null) return [row];
  const later = db
    .select()
    .from(appointments)
    .where(and(eq(appointments.seriesId, row.seriesId), gte(appointments.seriesIndex, row.seriesIndex), inArray(appointments.status, statuses)))
    .orderBy(asc(appointments.seriesIndex))
    .all()
    .filter((r) => r.id !== row.id);
  return [row, ...later];
}

function saved(rows: AppointmentRow[], undo: AppointmentSaved['undo'], warnings: AppointmentSaved['warnings'] = []): AppointmentSaved {
  const changed = rows.map(toAppointment);
  return { appointment: changed[0]!, changed, undo, warnings };
}

export function reschedule(db: Db, input: z.output<typeof rescheduleInput>, actor: Actor, now: Date): AppointmentSaved {
  if (input.overrideDoubleBooking && !actor.canOverride) throw forbidden('Only an administrator can book over another appointment or time off.');
  const tz = clinicConventions(db).timeZone;
  return inWriteTransaction(db, () => {
    const row = findAppointmentRow(db, input.id);
    if (row.status !== 'booked' && row.status !== 'confirmed') throw conflict(`An appointment marked ${label(row.status)} cannot be moved; only booked or confirmed ones can.`);
    const provider = findProviderRow(db, input.providerId ?? row.providerId);
    if (!provider.active) throw invalidField('providerId', `${provider.name} no longer takes appointments. Choose another doctor.`);
    const start = Date.parse(input.startsAt);
    const end = input.endsAt === undefined ? start + (row.endsAt - row.startsAt) : Date.parse(input.endsAt);
    if (end - start > MAX_APPOINTMENT_MS) throw invalidField('endsAt', 'An appointment can last at most 12 hours.');

    // Later occurrences move by the same local shift (days and wall-clock minutes), so DST keeps them on time.
    const set = withFollowing(db, row, input.scope, ['booked', 'confirmed']);
    const dayShift = localDayOf(tz, start) - localDayOf(tz, row.startsAt);
    const minuteShift = localMinuteOf(tz, start) - localMinuteOf(tz, row.startsAt);
    const slots: Slot[] = set.map((r, i) => {
      const s = i === 0 ? start : wallClockToInstant(tz, localDayOf(tz, r.startsAt) + dayShift, localMinuteOf(tz, r.startsAt) + minuteShift);
      const length = input.endsAt === undefined ? r.endsAt - r.startsAt : end - start;
      return { providerId: provider.id, providerName: provider.name, start: s, end: s + length };
    });
    const ids = set.map((r) => r.id);
    const clashes = slots.map((s) => clashesFor(db, tz, s, ids));
    const clashing = clashes.filter((c) => c.length > 0).length;
    if (clashing > 0 && !input.overrideDoubleBooking) {
      const lines = slots.flatMap((s, i) => (clashes[i]!.length ? [set.length > 1 ? `${formatLocalRange(tz, s.start, s.end)}: ${clashes[i]![0]!.message}` : clashes[i]!.map((c) => c.message).join(' ')] : []));
      const message = `${set.length > 1 ? `${clashing} of ${set.length} appointments clash, so none were moved. ` : ''}${lines.slice(0, 5).join(' ')} Choose another time.`;
      throw conflict(message, { startsAt: message });
    }

    // Moving later: last first; earlier: first first — so no step overlaps a sibling that has not moved yet.
    const order = set.map((_, i) => i);
    if (start > row.startsAt) order.reverse();
    const at = now.getTime();
    const after: AppointmentRow[] = [...set];
    const undo: AppointmentSaved['undo'] = [];
    for (const i of order) {
      const overridden = clashes[i]!.length > 0;
      const slot = slots[i]!;
      const { row: moved, historyId } = guardDoubleBooking(db, tz, slot, () =>
        applyChange(
          db,
          set[i]!,
          { startsAt: slot.start, endsAt: slot.end, providerId: slot.providerId, overrideDoubleBooking: overridden, overrideBy: overridden ? actor.id : null },
          { action: 'rescheduled', by: actor.id, at },
        ),
        [set[i]!.id],
      );
      after[i] = moved;
      undo.push({ appointmentId: moved.id, historyId });
    }
    return saved(after, undo, bookingWarnings(db, tz, row.patientId, slots, ids));
  });
}

export function cancel(db: Db, input: z.output<typeof cancelInput>, actor: Actor, now: Date): AppointmentSaved {
  return inWriteTransaction(db, () => {
    const row = findAppointmentRow(db, input.id);
    if (!canMoveTo(row.status, 'cancelled')) throw conflict(refusedStep(row.status, 'cancelled'), { status: refusedStep(row.status, 'cancelled') });
    const set = withFollowing(db, row, input.scope, ['booked', 'confirmed']);
    const at = now.getTime();
    const undo: AppointmentSaved['undo'] = [];
    const after = set.map((r) => {
      const { row: done, historyId } = applyChange(db, r, { status: 'cancelled', cancelledAt: at, cancelledBy: actor.id, cancelReason: input.reason }, { action: 'cancelled', by: actor.id, at });
      undo.push({ appointmentId: done.id, historyId });
      return done;
    });
    return saved(after, undo);
  });
}

export function setStatus(db: Db, input: z.output<typeof setStatusInput>, actor: Actor, now: Date): AppointmentSaved {
  const tz = clinicConventions(db).timeZone;
  return inWriteTransaction(db, () => {
    const row = findAppointmentRow(db, input.id);
    const to = input.status;
    if (row.status === to) throw conflict(`This appointment is already marked ${label(to)}.`, { status: `This appointment is already marked ${label(to)}.` });
    if (!canMoveTo(row.status, to)) {
      const message = refusedStep(row.status, to);
      throw conflict(message, { status: message });
    }
    if (to === 'no_show' && now.getTime() < row.startsAt) {
      const message = `A patient can be marked as a no-show only once the appointment has started (${formatLocal(tz, row.startsAt)}).`;
      throw conflict(message, { status: message });
    }
    const at = now.getTime();
    const patch = to === 'arrived' ? { status: to, arrivedAt: at } : { status: to };
    const provider = findProviderRow(db, row.providerId);
    // A no-show who turns up late takes the slot back: the trigger refuses if someone was booked into it.
    const { row: done, historyId } = guardDoubleBooking(db, tz, { providerId: row.providerId, providerName: provider.name, start: row.startsAt, end: row.endsAt }, () =>
      applyChange(db, row, patch, { action: 'status', by: actor.id, at }),
      [row.id],
    );
    return saved([done], [{ appointmentId: done.id, historyId }]);
  });
}

export function updateAppointment(db: Db, input: z.output<typeof appointmentUpdateInput>, actor: Actor, now: Date): AppointmentSaved {
  return inWriteTransaction(db, () => {
    const row = findAppointmentRow(db, input.id);
    if (input.typeId !== undefined && input.typeId !== null) findTypeRow(db, input.typeId);
    const { id: _id, ...fields } = input;
    const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const { row: done, historyId } = applyChange(db, row, patch, { action: 'updated', by: actor.id, at: now.getTime() });
    return saved([done], [{ appointmentId: done.id, historyId }]);
  });
}
