// Which Stripe account a new key belongs to, asked before the settings are saved: a key of another account cannot
// see the links made so far, nor the payments patients make through them.
import type { z } from 'zod';
import type { paymentSettingsSaveInput } from '../../shared/payments';
import { endpointOf, makeStripeClient } from '../integrations/stripe/client';
import { stripeAccountId } from '../integrations/stripe/gateway';
import { isStripeError } from '../integrations/stripe/problems';
import { invalidField } from '../ipc/errors';
import type { PaymentsRuntime } from './runtime';
import { apiBaseOf, savedAccountId } from './settings';
import { problemOf, stripeFor } from './stripe-access';

export interface KeyAccounts {
  /** The account the open links were made on; null when not known. */
  previous: string | null;
  /** The new key's account; null when the key may not read it (a restricted key without that permission). */
  next: string | null;
}

/**
 * For a save that brings a new key: asks Stripe (GET /v1/account) which account it belongs to. A key Stripe refuses,
 * or a Stripe that cannot be reached, stops the save: nothing is written, and the admin is told what to do.
 */
export async function accountsForNewKey(rt: PaymentsRuntime, input: z.output<typeof paymentSettingsSaveInput>): Promise<KeyAccounts | null> {
  if (input.removeKey || !input.secretKey) return null;
  const apiBase = input.apiBase ?? apiBaseOf(rt.db);
  const stripe = makeStripeClient({ secretKey: input.secretKey, endpoint: endpointOf(apiBase), timeoutMs: rt.stripeTimeoutMs });
  let next: string | null;
  try {
    next = await stripeAccountId(stripe);
  } catch (e) {
    const { code } = problemOf(e);
    if (code === 'stripe_invalid_key') throw invalidField('secretKey', 'Stripe did not accept this key. Copy it again from the Stripe Dashboard → Developers → API keys. Nothing was changed.');
    if (code === 'stripe_offline' || code === 'stripe_unavailable' || code === 'stripe_rate_limited') {
      throw invalidField('secretKey', 'Stripe could not be reached to check which account this key belongs to. Nothing was changed: save it again once the computer is online.');
    }
    next = null; // allowed to work but not to read its account (restricted key): it saves, the account last confirmed stays
  }
  return { previous: savedAccountId(rt.db) ?? (await accountOfSavedKey(rt)), next };
}

/** A clinic set up before account ids were kept: the key being replaced is asked once, if it still works. */
async function accountOfSavedKey(rt: PaymentsRuntime): Promise<string | null> {
  try {
    return await stripeAccountId(stripeFor(rt));
  } catch (e) {
    if (isStripeError(e)) return null; // revoked, no key, offline: not known, so the links are left as they are
    throw e;
  }
}
