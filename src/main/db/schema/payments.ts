// Payments — with patients and appointments, the third core record: Stripe links, manual payments and refunds.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { patients } from './patients';
import { appointments } from './scheduling';
import { staff } from './staff';

export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    appointmentId: integer('appointment_id')
      .notNull()
      .references(() => appointments.id),
    patientId: integer('patient_id')
      .notNull()
      .references(() => patients.id),
    kind: text('kind', { enum: ['stripe_link', 'cash', 'card_terminal', 'insurance', 'refund'] }).notNull(),
    status: text('status', {
      enum: ['pending_link', 'link_ready', 'paid', 'partially_refunded', 'refunded', 'void', 'refund_pending', 'failed'],
    }).notNull(),
    /** Integer minor units of `currency`; refunds are positive amounts too. */
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    /** Stripe links: bumped each time an appointment's link is replaced, so idempotency keys never collide. */
    linkVersion: integer('link_version'),
    stripeLinkId: text('stripe_link_id'),
    stripeLinkUrl: text('stripe_link_url'),
    /** A voided link still open on Stripe: the queue deactivates it, then clears this. */
    stripeLinkActive: integer('stripe_link_active', { mode: 'boolean' }).notNull().default(false),
    stripeCheckoutSessionId: text('stripe_checkout_session_id'),
    stripePaymentIntentId: text('stripe_payment_intent_id'),
    stripeRefundId: text('stripe_refund_id'),
    /**
     * The Stripe account (acct_…) the link, payment or refund was made on: a key of another account gets 404 for it,
     * so it is only asked about while that account's key is saved. Null: made before this was kept, or while the
     * saved key's account was not known (then the saved key's account is assumed).
     */
    stripeAccountId: text('stripe_account_id'),
    /** Stripe's processing fee and the net the clinic receives. */
    feeAmount: integer('fee_amount'),
    netAmount: integer('net_amount'),
    paidAt: text('paid_at'),
    /** R-000001: taken from the sequences table when money is received. */
    receiptNumber: text('receipt_number'),
    refundOf: integer('refund_of').references((): AnySQLiteColumn => payments.id),
    note: text('note'),
    lastCheckedAt: text('last_checked_at'),
    createdBy: integer('created_by').references(() => staff.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('payments_appointment').on(t.appointmentId),
    index('payments_patient').on(t.patientId, t.createdAt),
    index('payments_status').on(t.status),
    // Partial: a Stripe link made at booking has no paid date, receipt or refund yet, so the booking's commit
    // writes no page of these three (migration 0019); every lookup names a value, which implies NOT NULL.
    index('payments_paid_at').on(t.paidAt).where(sql`${t.paidAt} IS NOT NULL`),
    index('payments_refund_of').on(t.refundOf).where(sql`${t.refundOf} IS NOT NULL`),
    uniqueIndex('payments_receipt_number_unique').on(t.receiptNumber).where(sql`${t.receiptNumber} IS NOT NULL`),
    check('payments_amount_ok', sql`${t.amount} > 0`),
    check('payments_refund_linked', sql`(${t.kind} = 'refund') = (${t.refundOf} IS NOT NULL)`),
  ],
);
