// The Receipt, Refund and settle-by-hand dialogs any payment list opens; shared by the appointment panel and the patient's history.
import { useState, type ReactNode } from 'react';
import type { Payment } from '../../../shared/payments';
import { refundableLeft } from './labels';
import { ReceiptDialog } from './ReceiptDialog';
import { RefundDialog } from './RefundDialog';
import { SettleRefundDialog } from './SettleRefundDialog';

export function usePaymentDialogs(payments: readonly Payment[], onChanged: () => void): {
  openReceipt(p: Payment): void;
  openRefund(p: Payment): void;
  /** A refund left on the previous Stripe account: the desk marks how it ended. */
  openSettle(p: Payment): void;
  dialogs: ReactNode;
} {
  const [receiptOf, setReceiptOf] = useState<number | null>(null);
  const [refunding, setRefunding] = useState<Payment | null>(null);
  const [settling, setSettling] = useState<Payment | null>(null);
  const dialogs = (
    <>
      {receiptOf !== null && <ReceiptDialog paymentId={receiptOf} onClose={() => setReceiptOf(null)} />}
      {refunding && (
        <RefundDialog
          payment={refunding}
          left={refundableLeft(refunding, payments)}
          onClose={() => setRefunding(null)}
          onDone={() => {
            setRefunding(null);
            onChanged();
          }}
        />
      )}
      {settling && (
        <SettleRefundDialog
          refund={settling}
          onClose={() => setSettling(null)}
          onDone={() => {
            setSettling(null);
            onChanged();
          }}
        />
      )}
    </>
  );
  return { openReceipt: (p) => setReceiptOf(p.id), openRefund: setRefunding, openSettle: setSettling, dialogs };
}
