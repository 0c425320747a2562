// The Stripe client for this clinic's saved settings, and the translation of its failures for the job queue.
import type Stripe from 'stripe';
import type { StripeProblem } from '../../shared/payments';
import { makeStripeClient } from '../integrations/stripe/client';
import { classifyStripeError, isStripeError, isTransient } from '../integrations/stripe/problems';
import { JobFailure } from '../jobs/runner';
import type { PaymentsRuntime } from './runtime';
import { stripeConnection } from './settings';

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
 * Network trouble retries with backoff; a bad key or missing permission parks the job until settings change.
 * Anything that is not a Stripe failure is rethrown: the runner logs it and retries it as an internal error.
 */
export function asJobFailure(e: unknown): JobFailure {
  if (!isStripeError(e)) throw e;
  const p = classifyStripeError(e);
  return new JobFailure(p.code, isTransient(p.code));
}
