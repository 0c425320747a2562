// Test support: a real, migrated SQLite file in a temp folder, driven through the real dispatcher.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ChannelName, InputOf, OutputOf } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { Role } from '../../shared/roles';
import { openCore, type Core } from '../core';

export const MIGRATIONS = resolve(__dirname, '../../../drizzle');

export interface TestDesk {
  senderId: string;
  call<K extends ChannelName>(channel: K, input: InputOf<K>): Promise<Result<OutputOf<K>>>;
  /** Calls and unwraps; fails the test with the error envelope if the call did not succeed. */
  must<K extends ChannelName>(channel: K, input: InputOf<K>): Promise<OutputOf<K>>;
}

export interface TestClinic {
  core: Core;
  dataDir: string;
  clock: { now: Date };
  desk(senderId: string): TestDesk;
  /** The desk of the admin created at setup. */
  admin: TestDesk;
  /** Creates a staff member with this role and returns a desk signed in as them. */
  signedIn(role: Role, username?: string): Promise<TestDesk>;
  close(): void;
}

export const ADMIN_PASSWORD = 'correct horse battery';

export const CLINIC = {
  name: 'Riverside Family Practice',
  address: '1 High Street, Bristol',
  phone: '+44 117 496 0000',
  email: 'desk@riverside.example',
  country: 'GB',
  timeZone: 'Europe/London',
  currency: 'GBP',
  lockAfterMinutes: 5,
};

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'anteroom-test-'));
}

export function openTestCore(dataDir = tempDataDir(), clock = { now: new Date('2026-11-20T09:00:00Z') }): Core {
  return openCore({ dataDir, migrationsFolder: MIGRATIONS, now: () => new Date(clock.now) });
}

export async function createTestClinic(opts: { setup?: boolean } = {}): Promise<TestClinic> {
  const dataDir = tempDataDir();
  const clock = { now: new Date('2026-11-20T09:00:00Z') };
  const core = openTestCore(dataDir, clock);
  const desk = (senderId: string): TestDesk => {
    const call = ((channel: ChannelName, input: unknown) => core.dispatch(channel, input, { senderId, trusted: true })) as TestDesk['call'];
    const must = (async (channel: ChannelName, input: unknown) => {
      const r = await core.dispatch(channel, input, { senderId, trusted: true });
      if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
      return r.data;
    }) as TestDesk['must'];
    return { senderId, call, must };
  };
  const admin = desk('admin-window');
  if (opts.setup !== false) {
    await admin.must('setup.complete', { clinic: CLINIC, admin: { username: 'admin', displayName: 'Ada Admin', password: ADMIN_PASSWORD } });
  }
  let n = 0;
  return {
    core,
    dataDir,
    clock,
    desk,
    admin,
    async signedIn(role, username = `${role}${++n}`) {
      await admin.must('staff.create', { username, displayName: `Test ${role}`, role, password: ADMIN_PASSWORD });
      const d = desk(`${username}-window`);
      await d.must('auth.signIn', { username, password: ADMIN_PASSWORD });
      return d;
    },
    close() {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const SAMPLE_PATIENT = {
  firstName: 'María',
  lastName: 'García',
  dateOfBirth: '1984-03-12',
  sex: 'female' as const,
  phone: '07911 123456',
  email: 'maria@example.com',
  addressLine: '2 Mill Lane',
  city: 'Bristol',
  postalCode: 'BS1 4DJ',
  emergencyContactName: 'José García',
  emergencyContactPhone: '07911 123457',
  allergies: 'Penicillin',
  medicalHistory: 'Asthma since childhood.',
};

/** A small patient CSV as a spreadsheet would save it, with the mapping of its headers. */
export const SAMPLE_CSV = 'First name,Surname,Born,Mobile,Email\r\nAmara,Okafor,02/05/1990,07911 200123,amara@example.com\r\n';
export const SAMPLE_CSV_MAPPING = { firstName: 'First name', lastName: 'Surname', dateOfBirth: 'Born', phone: 'Mobile', email: 'Email' };
