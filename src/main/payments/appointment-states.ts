// Paid / unpaid per appointment, computed from its payment rows: the rule the calendar's blocks follow. The calendar
// reads the same sums from the appointment row (payments_received / payments_refunded / payment_link_waiting, kept by
// triggers, migration 0026) with the same rule in SQL (scheduling/queries.ts).
import type { AppointmentPaymentState } from '../../shared/payments';
import { sqlAll, type SqlTx } from '../jobs/fast-sql';
import { plannedThrough } from './link-queue';

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
 * `appointments`: id, fee and status of each. One grouped read over payments for all of them — ids go in as one
 * JSON parameter, so many appointments are still a single cached statement. The appointment rows' payment totals must
 * always equal these sums (appointment-payment-sums.test.ts drives every payment path against this).
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
  // A missing mark (NULL in the day book's SQL) counts nothing as waiting, as the week view does.
  const planned = plannedThrough(tx);
  for (const a of appointments) states.set(a.id, stateOf(a, byId.get(a.id), planned !== null && a.id > planned));
  return states;
}

/**
 * The block's state from its sums (undefined: no payment rows). `unplanned`: booked since the runner last looked, so
 * its link is about to be planned (link-queue.ts) and shows as being made.
 */
export function stateOf(a: { fee: number; status: string }, sums: PaymentSums | undefined, unplanned = false): AppointmentPaymentState {
  const received = sums?.received ?? 0;
  const net = received - (sums?.refunded ?? 0);
  if (received > 0 && net <= 0) return 'refunded';
  // A cancelled appointment owes nothing; money taken for it still shows (part paid / paid) until refunded.
  const owed = a.status === 'cancelled' ? 0 : a.fee;
  if (net > 0) return net >= owed ? 'paid' : 'part_paid';
  if (owed <= 0) return 'none';
  return sums?.waiting || unplanned ? 'waiting' : 'unpaid';
}
