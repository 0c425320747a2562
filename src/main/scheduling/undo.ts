// Undo (and redo): restores the "before" values a history entry recorded. Only an appointment's latest
// entry can be undone, so an undo never silently discards a change someone made since.
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppointmentSaved, undoInput } from '../../shared/scheduling-appointments';
import type { Db } from '../db/client';
import { appointmentHistory } from '../db/schema';
import { conflict, notFound } from '../ipc/errors';
import type { Actor } from './booking';
import { guardDoubleBooking } from './conflicts';
import { applyChange, findAppointmentRow, inWriteTransaction, toAppointment, TRACKED_FIELDS, type AppointmentRow, type Changes } from './history';
import { findProviderRow } from './providers';
import { clinicConventions } from './rows';

type Patch = Parameters<typeof applyChange>[2];

function restorePatch(action: string, changes: Changes, actor: Actor, at: number): Patch {
  // Undoing a booking cancels it: the row stays, so payments and the audit trail still make sense.
  if (action === 'booked') return { status: 'cancelled', cancelledAt: at, cancelledBy: actor.id, cancelReason: 'Booking undone' };
  const patch: Record<string, unknown> = {};
  for (const f of TRACKED_FIELDS) if (f in changes) patch[f] = changes[f]![0];
  if ('status' in patch && patch.status !== 'cancelled') patch.cancelReason = null;
  return patch as Patch;
}

export function undoChanges(db: Db, input: z.output<typeof undoInput>, actor: Actor, now: Date): AppointmentSaved {
  const tz = clinicConventions(db).timeZone;
  return inWriteTransaction(db, () => {
    const at = now.getTime();
    const work = input.entries.map((e) => {
      const entry = db
        .select()
        .from(appointmentHistory)
        .where(and(eq(appointmentHistory.id, e.historyId), eq(appointmentHistory.appointmentId, e.appointmentId)))
        .get();
      if (!entry) throw notFound('That change');
      const latest = db
        .select({ id: appointmentHistory.id })
        .from(appointmentHistory)
        .where(eq(appointmentHistory.appointmentId, e.appointmentId))
        .orderBy(desc(appointmentHistory.id))
        .limit(1)
        .get();
      if (latest?.id !== entry.id) throw conflict('This appointment was changed again since; open it to see its history and change it from there.');
      const row = findAppointmentRow(db, e.appointmentId);
      const patch = restorePatch(entry.action, JSON.parse(entry.changes) as Changes, actor, at);
      return { row, patch, target: patch.startsAt ?? row.startsAt };
    });
    // Moves back to earlier times go first in time order, moves to later times last-first: no step overlaps a sibling.
    const earlier = work.filter((w) => w.target <= w.row.startsAt).sort((a, b) => a.target - b.target);
    const later = work.filter((w) => w.target > w.row.startsAt).sort((a, b) => b.target - a.target);
    const rows: AppointmentRow[] = [];
    const undo: AppointmentSaved['undo'] = [];
    for (const { row, patch } of [...earlier, ...later]) {
      const providerId = patch.providerId ?? row.providerId;
      const slot = { providerId, providerName: findProviderRow(db, providerId).name, start: patch.startsAt ?? row.startsAt, end: patch.endsAt ?? row.endsAt };
      const { row: done, historyId } = guardDoubleBooking(db, tz, slot, () => applyChange(db, row, patch, { action: 'undo', by: actor.id, at }), [row.id]);
      rows.push(done);
      undo.push({ appointmentId: done.id, historyId });
    }
    const changed = rows.map(toAppointment);
    return { appointment: changed[0]!, changed, undo, warnings: [] };
  });
}
