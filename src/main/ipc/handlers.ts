// Every channel's handler. Typed as Handlers: leaving one out, or mistyping it, fails typecheck.
import { backupHandlers } from '../clinic/backup-handlers';
import { deskHandlers } from '../desk/handlers';
import { patientHandlers } from '../patients/handlers';
import { paymentHandlers } from '../payments/handlers';
import { pinboardHandlers } from '../pinboard/handlers';
import { schedulingHandlers } from '../scheduling/handlers';
import { sessionHandlers } from '../session/handlers';
import { adminHandlers } from '../staff/handlers';
import type { Handlers } from './handler-types';

export const handlers: Handlers = {
  ...sessionHandlers,
  ...adminHandlers,
  ...backupHandlers,
  ...patientHandlers,
  ...paymentHandlers,
  ...schedulingHandlers,
  ...pinboardHandlers,
  ...deskHandlers,
};
