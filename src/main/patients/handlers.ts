// IPC handlers of the patient register; every change and every record view is audited.
import { roleAllows } from '../../shared/roles';
import { userOf } from '../ipc/context';
import type { HandlersFor } from '../ipc/handler-types';
import { patientSearchHandlers } from '../search/handlers';
import { createPatient, getPatient, listPatients, setArchived, updatePatient } from './service';

export const patientHandlers: HandlersFor<'patients'> = {
  ...patientSearchHandlers,
  'patients.list': (input, ctx) => listPatients(ctx.db, input, { now: ctx.now(), withSpend: roleAllows(userOf(ctx).role, 'payments.read') }),
  'patients.get': (input, ctx) => {
    const patient = getPatient(ctx.db, input.id);
    ctx.audit('view', 'patient', patient.id);
    return patient;
  },
  'patients.create': (input, ctx) => {
    const patient = createPatient(ctx.db, input, userOf(ctx).id, ctx.now());
    ctx.audit('create', 'patient', patient.id);
    return patient;
  },
  'patients.update': (input, ctx) => {
    const patient = updatePatient(ctx.db, input.id, input.fields, input.loadedUpdatedAt, userOf(ctx).id, ctx.now());
    ctx.audit('update', 'patient', patient.id);
    return patient;
  },
  'patients.archive': (input, ctx) => {
    const patient = setArchived(ctx.db, input.id, true, userOf(ctx).id, ctx.now());
    ctx.audit('archive', 'patient', patient.id);
    return patient;
  },
  'patients.restore': (input, ctx) => {
    const patient = setArchived(ctx.db, input.id, false, userOf(ctx).id, ctx.now());
    ctx.audit('restore', 'patient', patient.id);
    return patient;
  },
};
