// Gathers what a receipt shows — clinic, patient, appointment, payment, refunds — for one received payment.
import { and, eq } from 'drizzle-orm';
import type { ClinicProfile } from '../../shared/clinic';
import type { PaymentKind } from '../../shared/payments';
import { getClinic } from '../clinic/service';
import type { Db } from '../db/client';
import { appointments, patients, payments, providers } from '../db/schema';
import { invalidField, notFound } from '../ipc/errors';
import { isReceived } from './records';

export interface ReceiptData {
  clinic: ClinicProfile;
  receiptNumber: string;
  patient: { name: string; mrn: string };
  appointment: { id: number; startsAt: number; providerName: string; fee: number };
  payment: { kind: PaymentKind; amount: number; currency: string; paidAt: string; stripeReference: string | null; stripeFee: number | null };
  refunds: { amount: number; at: string }[];
}

export function receiptData(db: Db, paymentId: number): ReceiptData {
  const row = db
    .select({ p: payments, patient: { first: patients.firstName, last: patients.lastName, mrn: patients.mrn }, appt: appointments, provider: providers.name })
    .from(payments)
    .innerJoin(patients, eq(patients.id, payments.patientId))
    .innerJoin(appointments, eq(appointments.id, payments.appointmentId))
    .innerJoin(providers, eq(providers.id, appointments.providerId))
    .where(eq(payments.id, paymentId))
    .get();
  if (!row || row.p.kind === 'refund') throw notFound('That payment');
  const { p } = row;
  if (!isReceived(p.status) || !p.receiptNumber || !p.paidAt) {
    throw invalidField('paymentId', 'A receipt can only be made for a payment that was received.');
  }
  const refunds = db
    .select({ amount: payments.amount, at: payments.paidAt })
    .from(payments)
    .where(and(eq(payments.refundOf, p.id), eq(payments.status, 'refunded')))
    .all();
  return {
    clinic: getClinic(db),
    receiptNumber: p.receiptNumber,
    patient: { name: `${row.patient.first} ${row.patient.last}`, mrn: row.patient.mrn },
    appointment: { id: row.appt.id, startsAt: row.appt.startsAt, providerName: row.provider, fee: row.appt.fee },
    payment: { kind: p.kind, amount: p.amount, currency: p.currency, paidAt: p.paidAt, stripeReference: p.stripePaymentIntentId, stripeFee: p.feeAmount },
    refunds: refunds.map((r) => ({ amount: r.amount, at: r.at ?? '' })),
  };
}
