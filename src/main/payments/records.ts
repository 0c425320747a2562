// Low-level reads of payment rows and the appointment facts payments need, shared by the payment services.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { appointments, payments } from '../db/schema';

export type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'run' | 'get' | 'all'>;
export type PaymentRow = typeof payments.$inferSelect;

/** Statuses of a payment whose money was received (whether or not some was refunded since). */
export const RECEIVED = ['paid', 'partially_refunded', 'refunded'] as const;
export const isReceived = (status: string): boolean => (RECEIVED as readonly string[]).includes(status);

export interface AppointmentFacts {
  id: number;
  patientId: number;
  providerId: number;
  fee: number;
  currency: string;
  status: string;
  startsAt: number;
}

export function appointmentFacts(tx: Tx, appointmentId: number): AppointmentFacts | undefined {
  return tx
    .select({
      id: appointments.id,
      patientId: appointments.patientId,
      providerId: appointments.providerId,
      fee: appointments.fee,
      currency: appointments.currency,
      status: appointments.status,
      startsAt: appointments.startsAt,
    })
    .from(appointments)
    .where(eq(appointments.id, appointmentId))
    .get();
}

export const paymentRow = (tx: Tx, id: number): PaymentRow | undefined => tx.select().from(payments).where(eq(payments.id, id)).get();

export const stripeLinkRows = (tx: Tx, appointmentId: number, statuses: PaymentRow['status'][]): PaymentRow[] =>
  tx
    .select()
    .from(payments)
    .where(and(eq(payments.appointmentId, appointmentId), eq(payments.kind, 'stripe_link'), inArray(payments.status, statuses)))
    .orderBy(payments.id)
    .all();

/** Confirmed refunds of a payment, and those still waiting on Stripe (both count against what is left to refund). */
export function refundedSoFar(tx: Tx, paymentId: number): { confirmed: number; pending: number } {
  const rows = tx
    .select({ amount: payments.amount, status: payments.status })
    .from(payments)
    .where(and(eq(payments.refundOf, paymentId), inArray(payments.status, ['refunded', 'refund_pending'])))
    .all();
  let confirmed = 0;
  let pending = 0;
  for (const r of rows) {
    if (r.status === 'refunded') confirmed += r.amount;
    else pending += r.amount;
  }
  return { confirmed, pending };
}
