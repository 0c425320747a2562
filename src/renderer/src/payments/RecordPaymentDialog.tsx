// Records money taken at the desk (cash, card terminal, insurance) against the appointment; amount typed as a decimal.
import { useState, type FormEvent } from 'react';
import { MANUAL_KINDS, PAYMENT_KIND_LABELS, type ManualKind } from '../../../shared/payments';
import { ApiError, api, messageOf, unwrap } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { FormActions } from '../ui/FormActions';
import { SelectField } from '../ui/SelectField';
import { TextAreaField } from '../ui/TextAreaField';
import { toast } from '../ui/toasts';
import { AmountField } from './AmountField';
import { amountHint, formatMoney, toDecimal, toMinor } from './money';

interface RecordPaymentDialogProps {
  appointmentId: number;
  currency: string;
  /** What is left of the fee (owed now or due at the visit): the amount starts there. */
  outstanding: number;
  onDone(): void;
  onClose(): void;
}

const OPTIONS = MANUAL_KINDS.map((k) => ({ value: k, label: PAYMENT_KIND_LABELS[k] }));

export function RecordPaymentDialog({ appointmentId, currency, outstanding, onDone, onClose }: RecordPaymentDialogProps) {
  const [kind, setKind] = useState<ManualKind>('cash');
  const [amount, setAmount] = useState(outstanding > 0 ? toDecimal(outstanding, currency) : '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; note?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const minor = toMinor(amount, currency);
    if (minor === null || minor <= 0) return setErrors({ amount: `${amountHint(currency)}` });
    setBusy(true);
    try {
      await unwrap(api.payments.recordManual({ appointmentId, kind, amount: minor, note: note.trim() || undefined }));
      toast(`${PAYMENT_KIND_LABELS[kind]} payment of ${formatMoney(minor, currency)} recorded.`);
      onDone();
    } catch (err) {
      const f = err instanceof ApiError ? err.fields : {};
      setErrors({ amount: f.amount, note: f.note, form: f.amount || f.note ? undefined : messageOf(err) });
      setBusy(false);
    }
  };

  return (
    <Dialog title="Record payment" description="Money taken at the desk, outside Stripe." onClose={onClose} dirty={note.trim() !== ''}>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <SelectField label="Method" options={OPTIONS} value={kind} onChange={(e) => setKind(e.target.value as ManualKind)} autoFocus />
        <AmountField label="Amount" currency={currency} value={amount} onChange={setAmount} error={errors.amount} required />
        <TextAreaField label="Note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} hint="Optional, e.g. the terminal slip or insurer reference." />
        <FormActions error={errors.form} submitLabel="Record payment" busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
