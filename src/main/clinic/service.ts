// Reads and writes the clinic's one profile row.
import { eq } from 'drizzle-orm';
import type { ClinicProfile } from '../../shared/clinic';
import type { clinicProfileInput, clinicUpdateInput } from '../../shared/clinic';
import type { z } from 'zod';
import type { Db } from '../db/client';
import { clinic } from '../db/schema';
import { notFound } from '../ipc/errors';
import { checkConventionChanges, type ConventionChanges } from './conventions-guard';

const CLINIC_ID = 1;

export function findClinic(db: Db): ClinicProfile | null {
  const row = db.select().from(clinic).where(eq(clinic.id, CLINIC_ID)).get();
  if (!row) return null;
  const { id: _id, createdAt: _c, updatedAt: _u, ...profile } = row;
  return profile;
}

export function getClinic(db: Db): ClinicProfile {
  const found = findClinic(db);
  if (!found) throw notFound('The clinic profile');
  return found;
}

export function saveClinic(db: Db, input: z.output<typeof clinicProfileInput>, now: Date): ClinicProfile {
  const at = now.toISOString();
  db.insert(clinic)
    .values({ id: CLINIC_ID, ...input, createdAt: at, updatedAt: at })
    .onConflictDoUpdate({ target: clinic.id, set: { ...input, updatedAt: at } })
    .run();
  return getClinic(db);
}

/** Clinic settings: the profile changes, except a currency or an unconfirmed time zone that data already rests on. */
export function updateClinic(db: Db, input: z.output<typeof clinicUpdateInput>, now: Date): { saved: ClinicProfile } & ConventionChanges {
  const changes = checkConventionChanges(db, getClinic(db), input);
  const { confirmTimeZoneChange: _confirmed, ...profile } = input;
  return { saved: saveClinic(db, profile, now), ...changes };
}
