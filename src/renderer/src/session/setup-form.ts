// The setup form's schema: the shared setupInput plus a password confirmation that never leaves the renderer.
import { z } from 'zod';
import { setupInput } from '../../../shared/auth';

export const setupForm = setupInput
  .extend({ admin: setupInput.shape.admin.extend({ confirmPassword: z.string() }) })
  .refine((v) => v.admin.password === v.admin.confirmPassword, {
    path: ['admin', 'confirmPassword'],
    message: 'The two passwords do not match. Type the same password twice.',
  });

export type SetupFormValues = z.input<typeof setupForm>;

export const SETUP_FIELD_PATHS = [
  'clinic.name', 'clinic.address', 'clinic.phone', 'clinic.email', 'clinic.country', 'clinic.timeZone', 'clinic.currency',
  'clinic.lockAfterMinutes', 'admin.displayName', 'admin.username', 'admin.password', 'admin.confirmPassword',
] as const;
