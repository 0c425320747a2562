// The payment history on a patient's page: every payment and refund with method, status and receipt, and the totals.
import { useCallback, useEffect, useState } from 'react';
import type { Payment, PatientPayments } from '../../../shared/payments';
import { roleAllows } from '../../../shared/roles';
import { api, messageOf, unwrap } from '../api/client';
import { useSession } from '../app/store';
import { usePaymentDialogs } from './PaymentDialogs';
import { PaymentRow } from './PaymentRow';
import { QrDialog } from './QrDialog';
import { formatAppointment } from './time';
import { Totals } from './Totals';

export function PatientPaymentsSection({ patientId }: { patientId: number }) {
  const role = useSession().user.role;
  const allowed = roleAllows(role, 'payments.read');
  const [data, setData] = useState<PatientPayments | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [qrFor, setQrFor] = useState<Payment | null>(null);
  /** Appointment id → when it is, so each payment names the visit it paid for. */
  const [visits, setVisits] = useState<Map<number, string>>(new Map());
  const { timeZone } = useSession().clinic;
  const load = useCallback(() => {
    unwrap(api.payments.forPatient({ patientId }))
      .then(setData)
      .catch((e: unknown) => setError(messageOf(e)));
    unwrap(api.appointments.forPatient({ patientId, limit: 500 }))
      .then((a) => setVisits(new Map([...a.upcoming, ...a.past].map((x) => [x.id, formatAppointment(x.startsAt, timeZone)]))))
      .catch(() => setVisits(new Map())); // the history stands without the dates
  }, [patientId, timeZone]);
  useEffect(() => {
    if (allowed) load();
  }, [allowed, load]);
  const { openReceipt, openRefund, openSettle, dialogs } = usePaymentDialogs(data?.payments ?? [], load);

  if (!allowed) return null;
  // Replaced and cancelled links never took money: they would only clutter the history.
  const shown = data?.payments.filter((p) => p.status !== 'void') ?? [];
  return (
    <section className="detail-section pay-history" aria-label="Payments">
      <h2 className="detail-section-title">Payments</h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <div className="pay-panel-loading" aria-busy="true" />}
      {data && (
        <>
          <Totals totals={data.totals} label={`Fees (${data.appointmentCount} appointment${data.appointmentCount === 1 ? '' : 's'})`} />
          {shown.length === 0 ? (
            <p className="muted">No payments yet. Payment links and desk payments appear here once an appointment with a fee is booked.</p>
          ) : (
            <ul className="pay-rows" aria-label="Payment history">
              {shown.map((p) => (
                <PaymentRow
                  key={p.id}
                  payment={p}
                  canRefund={roleAllows(role, 'payments.refund')}
                  onReceipt={openReceipt}
                  onRefund={openRefund}
                  onSettle={openSettle}
                  onShowQr={setQrFor}
                  appointmentLabel={visits.get(p.appointmentId)}
                />
              ))}
            </ul>
          )}
        </>
      )}
      {qrFor && <QrDialog link={qrFor} onClose={() => setQrFor(null)} />}
      {dialogs}
    </section>
  );
}
