// The Stripe client for this clinic's saved settings, and the translation of its failures for the job queue.
import type Stripe from 'stripe';
import { makeStripeClient } from '../integrations/stripe/client';
import { classifyStripeError, isTransient } from '../integrations/stripe/problems';
import { JobFailure } from '../jobs/runner';
import type { PaymentsRuntime } from './runtime';
import { stripeConnection } from './settings';

/** Throws StripeFailure(stripe_not_configured) when no usable key is saved. */
export function stripeFor(rt: PaymentsRuntime): Stripe {
  return makeStripeClient(stripeConnection(rt.db, rt.secrets, rt.stripeTimeoutMs));
}

/** Network trouble retries with backoff; a bad key or missing permission parks the job until settings change. */
export function asJobFailure(e: unknown): JobFailure {
  const p = classifyStripeError(e);
  return new JobFailure(p.code, isTransient(p.code));
}
