// One payment or refund in a list: method, amount, status in words (with a symbol), and its Receipt / Refund actions.
import type { Payment } from '../../../shared/payments';
import { useSession } from '../app/store';
import { copyLink } from './clipboard';
import { isReceived, methodLabel, settleHint, settlesByHand, statusLabel, toneOf, TONE_SYMBOLS } from './labels';
import { formatMoney } from './money';
import { formatPaidAt } from './time';

interface PaymentRowProps {
  payment: Payment;
  canRefund: boolean;
  onReceipt(p: Payment): void;
  onRefund(p: Payment): void;
  /** Offered for a refund left on the previous Stripe account (to those who may refund). */
  onSettle?(p: Payment): void;
  /** Offered for a link not paid yet (the patient's page); the appointment panel has its own link card. */
  onShowQr?(p: Payment): void;
  /** Which appointment it paid for, e.g. "Sat 21 Nov, 10:00" on the patient's page. */
  appointmentLabel?: string;
}

export function PaymentRow({ payment: p, canRefund, onReceipt, onRefund, onSettle, onShowQr, appointmentLabel }: PaymentRowProps) {
  const { timeZone } = useSession().clinic;
  const tone = toneOf(p);
  const when = p.paidAt ?? p.createdAt;
  const refundable = isReceived(p) && p.status !== 'refunded';
  const openLink = p.kind === 'stripe_link' && p.linkState === 'ready' && p.linkUrl ? p.linkUrl : null;
  return (
    <li className="pay-row">
      <div className="pay-row-main">
        <span className="pay-row-method">{methodLabel(p)}</span>
        <span className={`pay-status pay-tone-${tone}`}>
          <span aria-hidden="true">{TONE_SYMBOLS[tone]}</span> {statusLabel(p)}
        </span>
        <span className="pay-row-when muted">
          {formatPaidAt(when, timeZone)}
          {appointmentLabel && ` · for the appointment on ${appointmentLabel}`}
        </span>
        {p.note && <span className="pay-row-note muted">{p.note}</span>}
        {settlesByHand(p) && (
          // Under the status, not beside the amount: the panel is narrow and the sentence needs the width.
          <span className="pay-row-note">
            {settleHint(p)} <span className="muted mono">{p.previousAccount?.accountId}</span>{' '}
            {canRefund && onSettle && (
              <button type="button" className="button button-small" onClick={() => onSettle(p)}>
                Mark how it ended
              </button>
            )}
          </span>
        )}
      </div>
      <span className={`pay-row-amount${p.kind === 'refund' ? ' pay-amount-refund' : ''}`}>
        {p.kind === 'refund' ? '−' : ''}
        {formatMoney(p.amount, p.currency)}
      </span>
      <div className="pay-row-actions">
        {openLink && onShowQr && (
          <>
            <button type="button" className="button button-small" onClick={() => void copyLink(openLink)}>
              Copy link
            </button>
            <button type="button" className="button button-small" onClick={() => onShowQr(p)}>
              Show QR
            </button>
          </>
        )}
        {isReceived(p) && p.receiptNumber && (
          <button type="button" className="button button-small" onClick={() => onReceipt(p)} aria-label={`Receipt ${p.receiptNumber}`}>
            Receipt
          </button>
        )}
        {canRefund && refundable && (
          <button type="button" className="button button-quiet button-small" onClick={() => onRefund(p)}>
            Refund
          </button>
        )}
      </div>
    </li>
  );
}
