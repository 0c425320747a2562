// "Test mode" / "Live mode": which Stripe the saved key talks to — test money or real money.
import type { StripeMode } from '../../../shared/payments';

export function ModeBadge({ mode }: { mode: StripeMode | null }) {
  if (!mode) return null;
  return <span className={`pay-badge pay-badge-${mode}`}>{mode === 'live' ? '● Live mode' : '◐ Test mode'}</span>;
}
