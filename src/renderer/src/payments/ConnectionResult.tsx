// The answer to "Test connection": connected (and in which mode) or what to do, in a live region.
import type { ConnectionCheck } from '../../../shared/payments';

export function ConnectionResult({ check }: { check: ConnectionCheck | 'testing' | null }) {
  return (
    <div className="pay-connection" role="status" aria-live="polite">
      {check === 'testing' && <p className="muted">Asking Stripe…</p>}
      {check && check !== 'testing' && check.ok && (
        <p className="pay-result pay-result-ok">
          <span aria-hidden="true">✓</span> Connected to Stripe{check.mode ? ` in ${check.mode} mode` : ''}. Payment links will be created for new appointments.
        </p>
      )}
      {check && check !== 'testing' && !check.ok && (
        <p className="pay-result pay-result-problem">
          <span aria-hidden="true">!</span> Could not connect: {check.problem?.message ?? 'Stripe did not answer.'}
        </p>
      )}
    </div>
  );
}
