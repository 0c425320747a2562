// IPC handlers of the pinboard; each pin and unpin is audited (appointment id only, by whoever did it — an
// administrator clearing a colleague's pin shows as theirs).
import { roleAllows } from '../../shared/roles';
import { userOf } from '../ipc/context';
import type { HandlersFor } from '../ipc/handler-types';
import { listPins, pinAppointment, unpinAppointment } from './service';

export const pinboardHandlers: HandlersFor<'pinboard'> = {
  'pinboard.list': (_input, ctx) => listPins(ctx.db, userOf(ctx).id),
  'pinboard.pin': (input, ctx) => {
    const { card, added } = pinAppointment(ctx.db, input.appointmentId, userOf(ctx).id, ctx.now());
    if (added) ctx.audit('pin', 'appointment', input.appointmentId);
    return card;
  },
  'pinboard.unpin': (input, ctx) => {
    const user = userOf(ctx);
    if (unpinAppointment(ctx.db, input.appointmentId, user.id, roleAllows(user.role, 'schedule.manage'))) ctx.audit('unpin', 'appointment', input.appointmentId);
    return null;
  },
};
