// Payments taken outside Stripe — cash, card terminal, insurance — recorded with a receipt number.
import type { z } from 'zod';
import type { Payment, recordManualInput } from '../../shared/payments';
import { nextInSequence } from '../clinic/sequence';
import type { Db } from '../db/client';
import { payments } from '../db/schema';
import { notFound } from '../ipc/errors';
import { planPaymentLink } from './link-planner';
import { appointmentFacts } from './records';
import { formatReceiptNumber } from './stripe-paid';
import { toPayment } from './view';

/** Runs in the caller's transaction (the dispatcher's, with its audit entry). */
export function recordManualPayment(db: Db, input: z.output<typeof recordManualInput>, by: number, now: Date): Payment {
  const appt = appointmentFacts(db, input.appointmentId);
  if (!appt) throw notFound('That appointment');
  const at = now.toISOString();
  const row = db
    .insert(payments)
    .values({
      appointmentId: appt.id,
      patientId: appt.patientId,
      kind: input.kind,
      status: 'paid',
      amount: input.amount,
      currency: appt.currency,
      paidAt: at,
      receiptNumber: formatReceiptNumber(nextInSequence(db, 'receipt')),
      note: input.note,
      createdBy: by,
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  // Paid at the desk: the Stripe link for the full fee is withdrawn so the patient cannot pay twice.
  planPaymentLink(db, appt.id, at);
  return toPayment(db, row);
}
