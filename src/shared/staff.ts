// Staff accounts as the renderer sees them: never a password hash.
import { z } from 'zod';
import { id, password, requiredText } from './fields';
import { ROLES, type Role } from './roles';

export interface StaffMember {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}

export const username = z
  .string({ error: 'Username is required.' })
  .trim()
  .toLowerCase()
  .min(3, 'Username must be at least 3 characters.')
  .max(40, 'Username must be at most 40 characters.')
  .regex(/^[a-z0-9._-]+$/, 'Username may use letters, digits, dot, dash and underscore only.');

const role = z.enum(ROLES, { error: 'Role must be admin, receptionist or doctor.' });

export const staffCreateInput = z.object({
  username,
  displayName: requiredText('Full name', 120),
  role,
  password: password(),
});

export const staffUpdateInput = z.object({
  id: id('Staff id'),
  displayName: requiredText('Full name', 120).optional(),
  role: role.optional(),
  active: z.boolean({ error: 'Active must be true or false.' }).optional(),
});

export const staffResetPasswordInput = z.object({ id: id('Staff id'), password: password('New password') });
