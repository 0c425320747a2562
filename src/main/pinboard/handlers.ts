// IPC handlers of the pinboard; each pin and unpin is audited (appointment id only).
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
    if (unpinAppointment(ctx.db, input.appointmentId, userOf(ctx).id)) ctx.audit('unpin', 'appointment', input.appointmentId);
    return null;
  },
};
