// Appointment types (consultation 20 min, follow-up 10 min, video 15 min) and each provider's own duration/fee.
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppointmentType, appointmentTypeFields, appointmentTypeOverrideInput } from '../../shared/scheduling';
import type { Db } from '../db/client';
import { appointmentTypes, providerAppointmentTypes } from '../db/schema';
import { notFound } from '../ipc/errors';
import { findProviderRow } from './providers';
import { typeRowFor } from './rows';

type TypeRow = typeof appointmentTypes.$inferSelect;
type OverrideRow = typeof providerAppointmentTypes.$inferSelect;

function toType(row: TypeRow, override?: OverrideRow): AppointmentType {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  const duration = override?.durationMinutes ?? null;
  const fee = override?.fee ?? null;
  return { ...rest, durationMinutes: duration ?? rest.durationMinutes, fee: fee ?? rest.fee, overridden: duration !== null || fee !== null };
}

export function findTypeRow(db: Db, id: number): TypeRow {
  const row = db.select().from(appointmentTypes).where(eq(appointmentTypes.id, id)).get();
  if (!row) throw notFound('That appointment type');
  return row;
}

/** The type as this provider does it: their own duration and fee where set. */
export function typeForProvider(db: Db, typeId: number, providerId: number): AppointmentType {
  const row = typeRowFor(db, typeId, providerId);
  if (!row) throw notFound('That appointment type');
  const { createdAt: _c, updatedAt: _u, ...type } = row;
  return type;
}

export function listTypes(db: Db, opts: { includeInactive: boolean; providerId?: number }): AppointmentType[] {
  const q = db.select().from(appointmentTypes);
  const rows = (opts.includeInactive ? q : q.where(eq(appointmentTypes.active, true))).orderBy(asc(appointmentTypes.name)).all();
  if (opts.providerId === undefined) return rows.map((r) => toType(r));
  findProviderRow(db, opts.providerId);
  const overrides = new Map(
    db.select().from(providerAppointmentTypes).where(eq(providerAppointmentTypes.providerId, opts.providerId)).all().map((o) => [o.typeId, o]),
  );
  return rows.map((r) => toType(r, overrides.get(r.id)));
}

export function createType(db: Db, fields: z.output<typeof appointmentTypeFields>, now: Date): AppointmentType {
  const at = now.getTime();
  return toType(db.insert(appointmentTypes).values({ ...fields, createdAt: at, updatedAt: at }).returning().get());
}

export function updateType(db: Db, id: number, fields: z.output<typeof appointmentTypeFields>, now: Date): AppointmentType {
  const row = db.update(appointmentTypes).set({ ...fields, updatedAt: now.getTime() }).where(eq(appointmentTypes.id, id)).returning().get();
  if (!row) throw notFound('That appointment type');
  return toType(row);
}

/** Sets (or, with both null, clears) a provider's own duration/fee for a type. */
export function setTypeOverride(db: Db, input: z.output<typeof appointmentTypeOverrideInput>): AppointmentType {
  findProviderRow(db, input.providerId);
  findTypeRow(db, input.typeId);
  const key = and(eq(providerAppointmentTypes.providerId, input.providerId), eq(providerAppointmentTypes.typeId, input.typeId));
  if (input.durationMinutes === null && input.fee === null) {
    db.delete(providerAppointmentTypes).where(key).run();
  } else {
    db.insert(providerAppointmentTypes)
      .values(input)
      .onConflictDoUpdate({ target: [providerAppointmentTypes.providerId, providerAppointmentTypes.typeId], set: { durationMinutes: input.durationMinutes, fee: input.fee } })
      .run();
  }
  return typeForProvider(db, input.typeId, input.providerId);
}
