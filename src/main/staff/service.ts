// Staff accounts: create, edit, deactivate, reset passwords — never leaving the clinic without an admin.
import { and, asc, count, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { StaffMember, staffCreateInput, staffUpdateInput } from '../../shared/staff';
import type { Db } from '../db/client';
import { staff } from '../db/schema';
import { conflict, notFound } from '../ipc/errors';
import { hashPassword } from './password';

type StaffRow = typeof staff.$inferSelect;

export function toStaffMember(row: StaffRow): StaffMember {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    active: row.active,
    createdAt: row.createdAt,
    lastSignInAt: row.lastSignInAt,
  };
}

export function findStaffRow(db: Db, id: number): StaffRow | undefined {
  return db.select().from(staff).where(eq(staff.id, id)).get();
}

export function listStaff(db: Db): StaffMember[] {
  return db.select().from(staff).orderBy(asc(staff.displayName)).all().map(toStaffMember);
}

export async function createStaff(db: Db, input: z.output<typeof staffCreateInput>, now: Date): Promise<StaffMember> {
  // Hash before the transaction: scrypt is slow and must not hold the write lock.
  const passwordHash = await hashPassword(input.password);
  return insertStaff(db, input, passwordHash, now);
}

/** The write half of createStaff, for callers that hashed the password first and write more in the same transaction. */
export function insertStaff(db: Db, input: Omit<z.output<typeof staffCreateInput>, 'password'>, passwordHash: string, now: Date): StaffMember {
  const at = now.toISOString();
  return db.transaction((tx) => {
    const taken = tx.select({ id: staff.id }).from(staff).where(eq(staff.username, input.username)).get();
    if (taken) throw conflict(`The username "${input.username}" is already taken.`, { username: 'This username is already taken.' });
    const row = tx
      .insert(staff)
      .values({ username: input.username, displayName: input.displayName, role: input.role, passwordHash, createdAt: at, updatedAt: at })
      .returning()
      .get();
    return toStaffMember(row);
  });
}

export function updateStaff(db: Db, input: z.output<typeof staffUpdateInput>, now: Date): StaffMember {
  return db.transaction((tx) => {
    const row = tx.select().from(staff).where(eq(staff.id, input.id)).get();
    if (!row) throw notFound('That staff account');
    const losesAdmin = row.role === 'admin' && row.active && ((input.role && input.role !== 'admin') || input.active === false);
    if (losesAdmin) {
      const others = tx
        .select({ n: count() })
        .from(staff)
        .where(and(eq(staff.role, 'admin'), eq(staff.active, true), ne(staff.id, row.id)))
        .get();
      if (!others?.n) throw conflict('The clinic needs at least one active administrator. Make someone else an administrator first.');
    }
    const set: Partial<StaffRow> = { updatedAt: now.toISOString() };
    if (input.displayName !== undefined) set.displayName = input.displayName;
    if (input.role !== undefined) set.role = input.role;
    if (input.active !== undefined) set.active = input.active;
    return toStaffMember(tx.update(staff).set(set).where(eq(staff.id, input.id)).returning().get()!);
  });
}

export async function resetPassword(db: Db, id: number, password: string, now: Date): Promise<void> {
  const passwordHash = await hashPassword(password);
  const res = db
    .update(staff)
    .set({ passwordHash, failedAttempts: 0, lockedUntil: null, updatedAt: now.toISOString() })
    .where(eq(staff.id, id))
    .run();
  if (res.changes === 0) throw notFound('That staff account');
}
