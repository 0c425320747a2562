// The Stripe key: stored only as ciphertext, never shown back or logged; refused without secure storage; test connection.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, settings } from '../db/schema';
import { aesGcmStore } from '../secrets/aes-gcm-store';
import { safeStorageStore, type SafeStorageLike } from '../secrets/safe-storage-store';
import { noSecretStore } from '../secrets/secret-store';
import { snapshotDatabase } from '../testing/db-snapshot';
import { openPaymentsWorld, TEST_KEY, type PaymentsWorld } from './test-support';

let w: PaymentsWorld;
beforeEach(async () => {
  w = await openPaymentsWorld();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await w.close();
});

describe('the Stripe key', () => {
  it('is stored only as ciphertext and never returned in full', async () => {
    const shown = await w.clinic.admin.must('payments.settingsGet', {});
    expect(shown).toMatchObject({ configured: true, mode: 'test', keyLast4: '0001', apiBase: w.stripe.apiBase, currency: 'GBP', secureStorage: { available: true } });
    expect(JSON.stringify(shown)).not.toContain(TEST_KEY.slice(8, -4));
    const everything = JSON.stringify(snapshotDatabase(w.rt().db.$client));
    expect(everything).not.toContain(TEST_KEY);
    expect(everything).not.toContain(TEST_KEY.slice(8, -4));
    const cipher = w.rt().db.select().from(settings).where(eq(settings.key, 'payments.stripe.secretKey')).get()!.value;
    expect(w.rt().secrets.decrypt(cipher)).toBe(TEST_KEY);
    expect(w.rt().db.select().from(auditLog).where(eq(auditLog.entity, 'settings')).all()).toHaveLength(1);
  });

  it('shows live mode for a live key', async () => {
    const saved = await w.clinic.admin.must('payments.settingsSave', { secretKey: 'sk_live_FAKElive9876' });
    expect(saved).toMatchObject({ mode: 'live', keyLast4: '9876' });
  });

  it('refuses what is not a Stripe secret or restricted key, and plain http to another computer', async () => {
    expect(await w.clinic.admin.call('payments.settingsSave', { secretKey: 'pk_test_publishable123456' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { secretKey: expect.stringContaining('sk_test_') } },
    });
    expect(await w.clinic.admin.call('payments.settingsSave', { apiBase: 'http://api.stripe.com' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { apiBase: expect.any(String) } },
    });
  });

  it('is refused, saying why, where the computer has no secure storage — and nothing is saved', async () => {
    w.rt().secrets = safeStorageStore(fakeSafeStorage({ backend: 'basic_text' }), 'linux');
    const before = snapshotDatabase(w.rt().db.$client);
    const r = await w.clinic.admin.call('payments.settingsSave', { secretKey: 'sk_test_FAKEother0002' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { secretKey: expect.stringContaining('keyring') } } });
    expect(snapshotDatabase(w.rt().db.$client)).toEqual(before);
    expect((await w.clinic.admin.must('payments.settingsGet', {})).secureStorage).toMatchObject({ available: false });
  });

  it('the safeStorage store encrypts through the OS where it can, and refuses where it cannot', () => {
    expect(safeStorageStore(fakeSafeStorage({ available: false }), 'win32').availability().available).toBe(false);
    expect(safeStorageStore(fakeSafeStorage({ backend: 'basic_text' }), 'linux').availability().available).toBe(false);
    const ok = safeStorageStore(fakeSafeStorage({ backend: 'gnome_libsecret' }), 'linux');
    const cipher = ok.encrypt(TEST_KEY);
    expect(cipher).not.toContain(TEST_KEY);
    expect(ok.decrypt(cipher)).toBe(TEST_KEY);
    expect(() => noSecretStore().encrypt('x')).toThrow(/cannot keep a Stripe key/);
  });

  it('a key encrypted elsewhere cannot be used: Stripe work waits for the settings', async () => {
    w.rt().secrets = aesGcmStore(Buffer.alloc(32, 7));
    const id = w.book(5000);
    await w.rt().runner.runDue();
    const view = await w.clinic.admin.must('payments.forAppointment', { appointmentId: id });
    expect(view.payments[0]).toMatchObject({ linkState: 'needs_settings', problem: { code: 'stripe_not_configured' } });
  });
});

describe('test connection', () => {
  it('reports the mode when Stripe accepts the key', async () => {
    expect(await w.clinic.admin.must('payments.testConnection', {})).toEqual({ ok: true, mode: 'test', problem: null });
    expect(w.stripe.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/payment_links', query: { limit: '1' } });
  });

  it('says clearly what is wrong, without logging the key or a trace', async () => {
    const logged = vi.spyOn(console, 'error');
    w.stripe.script({ kind: 'fail', status: 401 }, { times: 1 });
    const bad = await w.clinic.admin.must('payments.testConnection', {});
    expect(bad).toMatchObject({ ok: false, problem: { code: 'stripe_invalid_key', message: expect.stringContaining('did not accept') } });
    w.stripe.script({ kind: 'fail', status: 403 }, { times: 1 });
    expect((await w.clinic.admin.must('payments.testConnection', {})).problem?.code).toBe('stripe_permission');
    await w.stripe.stop();
    expect((await w.clinic.admin.must('payments.testConnection', {})).problem?.code).toBe('stripe_offline');
    expect(JSON.stringify(logged.mock.calls)).not.toContain(TEST_KEY);
  });

  it('is for administrators only', async () => {
    const reception = await w.clinic.signedIn('receptionist');
    expect(await reception.call('payments.testConnection', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await reception.call('payments.settingsGet', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

/** Stands in for Electron's safeStorage (absent under Node): reversible, so the wrapper's checks are what is tested. */
function fakeSafeStorage(opts: { available?: boolean; backend?: string }): SafeStorageLike {
  return {
    isEncryptionAvailable: () => opts.available ?? true,
    getSelectedStorageBackend: () => opts.backend ?? 'unknown',
    encryptString: (plain) => Buffer.from(plain, 'utf8').reverse(),
    decryptString: (cipher) => Buffer.from(cipher).reverse().toString('utf8'),
  };
}
