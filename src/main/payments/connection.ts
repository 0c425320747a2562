// Saving the Stripe settings and "Test connection": the key goes in encrypted, links follow a change of mode or
// account, parked Stripe work gets another go.
import type { z } from 'zod';
import { stripeModeOf, type ConnectionCheck, type PaymentSettings, type paymentSettingsSaveInput } from '../../shared/payments';
import { checkConnection } from '../integrations/stripe/gateway';
import { invalidField } from '../ipc/errors';
import { unparkJobs } from '../jobs/queue';
import { SecretStoreUnavailable } from '../secrets/secret-store';
import { moveToAccount } from './account-move';
import { remakeUnpaidLinks } from './mode-switch';
import { wakeAfterCommit, type PaymentsRuntime } from './runtime';
import type { KeyAccounts } from './account-check';
import { paymentSettings, recordLeftOnPreviousAccount, removeStripeKey, saveAccountId, saveApiBase, saveStripeKey } from './settings';
import { problemOf, stripeFor } from './stripe-access';

/**
 * Runs in the handler's transaction, after accountsForNewKey asked Stripe which account a new key belongs to; the
 * runner is woken after, to retry with the new settings.
 */
export function savePaymentSettings(rt: PaymentsRuntime, input: z.output<typeof paymentSettingsSaveInput>, accounts: KeyAccounts | null): PaymentSettings {
  const now = rt.now();
  const at = now.toISOString();
  if (input.removeKey) removeStripeKey(rt.db);
  else if (input.secretKey) {
    const before = paymentSettings(rt.db, rt.secrets).mode;
    try {
      saveStripeKey(rt.db, rt.secrets, input.secretKey, at);
    } catch (e) {
      if (e instanceof SecretStoreUnavailable) throw invalidField('secretKey', e.reason);
      throw e;
    }
    // A key that may not read its account (next null) keeps the account last confirmed, and moves nothing: it may
    // well be the same account, and voiding the links a patient holds on a guess would be worse than asking.
    saveAccountId(rt.db, accounts?.next ?? null, at);
    const from = accounts?.previous;
    const to = accounts?.next;
    if (from && to && from !== to) {
      // Another Stripe account: it will never see the old links' payments, so the unpaid ones are made again there.
      recordLeftOnPreviousAccount(rt.db, moveToAccount(rt.db, from, to, at));
    } else if (before !== null && before !== stripeModeOf(input.secretKey)) {
      // Test links take no real card (and live links no test one): the unpaid ones are made again in the new mode.
      remakeUnpaidLinks(rt.db, at);
    }
  }
  if (input.apiBase) saveApiBase(rt.db, input.apiBase, at);
  unparkJobs(rt.db, now.getTime(), at);
  wakeAfterCommit(rt);
  return paymentSettings(rt.db, rt.secrets);
}

export async function testStripeConnection(rt: PaymentsRuntime): Promise<ConnectionCheck> {
  const mode = paymentSettings(rt.db, rt.secrets).mode;
  try {
    await checkConnection(stripeFor(rt));
    return { ok: true, mode, problem: null };
  } catch (e) {
    return { ok: false, mode, problem: problemOf(e) };
  }
}
