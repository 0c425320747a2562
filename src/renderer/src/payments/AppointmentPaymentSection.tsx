// The payment part of the appointment side panel: the Stripe link (copy / QR in one click), what was paid,
// Refresh, Record payment, refunds and receipts. Mounted by the calendar through calendar/extension-points.ts.
import { useState } from 'react';
import { LINK_STATE_LABELS, type Payment } from '../../../shared/payments';
import { roleAllows } from '../../../shared/roles';
import { api, messageOf, unwrap } from '../api/client';
import { useSession } from '../app/store';
import { useShortcut } from '../ui/shortcuts';
import { toast } from '../ui/toasts';
import { copyLink } from './clipboard';
import { LinkStatus } from './LinkStatus';
import { formatMoney } from './money';
import { usePaymentDialogs } from './PaymentDialogs';
import { PaymentRow } from './PaymentRow';
import { QrDialog } from './QrDialog';
import { RecordPaymentDialog } from './RecordPaymentDialog';
import { Totals } from './Totals';
import { useAppointmentPayments } from './useAppointmentPayments';

/** The link the desk works with: the newest one not replaced or cancelled. */
const currentLink = (payments: readonly Payment[]) => payments.findLast((p) => p.kind === 'stripe_link' && p.status !== 'void') ?? null;

export function AppointmentPaymentSection({ appointmentId }: { appointmentId: number }) {
  const role = useSession().user.role;
  const { view, error, reload, replace } = useAppointmentPayments(appointmentId);
  const [busy, setBusy] = useState<'refresh' | 'retry' | null>(null);
  const [qrFor, setQrFor] = useState<Payment | null>(null);
  const [recording, setRecording] = useState(false);
  const { openReceipt, openRefund, openSettle, dialogs } = usePaymentDialogs(view?.payments ?? [], () => void reload());
  // Checkout from the keyboard: L copies the link, Q shows its QR (never while typing or with a dialog open).
  const readyLink = view ? currentLink(view.payments) : null;
  const ready = roleAllows(role, 'payments.read') && readyLink?.linkState === 'ready' && readyLink.linkUrl !== null;
  useShortcut({ key: 'l' }, () => readyLink?.linkUrl && void copyLink(readyLink.linkUrl), ready);
  useShortcut({ key: 'q' }, () => readyLink && setQrFor(readyLink), ready);

  if (!roleAllows(role, 'payments.read')) return null;
  if (error && !view)
    return (
      <section className="pay-panel" aria-label="Payment">
        <p className="form-error" role="alert">
          {error}
        </p>
      </section>
    );
  if (!view) return <section className="pay-panel pay-panel-loading" aria-label="Payment" aria-busy="true" />;

  const run = async (what: 'refresh' | 'retry') => {
    setBusy(what);
    try {
      const next = await unwrap(what === 'refresh' ? api.payments.refresh({ appointmentId }) : api.payments.retry({ appointmentId }));
      replace(next);
      if (what === 'refresh' && !next.stripeProblem) {
        const paidNow = next.totals.paid > (view.totals.paid ?? 0);
        toast(paidNow ? `Paid: ${formatMoney(next.totals.paid, next.currency)} received.` : 'Checked with Stripe: not paid yet.', paidNow ? 'success' : 'info');
      }
    } catch (e) {
      toast(messageOf(e), 'error');
    } finally {
      setBusy(null);
    }
  };

  const link = currentLink(view.payments);
  const others = view.payments.filter((p) => p.kind !== 'stripe_link' || (p !== link && p.status !== 'void'));
  const canWrite = roleAllows(role, 'payments.write');
  const canRefund = roleAllows(role, 'payments.refund');
  // What is left of this visit's fee, whether the visit took place (outstanding) or is still to come (upcoming).
  const leftToPay = view.totals.outstanding + view.totals.upcoming;
  const paidActions = link?.linkState === 'paid' && (
    <>
      {link.receiptNumber && (
        <button type="button" className="button button-small" onClick={() => openReceipt(link)} aria-label={`Receipt ${link.receiptNumber}`}>
          Receipt
        </button>
      )}
      {canRefund && link.status !== 'refunded' && (
        <button type="button" className="button button-quiet button-small" onClick={() => openRefund(link)}>
          Refund
        </button>
      )}
    </>
  );

  return (
    <section className="pay-panel" aria-labelledby={`pay-title-${appointmentId}`}>
      <header className="pay-panel-head">
        <h3 id={`pay-title-${appointmentId}`} className="pay-panel-title">
          Payment
        </h3>
        <span className="pay-fee">{view.fee > 0 ? formatMoney(view.fee, view.currency) : 'No fee'}</span>
      </header>

      {link && <LinkStatus link={link} busy={busy === 'retry'} onRetry={() => void run('retry')} onShowQr={() => setQrFor(link)} paidActions={paidActions} />}
      {/* Only the state's words, so "Waiting for connection" turning into "Link ready" or "Paid" is announced once. */}
      <p className="visually-hidden" aria-live="polite">
        {link?.linkState ? `Payment link: ${LINK_STATE_LABELS[link.linkState]}` : ''}
      </p>
      {!link && view.fee > 0 && view.payments.length === 0 && <p className="muted">No payment link: this appointment was booked without one.</p>}
      {!link && leftToPay > 0 && view.totals.paid > 0 && (
        <p className="pay-link-note">Part was paid at the desk, so the payment link was withdrawn. Record the rest here when the patient pays.</p>
      )}
      {view.stripeProblem && (
        <p className="pay-problem" role="alert">
          <span aria-hidden="true">!</span> {view.stripeProblem.message}
        </p>
      )}

      {others.length > 0 && (
        <ul className="pay-rows" aria-label="Payments and refunds">
          {others.map((p) => (
            <PaymentRow key={p.id} payment={p} canRefund={canRefund} onReceipt={openReceipt} onRefund={openRefund} onSettle={openSettle} />
          ))}
        </ul>
      )}

      {(view.fee > 0 || view.payments.length > 0) && <Totals totals={view.totals} showFees={false} />}

      <div className="pay-panel-actions">
        {/* Only a link the patient could have paid has anything to ask Stripe about. */}
        {link && (link.linkState === 'ready' || link.linkState === 'paid') && (
          <button type="button" className="button button-small" onClick={() => void run('refresh')} disabled={busy !== null}>
            {busy === 'refresh' ? 'Checking…' : 'Refresh'}
          </button>
        )}
        {canWrite && (
          <button type="button" className="button button-small" onClick={() => setRecording(true)}>
            Record payment
          </button>
        )}
      </div>

      {qrFor && <QrDialog link={qrFor} onClose={() => setQrFor(null)} />}
      {recording && (
        <RecordPaymentDialog
          appointmentId={appointmentId}
          currency={view.currency}
          outstanding={leftToPay}
          onClose={() => setRecording(false)}
          onDone={() => {
            setRecording(false);
            void reload();
          }}
        />
      )}
      {dialogs}
    </section>
  );
}
