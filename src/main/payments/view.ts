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
import { owedFor, type OwedVisit } from './owed';
import { appointmentFacts, isReceived, type PaymentRow, type Tx } from './records';
import { refundJobKey } from './refund-job-key';
import { neverSent } from './refunds';
import { savedAccountId } from './settings';
import { madeElsewhere } from './stripe-access';

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

/** `savedAccount`: the saved key's Stripe account, read once by callers that list many rows. */
export function toPayment(tx: Tx, row: PaymentRow, savedAccount: string | null = savedAccountId(tx)): Payment {
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
    previousAccount: previousAccountOf(row, savedAccount, job),
  };
}

/** Made on an account the saved key cannot ask about, or a refund never sent there (settled by the desk either way). */
function previousAccountOf(row: PaymentRow, savedAccount: string | null, job: JobRow | undefined): Payment['previousAccount'] {
  if (row.stripeAccountId === null) return null;
  if (neverSent(row, job?.status)) return { accountId: row.stripeAccountId, sentToStripe: false };
  if (!madeElsewhere(row.stripeAccountId, savedAccount)) return null;
  return { accountId: row.stripeAccountId, sentToStripe: row.kind !== 'refund' || row.stripeRefundId !== null };
}

/** Net paid (taken minus refunds made) per appointment, over rows in `currency` only. */
function netPaidByVisit(rows: PaymentRow[], currency: string): Map<number, number> {
  const net = new Map<number, number>();
  for (const r of rows) {
    if (r.currency !== currency) continue;
    const signed = r.kind === 'refund' ? (r.status === 'refunded' ? -r.amount : 0) : isReceived(r.status) ? r.amount : 0;
    if (signed !== 0) net.set(r.appointmentId, (net.get(r.appointmentId) ?? 0) + signed);
  }
  return net;
}

/**
 * Sums over rows in `currency` only. Fees are the visits' fees (cancelled ones cost nothing); what is owed follows
 * the rule in owed.ts: outstanding for visits that took place, upcoming for those still to come.
 */
export function totalsOf(rows: PaymentRow[], visits: OwedVisit[], currency: string, now: Date): PaymentTotals {
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
  const fees = visits.reduce((sum, v) => sum + (v.status === 'cancelled' ? 0 : v.fee), 0);
  const { outstanding, upcoming } = owedFor(visits, netPaidByVisit(rows, currency), now);
  return { currency, fees, paid, refunded, netPaid: paid - refunded, outstanding, upcoming, stripeFees };
}

export function appointmentPayments(db: Db, appointmentId: number, now: Date, stripeProblem: StripeProblem | null = null): AppointmentPayments {
  const appt = appointmentFacts(db, appointmentId);
  if (!appt) throw notFound('That appointment');
  const rows = db.select().from(payments).where(eq(payments.appointmentId, appointmentId)).orderBy(asc(payments.id)).all();
  const savedAccount = savedAccountId(db);
  return {
    appointmentId,
    fee: appt.fee,
    currency: appt.currency,
    payments: rows.map((r) => toPayment(db, r, savedAccount)),
    totals: totalsOf(rows, [appt], appt.currency, now),
    stripeProblem,
  };
}

/** `now` decides which visits took place; it defaults to the wall clock for callers outside a desk call (the bench). */
export function patientPayments(db: Db, patientId: number, now: Date = new Date()): PatientPayments {
  const appts = db
    .select({ id: appointments.id, fee: appointments.fee, currency: appointments.currency, status: appointments.status, startsAt: appointments.startsAt })
    .from(appointments)
    .where(and(eq(appointments.patientId, patientId), ne(appointments.status, 'cancelled')))
    .all();
  const currency = findClinic(db)?.currency ?? appts[0]?.currency ?? 'GBP';
  const rows = db.select().from(payments).where(eq(payments.patientId, patientId)).orderBy(asc(payments.id)).all();
  const savedAccount = savedAccountId(db);
  return {
    patientId,
    payments: rows.map((r) => toPayment(db, r, savedAccount)).reverse(),
    totals: totalsOf(
      rows,
      appts.filter((a) => a.currency === currency),
      currency,
      now,
    ),
    appointmentCount: appts.length,
  };
}
