// For the patient list: appointment count, net paid and outstanding per patient, for one page of patients at once.
import { and, count, eq, inArray, ne, sql, sum } from 'drizzle-orm';
import type { PatientSpend } from '../../shared/payments';
import { findClinic } from '../clinic/service';
import type { Db } from '../db/client';
import { appointments, payments } from '../db/schema';

export function patientTotals(db: Db, patientIds: number[]): PatientSpend[] {
  const currency = findClinic(db)?.currency ?? 'GBP';
  const appts = db
    .select({ patientId: appointments.patientId, n: count(), fees: sum(appointments.fee).mapWith(Number) })
    .from(appointments)
    .where(and(inArray(appointments.patientId, patientIds), ne(appointments.status, 'cancelled'), eq(appointments.currency, currency)))
    .groupBy(appointments.patientId)
    .all();
  const money = db
    .select({
      patientId: payments.patientId,
      paid: sum(sql`CASE WHEN ${payments.kind} != 'refund' AND ${payments.status} IN ('paid', 'partially_refunded', 'refunded') THEN ${payments.amount} ELSE 0 END`).mapWith(Number),
      refunded: sum(sql`CASE WHEN ${payments.kind} = 'refund' AND ${payments.status} = 'refunded' THEN ${payments.amount} ELSE 0 END`).mapWith(Number),
    })
    .from(payments)
    .where(and(inArray(payments.patientId, patientIds), eq(payments.currency, currency)))
    .groupBy(payments.patientId)
    .all();
  const byAppt = new Map(appts.map((a) => [a.patientId, a]));
  const byMoney = new Map(money.map((m) => [m.patientId, m]));
  return patientIds.map((patientId) => {
    const a = byAppt.get(patientId);
    const m = byMoney.get(patientId);
    const netPaid = (m?.paid ?? 0) - (m?.refunded ?? 0);
    return { patientId, currency, appointmentCount: a?.n ?? 0, netPaid, outstanding: Math.max(0, (a?.fees ?? 0) - netPaid) };
  });
}
