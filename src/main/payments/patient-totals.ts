// For the patient list: appointment count, net paid, outstanding and upcoming per patient, for one page of patients at once.
import { and, eq, inArray, ne, sql, sum } from 'drizzle-orm';
import type { PatientSpend } from '../../shared/payments';
import { findClinic } from '../clinic/service';
import type { Db } from '../db/client';
import { appointments, payments } from '../db/schema';
import { owedFor, type OwedVisit } from './owed';

export function patientTotals(db: Db, patientIds: number[], now: Date): PatientSpend[] {
  const currency = findClinic(db)?.currency ?? 'GBP';
  // A page is at most 500 patients: their visits are a few thousand short rows on appointments_patient_start.
  const visits = db
    .select({ id: appointments.id, patientId: appointments.patientId, fee: appointments.fee, status: appointments.status, startsAt: appointments.startsAt })
    .from(appointments)
    .where(and(inArray(appointments.patientId, patientIds), ne(appointments.status, 'cancelled'), eq(appointments.currency, currency)))
    .all();
  // Net paid per visit (taken minus refunds made), so each visit's fee is settled only by its own payments.
  const money = db
    .select({
      patientId: payments.patientId,
      appointmentId: payments.appointmentId,
      net: sum(
        sql`CASE
          WHEN ${payments.kind} != 'refund' AND ${payments.status} IN ('paid', 'partially_refunded', 'refunded') THEN ${payments.amount}
          WHEN ${payments.kind} = 'refund' AND ${payments.status} = 'refunded' THEN -${payments.amount}
          ELSE 0 END`,
      ).mapWith(Number),
    })
    .from(payments)
    .where(and(inArray(payments.patientId, patientIds), eq(payments.currency, currency)))
    .groupBy(payments.patientId, payments.appointmentId)
    .all();
  const visitsOf = new Map<number, OwedVisit[]>();
  for (const v of visits) {
    const own = visitsOf.get(v.patientId);
    if (own) own.push(v);
    else visitsOf.set(v.patientId, [v]);
  }
  const netByVisit = new Map<number, number>();
  const netPaidOf = new Map<number, number>();
  for (const m of money) {
    netByVisit.set(m.appointmentId, (netByVisit.get(m.appointmentId) ?? 0) + m.net);
    netPaidOf.set(m.patientId, (netPaidOf.get(m.patientId) ?? 0) + m.net);
  }
  return patientIds.map((patientId) => {
    const own = visitsOf.get(patientId) ?? [];
    return { patientId, currency, appointmentCount: own.length, netPaid: netPaidOf.get(patientId) ?? 0, ...owedFor(own, netByVisit, now) };
  });
}
