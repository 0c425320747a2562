// The clinic's Stripe settings: the key encrypted by the secret store (only ciphertext on disk), its hint, the API base.
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { DEFAULT_STRIPE_API_BASE, stripeModeOf, type LeftOnPreviousAccount, type PaymentSettings, type StripeMode } from '../../shared/payments';
import { findClinic } from '../clinic/service';
import type { Db } from '../db/client';
import { settings } from '../db/schema';
import { endpointOf, type StripeConnection } from '../integrations/stripe/client';
import { problem, StripeFailure } from '../integrations/stripe/problems';
import type { SecretStore } from '../secrets/secret-store';

type Tx = Pick<Db, 'select' | 'insert' | 'delete'>;

const KEY = {
  secret: 'payments.stripe.secretKey',
  hint: 'payments.stripe.keyHint',
  apiBase: 'payments.stripe.apiBase',
  installId: 'payments.installId',
  accountId: 'payments.stripe.accountId',
  previousAccount: 'payments.stripe.previousAccount',
  accountUnconfirmed: 'payments.stripe.accountUnconfirmed',
} as const;

function read(tx: Tx, key: string): string | null {
  return tx.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value ?? null;
}

function write(tx: Tx, key: string, value: string, at: string): void {
  tx.insert(settings).values({ key, value, updatedAt: at }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } }).run();
}

export const apiBaseOf = (tx: Tx) => read(tx, KEY.apiBase) ?? DEFAULT_STRIPE_API_BASE;

/** A random id for this clinic's data file: idempotency keys include it, so a fresh install never reuses another's keys. */
export function installIdOf(tx: Tx, at: string): string {
  const found = read(tx, KEY.installId);
  if (found) return found;
  const id = randomUUID().slice(0, 8);
  write(tx, KEY.installId, id, at);
  return id;
}

export function paymentSettings(db: Db, secrets: SecretStore): PaymentSettings {
  const stored = read(db, KEY.secret) !== null;
  const hint = stored ? parseHint(read(db, KEY.hint)) : null;
  return {
    configured: stored,
    mode: hint?.mode ?? null,
    keyLast4: hint?.last4 ?? null,
    apiBase: apiBaseOf(db),
    secureStorage: secrets.availability(),
    currency: findClinic(db)?.currency ?? null,
    accountId: stored ? savedAccountId(db) : null,
    leftOnPreviousAccount: leftOnPreviousAccount(db),
    accountNotice: stored && read(db, KEY.accountUnconfirmed) !== null ? ACCOUNT_UNCONFIRMED_NOTICE : null,
  };
}

/** Stores the key as ciphertext; throws SecretStoreUnavailable (nothing saved) where the OS has no secure store. */
export function saveStripeKey(tx: Tx, secrets: SecretStore, key: string, at: string): void {
  const cipher = secrets.encrypt(key);
  write(tx, KEY.secret, cipher, at);
  // The mode and the last four let the admin recognise the key; neither unlocks anything.
  write(tx, KEY.hint, JSON.stringify({ mode: stripeModeOf(key), last4: key.slice(-4) }), at);
}

function parseHint(raw: string | null): { mode: StripeMode | null; last4: string | null } | null {
  if (!raw) return null;
  const v = JSON.parse(raw) as { mode?: unknown; last4?: unknown };
  return { mode: v.mode === 'test' || v.mode === 'live' ? v.mode : null, last4: typeof v.last4 === 'string' ? v.last4 : null };
}

export function removeStripeKey(tx: Tx): void {
  tx.delete(settings).where(inArray(settings.key, [KEY.secret, KEY.hint])).run();
}

/**
 * The Stripe account (acct_…) of the key last saved: the account the open links were made on. Kept when the key is
 * removed, so a key of another account saved later is still recognised as a move. Null: not known (an install from
 * before account ids were kept, or a restricted key that may not read its account).
 */
export const savedAccountId = (tx: Tx): string | null => read(tx, KEY.accountId);

/**
 * After a key whose account Stripe confirmed. A key that may not read its account (`null`) keeps the account last
 * confirmed — what is known — and is marked unconfirmed, so the settings say so until a key Stripe answers for.
 */
export function saveAccountId(tx: Tx, accountId: string | null, at: string): void {
  if (accountId) {
    write(tx, KEY.accountId, accountId, at);
    tx.delete(settings).where(eq(settings.key, KEY.accountUnconfirmed)).run();
  } else write(tx, KEY.accountUnconfirmed, at, at);
}

export const ACCOUNT_UNCONFIRMED_NOTICE =
  'Stripe would not tell Anteroom which account this key belongs to (a restricted key needs permission to read account details), so Anteroom could not confirm which Stripe account it is for. The payment links were left as they are. If this key is for a different Stripe account, replace it with that account’s secret key so the links can be made again there.';

/** Links left open on the account the clinic moved away from (null: none): Anteroom can no longer reach them, so it says so. */
export function recordLeftOnPreviousAccount(tx: Tx, left: LeftOnPreviousAccount | null): void {
  if (left) write(tx, KEY.previousAccount, JSON.stringify(left), left.at);
  else tx.delete(settings).where(eq(settings.key, KEY.previousAccount)).run();
}

export function leftOnPreviousAccount(tx: Tx): LeftOnPreviousAccount | null {
  const raw = read(tx, KEY.previousAccount);
  return raw ? (JSON.parse(raw) as LeftOnPreviousAccount) : null;
}

export const saveApiBase = (tx: Tx, apiBase: string, at: string) => write(tx, KEY.apiBase, apiBase.replace(/\/$/, ''), at);

/** Everything needed to call Stripe, or a StripeFailure saying what is missing. */
export function stripeConnection(db: Db, secrets: SecretStore, timeoutMs: number): StripeConnection {
  const cipher = read(db, KEY.secret);
  if (!cipher) throw new StripeFailure(problem('stripe_not_configured'));
  let secretKey: string;
  try {
    secretKey = secrets.decrypt(cipher);
  } catch {
    // A key encrypted on another computer or OS account cannot be read here: the admin must enter it again.
    throw new StripeFailure(problem('stripe_not_configured'));
  }
  return { secretKey, endpoint: endpointOf(apiBaseOf(db)), timeoutMs };
}
