// Turns Stripe SDK failures into stable codes and sentences for the desk — never raw messages or traces.
import Stripe from 'stripe';
import type { StripeProblem, StripeProblemCode } from '../../../shared/payments';

const MESSAGES: Record<StripeProblemCode, string> = {
  stripe_not_configured: 'Stripe is not set up yet. An administrator can add the Stripe key in Payment settings.',
  stripe_invalid_key: 'Stripe did not accept the saved key. An administrator should check the key in Payment settings.',
  stripe_permission:
    'The Stripe key is missing a permission Anteroom needs (payment links, checkout sessions, payment intents, refunds). An administrator should update the restricted key.',
  stripe_rate_limited: 'Stripe asked Anteroom to slow down. It will try again shortly.',
  stripe_offline: 'Stripe cannot be reached right now (no connection). Anteroom will keep trying.',
  stripe_unavailable: 'Stripe is having trouble right now. Anteroom will keep trying.',
  stripe_rejected: 'Stripe refused this request. Please contact your support person if it keeps happening.',
};

export const problem = (code: StripeProblemCode): StripeProblem => ({ code, message: MESSAGES[code] });

/** Worth trying again later by itself (network, Stripe outage, rate limit). */
export const isTransient = (code: StripeProblemCode) => code === 'stripe_offline' || code === 'stripe_unavailable' || code === 'stripe_rate_limited';

export class StripeFailure extends Error {
  constructor(readonly problem: StripeProblem) {
    super(problem.code);
    this.name = 'StripeFailure';
  }
}

/** True for failures of the Stripe SDK or its transport; anything else is our own bug and must not pass as "offline". */
export const isStripeError = (e: unknown): boolean => e instanceof StripeFailure || e instanceof Stripe.errors.StripeError;

/** Call with errors for which isStripeError holds. */
export function classifyStripeError(e: unknown): StripeProblem {
  if (e instanceof StripeFailure) return e.problem;
  if (e instanceof Stripe.errors.StripeAuthenticationError) return problem('stripe_invalid_key');
  if (e instanceof Stripe.errors.StripePermissionError) return problem('stripe_permission');
  if (e instanceof Stripe.errors.StripeRateLimitError) return problem('stripe_rate_limited');
  if (e instanceof Stripe.errors.StripeConnectionError) return problem('stripe_offline');
  if (e instanceof Stripe.errors.StripeError) {
    const status = e.statusCode ?? 0;
    if (status === 429) return problem('stripe_rate_limited');
    if (status === 401) return problem('stripe_invalid_key');
    if (status === 403) return problem('stripe_permission');
    if (status >= 500 || e instanceof Stripe.errors.StripeAPIError) return problem('stripe_unavailable');
    return problem('stripe_rejected');
  }
  return problem('stripe_offline');
}
