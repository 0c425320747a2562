// The Stripe client for this clinic's saved settings (and the account it reaches), and the translation of its failures for the job queue.
import { eq, isNull, or, type SQL } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { StripeProblem } from '../../shared/payments';
import { makeStripeClient } from '../integrations/stripe/client';
import { classifyStripeError, isStripeError, isTransient } from '../integrations/stripe/problems';
import { JobFailure } from '../jobs/runner';
import type { PaymentsRuntime } from './runtime';
import { payments } from '../db/schema';
import { savedAccountId, stripeConnection } from './settings';

/** The problem to show for a Stripe failure; anything else is rethrown (the dispatcher reports it as INTERNAL). */
export function problemOf(e: unknown): StripeProblem {
  if (!isStripeError(e)) throw e;
  return classifyStripeError(e);
}

/** Throws StripeFailure(stripe_not_configured) when no usable key is saved. */
export function stripeFor(rt: PaymentsRuntime): Stripe {
  return makeStripeClient(stripeConnection(rt.db, rt.secrets, rt.stripeTimeoutMs));
}

/**
 * The client and the account its key belongs to (null: not known), read together: whatever this client makes is
 * stamped with that account, even if another key is saved while Stripe answers.
 */
export function stripeWithAccount(rt: PaymentsRuntime): { stripe: Stripe; accountId: string | null } {
  return { stripe: stripeFor(rt), accountId: savedAccountId(rt.db) };
}

/**
 * Rows the saved key can ask Stripe about: made on its account, or on an account never known (assumed to be it).
 * A key of another account only ever gets 404 for the rest.
 */
export const onSavedAccount = (accountId: string | null): SQL | undefined =>
  accountId === null ? undefined : or(isNull(payments.stripeAccountId), eq(payments.stripeAccountId, accountId));

/** The same rule for one row in hand. */
export const madeElsewhere = (rowAccount: string | null, savedAccount: string | null): boolean =>
  rowAccount !== null && savedAccount !== null && rowAccount !== savedAccount;

/**
 * Network trouble retries with backoff; a bad key or missing permission parks the job until settings change.
 * Anything that is not a Stripe failure is rethrown: the runner logs it and retries it as an internal error.
 */
export function asJobFailure(e: unknown): JobFailure {
  if (!isStripeError(e)) throw e;
  const p = classifyStripeError(e);
  return new JobFailure(p.code, isTransient(p.code));
}
