// Every channel of the contract: malformed input, wrong role and signed-out callers are refused, and change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, CHANNEL_NAMES, type ChannelName } from '../../shared/contract';
import { ROLES, roleAllows } from '../../shared/roles';
import { snapshotDatabase } from '../testing/db-snapshot';
import { SAMPLE_INPUTS } from '../testing/sample-inputs';
import { createTestClinic, SAMPLE_PATIENT, type TestClinic } from '../testing/test-core';

let clinic: TestClinic;
beforeEach(async () => {
  clinic = await createTestClinic();
  await clinic.admin.must('patients.create', SAMPLE_PATIENT);
});
afterEach(() => clinic.close());

const guarded = CHANNEL_NAMES.filter((c) => contract[c].permission !== 'public');
const roleRestricted = guarded.filter((c) => ROLES.some((r) => !roleAllows(r, contract[c].permission)));

describe('every channel', () => {
  it.each(CHANNEL_NAMES)('%s: malformed input is VALIDATION and saves nothing', async (channel) => {
    const before = snapshotDatabase(clinic.core.db.$client);
    const r = await clinic.core.dispatch(channel, 42, { senderId: 'admin-window', trusted: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('VALIDATION');
    expect(snapshotDatabase(clinic.core.db.$client)).toEqual(before);
  });

  it.each(guarded)('%s: signed out is UNAUTHENTICATED and saves nothing', async (channel) => {
    const before = snapshotDatabase(clinic.core.db.$client);
    const r = await clinic.desk('stranger').call(channel, SAMPLE_INPUTS[channel] as never);
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(snapshotDatabase(clinic.core.db.$client)).toEqual(before);
  });

  it.each(roleRestricted)('%s: a role without the permission is FORBIDDEN and saves nothing', async (channel: ChannelName) => {
    const role = ROLES.find((r) => !roleAllows(r, contract[channel].permission))!;
    const desk = await clinic.signedIn(role);
    const before = snapshotDatabase(clinic.core.db.$client);
    const r = await desk.call(channel, SAMPLE_INPUTS[channel] as never);
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(snapshotDatabase(clinic.core.db.$client)).toEqual(before);
  });

  it('refuses calls that did not come from the app window, before anything else', async () => {
    const r = await clinic.core.dispatch('patients.list', {}, { senderId: 'admin-window', trusted: false });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers unknown channels with NOT_FOUND', async () => {
    const r = await clinic.core.dispatch('patients.drop', {}, { senderId: 'admin-window', trusted: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('errors crossing the boundary', () => {
  it('turns an unexpected failure into INTERNAL with no SQL, path or stack', async () => {
    // Break the table under the service so SQLite throws a raw error mid-handler.
    clinic.core.db.$client.exec('DROP INDEX patients_phone; ALTER TABLE patients RENAME TO patients_gone');
    const r = await clinic.admin.call('patients.list', {});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INTERNAL');
    expect(r.error.message).not.toMatch(/SELECT|sqlite|patients_gone|\/|\\|at /i);
    expect(Object.keys(r.error).sort()).toEqual(['code', 'message']);
  });
});
