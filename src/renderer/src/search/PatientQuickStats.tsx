// Quick stats under a patient's identity strip: visits and money at a glance, in one line.
// Money shows only to staff who may see payments (doctors get the visit counts).
import { useEffect, useState } from 'react';
import { formatMoney } from '../../../shared/payments-format';
import { roleAllows } from '../../../shared/roles';
import type { PaymentTotals } from '../../../shared/payments';
import type { PatientAppointments } from '../../../shared/scheduling-appointments';
import { api, unwrap } from '../api/client';
import { useSession } from '../app/store';

type Counts = PatientAppointments['counts'];

export function PatientQuickStats({ patientId }: { patientId: number }) {
  const session = useSession();
  const seesMoney = roleAllows(session.user.role, 'payments.read');
  const [counts, setCounts] = useState<Counts | null>(null);
  const [money, setMoney] = useState<PaymentTotals | null>(null);

  useEffect(() => {
    let current = true;
    // The stats are a convenience: if either read fails, the sections below still say what went wrong.
    unwrap(api.appointments.forPatient({ patientId, limit: 1 }))
      .then((r) => current && setCounts(r.counts))
      .catch(() => undefined);
    if (seesMoney)
      unwrap(api.payments.forPatient({ patientId }))
        .then((r) => current && setMoney(r.totals))
        .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [patientId, seesMoney]);

  if (!counts) return null;
  const stats: [string, string, boolean][] = [
    ['Appointments', String(counts.total), false],
    ['Upcoming', String(counts.upcoming), false],
    ['Past', String(counts.past), false],
    ['No-shows', String(counts.noShows), counts.noShows > 0],
  ];
  if (money) {
    stats.push(['Total paid', formatMoney(money.netPaid, money.currency), false]);
    stats.push(['Outstanding', formatMoney(money.outstanding, money.currency), money.outstanding > 0]);
    // Fees of visits still to come are not owed yet: shown apart, never as needing attention.
    if (money.upcoming > 0) stats.push(['Upcoming fees', formatMoney(money.upcoming, money.currency), false]);
  }
  return (
    <dl className="patient-stats" aria-label="Quick stats">
      {stats.map(([label, value, attention]) => (
        <div key={label} className={attention ? 'is-attention' : undefined}>
          <dt>{label}</dt>
          <dd>
            {value}
            {attention && <span className="visually-hidden"> (needs attention)</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
