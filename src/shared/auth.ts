// Signing in, the first-run setup, and what the renderer knows about the current session.
import { z } from 'zod';
import { clinicProfileInput, type ClinicProfile } from './clinic';
import { password, requiredText } from './fields';
import type { StaffMember } from './staff';
import { username } from './staff';

export interface SessionInfo {
  user: StaffMember;
  locked: boolean;
  clinic: ClinicProfile;
}

export interface SetupStatus {
  needsSetup: boolean;
  clinicName: string | null;
}

export const setupInput = z.object({
  clinic: clinicProfileInput,
  admin: z.object({ username, displayName: requiredText('Full name', 120), password: password() }),
  loadSampleData: z.boolean().default(false),
});

export const signInInput = z.object({
  username: z.string({ error: 'Username is required.' }).trim().toLowerCase().min(1, 'Username is required.').max(40),
  password: z.string({ error: 'Password is required.' }).min(1, 'Password is required.').max(200),
});

export const unlockInput = z.object({
  password: z.string({ error: 'Password is required.' }).min(1, 'Password is required.').max(200),
});

export const empty = z.object({}).strict();
