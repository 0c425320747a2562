// Saving the Stripe settings and "Test connection": the key goes in encrypted, parked Stripe work gets another go.
import type { z } from 'zod';
import { stripeModeOf, type ConnectionCheck, type PaymentSettings, type paymentSettingsSaveInput } from '../../shared/payments';
import { checkConnection } from '../integrations/stripe/gateway';
import { invalidField } from '../ipc/errors';
import { unparkJobs } from '../jobs/queue';
import { SecretStoreUnavailable } from '../secrets/secret-store';
import { remakeUnpaidLinks } from './mode-switch';
import { wakeAfterCommit, type PaymentsRuntime } from './runtime';
import { paymentSettings, removeStripeKey, saveApiBase, saveStripeKey } from './settings';
import { problemOf, stripeFor } from './stripe-access';

/** Runs in the dispatcher's transaction; the runner is woken after, to retry with the new settings. */
export function savePaymentSettings(rt: PaymentsRuntime, input: z.output<typeof paymentSettingsSaveInput>): PaymentSettings {
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
    // Test links take no real card (and live links no test one): the unpaid ones are made again in the new mode.
    if (before !== null && before !== stripeModeOf(input.secretKey)) remakeUnpaidLinks(rt.db, at);
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
