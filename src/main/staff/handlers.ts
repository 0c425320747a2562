// Administrators manage the clinic profile, staff accounts, and read the audit log.
import { listAudit } from '../audit/service';
import { getClinic, updateClinic } from '../clinic/service';
import { userOf } from '../ipc/context';
import type { HandlersFor } from '../ipc/handler-types';
import { createStaff, listStaff, resetPassword, updateStaff } from './service';

export const adminHandlers: HandlersFor<'clinic' | 'staff' | 'audit'> = {
  'clinic.get': (_input, ctx) => getClinic(ctx.db),
  'clinic.update': (input, ctx) => {
    const { saved, timeZoneChanged } = updateClinic(ctx.db, input, ctx.now());
    ctx.audit('update', 'clinic', 1);
    // Every appointment's clock time moves with the zone: the change is findable in the audit log by itself.
    if (timeZoneChanged) ctx.audit('time-zone-change', 'clinic', 1);
    return saved;
  },
  'staff.list': (_input, ctx) => listStaff(ctx.db),
  'staff.create': async (input, ctx) => {
    const member = await createStaff(ctx.db, input, ctx.now());
    ctx.audit('create', 'staff', member.id);
    return member;
  },
  'staff.update': (input, ctx) => {
    const member = updateStaff(ctx.db, input, ctx.now());
    if (!member.active) ctx.sessions.endForUser(member.id);
    ctx.audit(input.active === false ? 'archive' : 'update', 'staff', member.id);
    return member;
  },
  'staff.resetPassword': async (input, ctx) => {
    await resetPassword(ctx.db, input.id, input.password, ctx.now());
    // Whoever was signed in with the old password must sign in again — unless it is the admin themself.
    if (input.id !== userOf(ctx).id) ctx.sessions.endForUser(input.id);
    ctx.audit('reset-password', 'staff', input.id);
    return null;
  },
  'audit.list': (input, ctx) => listAudit(ctx.db, input),
};
