// IPC handlers of scheduling. Each runs inside the dispatcher's BEGIN IMMEDIATE transaction with its audit entries.
import type { AppointmentSaved } from '../../shared/scheduling-appointments';
import type { AuditAction } from '../../shared/audit';
import { roleAllows } from '../../shared/roles';
import { userOf, type HandlerContext } from '../ipc/context';
import type { HandlersFor } from '../ipc/handler-types';
import { createType, listTypes, setTypeOverride, updateType } from './appointment-types';
import { bookAppointment, previewSeries, type Actor } from './booking';
import { cancel, reschedule, setStatus, updateAppointment } from './changes';
import { createProvider, getHours, listProviders, setHours, updateProvider } from './providers';
import { dayCounts, forPatient, getDetail, range, today } from './queries';
import { findFreeSlots } from './slots';
import { createTimeOff, listTimeOff, removeTimeOff } from './time-off';
import { clinicConventions } from './rows';
import { undoChanges } from './undo';

function actorOf(ctx: HandlerContext): Actor {
  const user = userOf(ctx);
  return { id: user.id, canOverride: roleAllows(user.role, 'schedule.override') };
}

/** One audit entry per appointment changed; deliberate double-bookings get their own entry too. */
function audited(ctx: HandlerContext, action: AuditAction, result: AppointmentSaved, overrides = false): AppointmentSaved {
  for (const a of result.changed) {
    ctx.audit(action, 'appointment', a.id);
    if (overrides && a.overrideDoubleBooking) ctx.audit('double-book-override', 'appointment', a.id);
  }
  return result;
}

export const schedulingHandlers: HandlersFor<'providers' | 'timeOff' | 'appointmentTypes' | 'appointments' | 'slots'> = {
  'providers.list': (input, ctx) => listProviders(ctx.db, input.includeInactive),
  'providers.create': (input, ctx) => {
    const p = createProvider(ctx.db, input, ctx.now());
    ctx.audit('create', 'provider', p.id);
    return p;
  },
  'providers.update': (input, ctx) => {
    const p = updateProvider(ctx.db, input.id, input.fields, ctx.now());
    ctx.audit('update', 'provider', p.id);
    return p;
  },
  'providers.hoursGet': (input, ctx) => getHours(ctx.db, input.providerId),
  'providers.hoursSet': (input, ctx) => {
    const hours = setHours(ctx.db, input, ctx.now());
    ctx.audit('update', 'provider', input.providerId);
    return hours;
  },

  'timeOff.list': (input, ctx) => listTimeOff(ctx.db, input),
  'timeOff.create': (input, ctx) => {
    const created = createTimeOff(ctx.db, input, userOf(ctx).id, ctx.now());
    ctx.audit('create', 'time-off', created.timeOff.id);
    return created;
  },
  'timeOff.remove': (input, ctx) => {
    removeTimeOff(ctx.db, input.id);
    ctx.audit('remove', 'time-off', input.id);
    return null;
  },

  'appointmentTypes.list': (input, ctx) => listTypes(ctx.db, input),
  'appointmentTypes.create': (input, ctx) => {
    const t = createType(ctx.db, input, ctx.now());
    ctx.audit('create', 'appointment-type', t.id);
    return t;
  },
  'appointmentTypes.update': (input, ctx) => {
    const t = updateType(ctx.db, input.id, input.fields, ctx.now());
    ctx.audit('update', 'appointment-type', t.id);
    return t;
  },
  'appointmentTypes.setOverride': (input, ctx) => {
    const t = setTypeOverride(ctx.db, input);
    ctx.audit('update', 'provider', input.providerId);
    return t;
  },

  'appointments.book': (input, ctx) => audited(ctx, 'create', bookAppointment(ctx.db, input, actorOf(ctx), ctx.now()), true),
  'appointments.previewSeries': (input, ctx) => previewSeries(ctx.db, input),
  'appointments.reschedule': (input, ctx) => audited(ctx, 'reschedule', reschedule(ctx.db, input, actorOf(ctx), ctx.now()), true),
  'appointments.cancel': (input, ctx) => audited(ctx, 'cancel', cancel(ctx.db, input, actorOf(ctx), ctx.now())),
  'appointments.setStatus': (input, ctx) => audited(ctx, 'status-change', setStatus(ctx.db, input, actorOf(ctx), ctx.now())),
  'appointments.update': (input, ctx) => audited(ctx, 'update', updateAppointment(ctx.db, input, actorOf(ctx), ctx.now())),
  'appointments.undo': (input, ctx) => audited(ctx, 'undo', undoChanges(ctx.db, input, actorOf(ctx), ctx.now())),
  'appointments.get': (input, ctx) => {
    const detail = getDetail(ctx.db, input.id);
    ctx.audit('view', 'appointment', detail.id);
    return detail;
  },
  'appointments.range': (input, ctx) => range(ctx.db, input),
  'appointments.dayCounts': (input, ctx) => dayCounts(ctx.db, input),
  'appointments.forPatient': (input, ctx) => forPatient(ctx.db, input, ctx.now()),
  'appointments.today': (input, ctx) => today(ctx.db, input, ctx.now()),

  'slots.find': (input, ctx) => findFreeSlots(ctx.db, input, clinicConventions(ctx.db).timeZone),
};
