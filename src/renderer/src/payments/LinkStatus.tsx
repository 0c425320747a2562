// The Stripe link of an appointment in plain words, with the next thing to do: Copy link / Show QR when ready,
// Retry now while it waits for Stripe, and what was paid once it is paid.
import type { ReactNode } from 'react';
import type { Payment } from '../../../shared/payments';
import { roleAllows } from '../../../shared/roles';
import { useApp, useSession } from '../app/store';
import { Kbd } from '../ui/Kbd';
import { copyLink } from './clipboard';
import { formatMoney } from './money';
import { formatClock, formatPaidAt, retryWords } from './time';

interface LinkStatusProps {
  link: Payment;
  busy: boolean;
  onRetry(): void;
  onShowQr(): void;
  /** Receipt / Refund for a paid link, shown inside its card. */
  paidActions?: ReactNode;
}

export function LinkStatus({ link, busy, onRetry, onShowQr, paidActions }: LinkStatusProps) {
  const session = useSession();
  const { timeZone } = session.clinic;
  const navigate = useApp((s) => s.navigate);
  const copy = () => link.linkUrl && void copyLink(link.linkUrl);
  // Real Stripe pages open in the system browser: main routes window.open of stripe.com to it.
  const open = () => link.linkUrl && window.open(link.linkUrl, '_blank', 'noopener');

  switch (link.linkState) {
    case 'ready':
      return (
        <div className="pay-link pay-link-ready">
          <p className="pay-link-state">
            <span className="pay-symbol" aria-hidden="true">○</span> Link ready · not paid yet
          </p>
          <p className="pay-link-url mono" title={link.linkUrl ?? undefined}>
            {link.linkUrl}
          </p>
          <div className="pay-link-actions">
            <button type="button" className="button button-primary button-small" onClick={copy} aria-keyshortcuts="l">
              Copy link <Kbd>L</Kbd>
            </button>
            <button type="button" className="button button-small" onClick={onShowQr} aria-keyshortcuts="q">
              Show QR <Kbd>Q</Kbd>
            </button>
            <button type="button" className="button button-quiet button-small" onClick={open} aria-label="Open in browser" title="Open Stripe’s payment page in the browser">
              Open ↗
            </button>
          </div>
        </div>
      );
    case 'paid':
      return (
        <div className="pay-link pay-link-paid">
          <p className="pay-link-state">
            <span className="pay-symbol" aria-hidden="true">✓</span> {link.status === 'paid' ? 'Paid' : link.status === 'refunded' ? 'Paid, then refunded' : 'Paid, partly refunded'}{' '}
            {formatMoney(link.amount, link.currency)}
          </p>
          {link.paidAt && <p className="pay-link-note">{formatPaidAt(link.paidAt, timeZone)} · card on Stripe’s page</p>}
          <dl className="pay-breakdown">
            <div>
              <dt>Consultation fee</dt>
              <dd>{formatMoney(link.amount, link.currency)}</dd>
            </div>
            <div>
              <dt>Stripe fee</dt>
              <dd>{link.feeAmount === null ? <span className="muted">Not settled yet</span> : formatMoney(link.feeAmount, link.currency)}</dd>
            </div>
            <div>
              <dt>Clinic receives</dt>
              <dd>{link.netAmount === null ? <span className="muted">—</span> : formatMoney(link.netAmount, link.currency)}</dd>
            </div>
          </dl>
          {paidActions && <div className="pay-link-actions">{paidActions}</div>}
        </div>
      );
    case 'waiting_for_connection':
    case 'needs_settings':
      return (
        <div className={`pay-link pay-link-${link.linkState === 'needs_settings' ? 'problem' : 'waiting'}`}>
          <p className="pay-link-state">
            <span className="pay-symbol" aria-hidden="true">
              {link.linkState === 'needs_settings' ? '!' : '⟳'}
            </span>{' '}
            {link.linkState === 'needs_settings' ? 'Check Stripe settings' : 'Waiting for connection'}
          </p>
          <p className="pay-link-note">
            {link.problem?.message ?? 'Stripe could not be reached.'}{' '}
            {link.retryAt && (
              <span title={formatClock(link.retryAt, timeZone)}>Tries again {retryWords(link.retryAt)}.</span>
            )}{' '}
            The appointment is saved either way.
          </p>
          <div className="pay-link-actions">
            <button type="button" className="button button-small" onClick={onRetry} disabled={busy}>
              {busy ? 'Trying…' : 'Retry now'}
            </button>
            {link.linkState === 'needs_settings' && roleAllows(session.user.role, 'payments.settings') && (
              <button type="button" className="button button-quiet button-small" onClick={() => navigate({ name: 'payment-settings' })}>
                Open Payment settings
              </button>
            )}
          </div>
        </div>
      );
    case 'creating':
      return (
        <div className="pay-link pay-link-waiting">
          <p className="pay-link-state">
            <span className="pay-symbol" aria-hidden="true">⟳</span> Creating link…
          </p>
        </div>
      );
    default:
      return null;
  }
}
