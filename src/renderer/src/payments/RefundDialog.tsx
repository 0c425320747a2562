// Refunds a received payment in full or in part, with a reason: through Stripe for card payments, recorded for the rest.
import { useState, type FormEvent } from 'react';
import type { Payment } from '../../../shared/payments';
import { ApiError, api, messageOf, unwrap } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { FormActions } from '../ui/FormActions';
import { TextAreaField } from '../ui/TextAreaField';
import { toast } from '../ui/toasts';
import { AmountField } from './AmountField';
import { amountHint, formatMoney, toDecimal, toMinor } from './money';

interface RefundDialogProps {
  payment: Payment;
  /** What can still be refunded of it. */
  left: number;
  onDone(): void;
  onClose(): void;
}

export function RefundDialog({ payment, left, onDone, onClose }: RefundDialogProps) {
  const { currency } = payment;
  const [whole, setWhole] = useState(true);
  const [amount, setAmount] = useState(toDecimal(left, currency));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; reason?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const viaStripe = payment.kind === 'stripe_link';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const minor = whole ? left : toMinor(amount, currency);
    const next: typeof errors = {};
    if (minor === null || minor <= 0) next.amount = amountHint(currency);
    else if (minor > left) next.amount = `At most ${formatMoney(left, currency)} can be refunded.`;
    if (!reason.trim()) next.reason = 'Say why, e.g. “Appointment cancelled by the clinic”.';
    setErrors(next);
    if (Object.keys(next).length || minor === null) return;
    setBusy(true);
    try {
      const refund = await unwrap(api.payments.refund({ paymentId: payment.id, amount: whole ? undefined : minor, reason: reason.trim() }));
      const sum = formatMoney(minor, currency);
      toast(
        refund.status === 'failed'
          ? `Stripe could not refund ${sum}: the money stays with the clinic. Try again, or refund it another way.`
          : refund.status !== 'refund_pending'
            ? `Refunded ${sum}.`
            : refund.previousAccount
              ? `Refund of ${sum} saved but not sent: make it in the previous Stripe account’s Dashboard, then mark it refunded here.`
            : refund.problem
              ? `Refund of ${sum} is saved and goes to Stripe as soon as it can be reached.`
              : `Stripe is processing the refund of ${sum}: it shows as Refund pending until the patient’s bank confirms it.`,
        refund.status === 'failed' ? 'error' : undefined,
      );
      onDone();
    } catch (err) {
      const f = err instanceof ApiError ? err.fields : {};
      setErrors({ amount: f.amount, reason: f.reason, form: f.amount || f.reason ? undefined : messageOf(err) });
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Refund payment"
      description={
        payment.previousAccount
          ? 'This payment was taken on the previous Stripe account, which Anteroom can no longer reach: the refund is saved here, and you make it in that account’s Dashboard.'
          : viaStripe
            ? 'The money goes back to the patient’s card through Stripe.'
            : 'Records that the money was given back at the desk.'
      }
      onClose={onClose}
      dirty={reason.trim() !== ''}
    >
      <form className="dialog-form" onSubmit={submit} noValidate>
        <div className="segmented" role="radiogroup" aria-label="How much">
          <label className="segmented-option">
            <input type="radio" name="refund-size" checked={whole} onChange={() => setWhole(true)} autoFocus />
            <span>Full · {formatMoney(left, currency)}</span>
          </label>
          <label className="segmented-option">
            <input type="radio" name="refund-size" checked={!whole} onChange={() => setWhole(false)} />
            <span>Part</span>
          </label>
        </div>
        {!whole && <AmountField label="Refund amount" currency={currency} value={amount} onChange={setAmount} error={errors.amount} required />}
        {whole && errors.amount && <p className="field-error">{errors.amount}</p>}
        <TextAreaField label="Reason" rows={2} required value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
        <FormActions error={errors.form} submitLabel={whole ? `Refund ${formatMoney(left, currency)}` : 'Refund'} busy={busy} onCancel={onClose} danger />
      </form>
    </Dialog>
  );
}
