// The two reads every guarded call makes (idle limit, the caller's account), as cached prepared statements:
// they run before every channel, so drizzle's per-query building cost would be paid on every keystroke.
import type Database from 'better-sqlite3';
import type { Role } from '../../shared/roles';
import type { StaffMember } from '../../shared/staff';
import type { Db } from '../db/client';

interface CallerStatements {
  lockAfter: Database.Statement<[], number>;
  staff: Database.Statement<[number], StaffRowRaw>;
}

interface StaffRowRaw {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: number;
  createdAt: string;
  lastSignInAt: string | null;
}

const cache = new WeakMap<Database.Database, CallerStatements>();

function statements(db: Db): CallerStatements {
  let s = cache.get(db.$client);
  if (!s) {
    s = {
      lockAfter: db.$client.prepare<[], number>('SELECT lock_after_minutes FROM clinic WHERE id = 1').pluck(),
      staff: db.$client.prepare<[number], StaffRowRaw>(
        `SELECT id, username, display_name AS displayName, role, active, created_at AS createdAt, last_sign_in_at AS lastSignInAt
         FROM staff WHERE id = ?`,
      ),
    };
    cache.set(db.$client, s);
  }
  return s;
}

/** Minutes of idleness before the desk locks; 5 before setup has saved a clinic profile. */
export function lockAfterMinutes(db: Db): number {
  return statements(db).lockAfter.get() ?? 5;
}

/** The caller's account if it still exists and is active. */
export function activeStaffMember(db: Db, id: number): StaffMember | null {
  const row = statements(db).staff.get(id);
  if (!row || row.active !== 1) return null;
  return { ...row, active: true };
}
