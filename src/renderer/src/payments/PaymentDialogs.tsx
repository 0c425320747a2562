// The Receipt and Refund dialogs any payment list opens; shared by the appointment panel and the patient's history.
import { useState, type ReactNode } from 'react';
import type { Payment } from '../../../shared/payments';
import { refundableLeft } from './labels';
import { ReceiptDialog } from './ReceiptDialog';
import { RefundDialog } from './RefundDialog';

export function usePaymentDialogs(payments: readonly Payment[], onChanged: () => void): {
  openReceipt(p: Payment): void;
  openRefund(p: Payment): void;
  dialogs: ReactNode;
} {
  const [receiptOf, setReceiptOf] = useState<number | null>(null);
  const [refunding, setRefunding] = useState<Payment | null>(null);
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
    </>
  );
  return { openReceipt: (p) => setReceiptOf(p.id), openRefund: setRefunding, dialogs };
}
