// Paid / unpaid per appointment in one query, for the day book's blocks (the calendar range attaches it).
import type { AppointmentPaymentState } from '../../shared/payments';
import { sqlAll, type SqlTx } from '../jobs/fast-sql';

/** What an appointment's payment rows add up to; the state follows from these and the appointment's fee and status. */
export interface PaymentSums {
  received: number;
  refunded: number;
  /** 1 when a Stripe link is still being made. */
  waiting: number;
}

interface Sums extends PaymentSums {
  appointmentId: number;
}

/**
 * Adds one payment row to `sums`: the same rule as the SUM(CASE …) in paymentStatesOf, for the calendar range,
 * which reads each block's payment rows in its own query (LEFT JOIN) instead of a second pass.
 */
export function addPayment(sums: PaymentSums, kind: string, status: string, amount: number): void {
  if (kind !== 'refund' && (status === 'paid' || status === 'partially_refunded' || status === 'refunded')) sums.received += amount;
  if (kind === 'refund' && status === 'refunded') sums.refunded += amount;
  if (kind === 'stripe_link' && status === 'pending_link') sums.waiting = 1;
}

/**
 * `appointments`: the blocks on screen (id, fee, status). One grouped read over payments for all of them —
 * ids go in as one JSON parameter, so a week of a busy clinic is still a single cached statement.
 */
export function paymentStatesOf(tx: SqlTx, appointments: readonly { id: number; fee: number; status: string }[]): Map<number, AppointmentPaymentState> {
  const states = new Map<number, AppointmentPaymentState>();
  if (appointments.length === 0) return states;
  const rows = sqlAll<Sums>(
    tx,
    `SELECT appointment_id AS appointmentId,
       COALESCE(SUM(CASE WHEN kind != 'refund' AND status IN ('paid', 'partially_refunded', 'refunded') THEN amount END), 0) AS received,
       COALESCE(SUM(CASE WHEN kind = 'refund' AND status = 'refunded' THEN amount END), 0) AS refunded,
       MAX(CASE WHEN kind = 'stripe_link' AND status = 'pending_link' THEN 1 ELSE 0 END) AS waiting
     FROM payments WHERE appointment_id IN (SELECT value FROM json_each(?)) GROUP BY appointment_id`,
    JSON.stringify(appointments.map((a) => a.id)),
  );
  const byId = new Map(rows.map((r) => [r.appointmentId, r]));
  for (const a of appointments) states.set(a.id, stateOf(a, byId.get(a.id)));
  return states;
}

/** The block's state from its sums (undefined: no payment rows). */
export function stateOf(a: { fee: number; status: string }, sums: PaymentSums | undefined): AppointmentPaymentState {
  const received = sums?.received ?? 0;
  const net = received - (sums?.refunded ?? 0);
  if (received > 0 && net <= 0) return 'refunded';
  // A cancelled appointment owes nothing; money taken for it still shows (part paid / paid) until refunded.
  const owed = a.status === 'cancelled' ? 0 : a.fee;
  if (net > 0) return net >= owed ? 'paid' : 'part_paid';
  if (owed <= 0) return 'none';
  return sums?.waiting ? 'waiting' : 'unpaid';
}
