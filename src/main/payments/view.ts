// What the desk sees: payment rows with their link state, and the totals per appointment and per patient.
import { and, asc, eq, ne } from 'drizzle-orm';
import type { AppointmentPayments, LinkState, PatientPayments, Payment, PaymentTotals, StripeProblem } from '../../shared/payments';
import { STRIPE_PROBLEMS, type StripeProblemCode } from '../../shared/payments';
import { findClinic } from '../clinic/service';
import type { Db } from '../db/client';
import { appointments, payments } from '../db/schema';
import { problem, isTransient } from '../integrations/stripe/problems';
import { jobByKey, type JobRow } from '../jobs/queue';
import { notFound } from '../ipc/errors';
import { linkJobKey } from './link-planner';
import { appointmentFacts, isReceived, type PaymentRow, type Tx } from './records';
import { refundJobKey } from './refund-job-key';

const isProblemCode = (c: string | null): c is StripeProblemCode => c !== null && (STRIPE_PROBLEMS as readonly string[]).includes(c);

function jobProblem(job: JobRow | undefined): StripeProblem | null {
  if (!job || job.status === 'done' || !isProblemCode(job.lastError)) return null;
  return problem(job.lastError);
}

function linkState(row: PaymentRow, job: JobRow | undefined): LinkState {
  if (isReceived(row.status)) return 'paid';
  if (row.status === 'void') return 'void';
  if (row.status === 'link_ready') return 'ready';
  if (job?.status === 'parked') return 'needs_settings';
  if (job?.lastError && isProblemCode(job.lastError) && isTransient(job.lastError)) return 'waiting_for_connection';
  return 'creating';
}

export function toPayment(tx: Tx, row: PaymentRow): Payment {
  const isLink = row.kind === 'stripe_link';
  const job =
    isLink && row.status === 'pending_link'
      ? jobByKey(tx, linkJobKey(row.appointmentId))
      : row.kind === 'refund' && row.status === 'refund_pending'
        ? jobByKey(tx, refundJobKey(row.id))
        : undefined;
  return {
    id: row.id,
    appointmentId: row.appointmentId,
    patientId: row.patientId,
    kind: row.kind,
    status: row.status,
    amount: row.amount,
    currency: row.currency,
    linkState: isLink ? linkState(row, job) : null,
    linkUrl: isLink && row.status !== 'void' ? row.stripeLinkUrl : null,
    problem: jobProblem(job),
    retryAt: job?.status === 'queued' && job.lastError ? new Date(job.nextAttemptAt).toISOString() : null,
    stripePaymentIntentId: row.stripePaymentIntentId,
    feeAmount: row.feeAmount,
    netAmount: row.netAmount,
    paidAt: row.paidAt,
    receiptNumber: row.receiptNumber,
    refundOf: row.refundOf,
    note: row.note,
    createdAt: row.createdAt,
  };
}

/** Sums over rows in `currency` only; fees are the appointments' fees (cancelled ones cost nothing). */
export function totalsOf(rows: PaymentRow[], fees: number, currency: string): PaymentTotals {
  let paid = 0;
  let refunded = 0;
  let stripeFees = 0;
  for (const r of rows) {
    if (r.currency !== currency) continue;
    if (r.kind === 'refund') {
      if (r.status === 'refunded') refunded += r.amount;
    } else if (isReceived(r.status)) {
      paid += r.amount;
      stripeFees += r.feeAmount ?? 0;
    }
  }
  const netPaid = paid - refunded;
  return { currency, fees, paid, refunded, netPaid, outstanding: Math.max(0, fees - netPaid), stripeFees };
}

export function appointmentPayments(db: Db, appointmentId: number, stripeProblem: StripeProblem | null = null): AppointmentPayments {
  const appt = appointmentFacts(db, appointmentId);
  if (!appt) throw notFound('That appointment');
  const rows = db.select().from(payments).where(eq(payments.appointmentId, appointmentId)).orderBy(asc(payments.id)).all();
  const fee = appt.status === 'cancelled' ? 0 : appt.fee;
  return {
    appointmentId,
    fee: appt.fee,
    currency: appt.currency,
    payments: rows.map((r) => toPayment(db, r)),
    totals: totalsOf(rows, fee, appt.currency),
    stripeProblem,
  };
}

export function patientPayments(db: Db, patientId: number): PatientPayments {
  const appts = db
    .select({ fee: appointments.fee, currency: appointments.currency })
    .from(appointments)
    .where(and(eq(appointments.patientId, patientId), ne(appointments.status, 'cancelled')))
    .all();
  const currency = findClinic(db)?.currency ?? appts[0]?.currency ?? 'GBP';
  const fees = appts.filter((a) => a.currency === currency).reduce((sum, a) => sum + a.fee, 0);
  const rows = db.select().from(payments).where(eq(payments.patientId, patientId)).orderBy(asc(payments.id)).all();
  return {
    patientId,
    payments: rows.map((r) => toPayment(db, r)).reverse(),
    totals: totalsOf(rows, fees, currency),
    appointmentCount: appts.length,
  };
}
