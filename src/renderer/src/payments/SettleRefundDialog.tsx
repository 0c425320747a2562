// A refund Anteroom can no longer ask Stripe about (left on the previous Stripe account): the desk looks it up in that
// account's Dashboard and marks here how it ended, so the totals stop counting it as on its way.
import { useState } from 'react';
import type { Payment } from '../../../shared/payments';
import { api, messageOf, unwrap } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { toast } from '../ui/toasts';
import { formatMoney } from './money';

interface SettleRefundDialogProps {
  refund: Payment;
  onDone(): void;
  onClose(): void;
}

export function SettleRefundDialog({ refund, onDone, onClose }: SettleRefundDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sum = formatMoney(refund.amount, refund.currency);
  const account = refund.previousAccount?.accountId ?? '';
  const sent = refund.previousAccount?.sentToStripe ?? true;

  const mark = async (outcome: 'refunded' | 'failed') => {
    setBusy(true);
    try {
      await unwrap(api.payments.settleRefund({ paymentId: refund.id, outcome }));
      toast(outcome === 'refunded' ? `Marked as refunded: ${sum} went back to the patient.` : `Marked as failed: the ${sum} stays with the clinic.`);
      onDone();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Refund of ${sum} on the previous Stripe account`}
      description={
        <>
          {sent
            ? 'Anteroom can no longer ask Stripe about this refund: it was made on the previous Stripe account '
            : 'This refund was not sent: the payment was taken on the previous Stripe account '}
          <span className="mono">{account}</span>
          {sent
            ? '. Sign in to that account’s Stripe Dashboard → Payments, find the refund, and mark here how it ended.'
            : ', which Anteroom can no longer reach. Make the refund in that account’s Stripe Dashboard, then mark it here.'}
        </>
      }
      onClose={onClose}
    >
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button type="button" className="button" onClick={() => void mark('failed')} disabled={busy}>
          It failed
        </button>
        <button type="button" className="button button-primary" onClick={() => void mark('refunded')} disabled={busy}>
          It was refunded
        </button>
      </div>
    </Dialog>
  );
}
