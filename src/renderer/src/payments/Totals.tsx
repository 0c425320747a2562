// Paid / refunded / outstanding for an appointment or a patient; outstanding is said in words, not only in red.
// Outstanding is owed for visits that took place; fees of visits still to come show apart as Upcoming (payments/owed.ts).
import type { PaymentTotals } from '../../../shared/payments';
import { formatMoney } from './money';

export function Totals({ totals, label = 'Fees', showFees = true }: { totals: PaymentTotals; label?: string; showFees?: boolean }) {
  const m = (n: number) => formatMoney(n, totals.currency);
  return (
    <dl className="pay-totals">
      {showFees && (
        <div>
          <dt>{label}</dt>
          <dd>{m(totals.fees)}</dd>
        </div>
      )}
      <div>
        <dt>Paid</dt>
        <dd>{m(totals.paid)}</dd>
      </div>
      {totals.refunded > 0 && (
        <div>
          <dt>Refunded</dt>
          <dd>−{m(totals.refunded)}</dd>
        </div>
      )}
      <div className={totals.outstanding > 0 ? 'pay-outstanding' : 'pay-settled'}>
        <dt>Outstanding</dt>
        <dd>{totals.outstanding > 0 ? m(totals.outstanding) : 'Nothing owed'}</dd>
      </div>
      {totals.upcoming > 0 && (
        <div className="pay-upcoming">
          <dt>Upcoming</dt>
          <dd>
            {m(totals.upcoming)} <span className="muted">due at the visit</span>
          </dd>
        </div>
      )}
    </dl>
  );
}
