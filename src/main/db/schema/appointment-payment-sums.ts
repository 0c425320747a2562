// Per appointment, what its payment rows add up to — kept by triggers on payments (custom migration) so the
// calendar reads each block's payment state from one narrow row instead of every payment row of every block.
// No foreign key on purpose: like patient_activity it is derived, and a row only exists once a payment has.
import { integer, sqliteTable } from 'drizzle-orm/sqlite-core';

export const appointmentPaymentSums = sqliteTable('appointment_payment_sums', {
  appointmentId: integer('appointment_id').primaryKey(),
  /** Minor units taken (cash, card, insurance, a paid Stripe link — also when later refunded). */
  received: integer('received').notNull().default(0),
  /** Minor units given back by refunds that went through. */
  refunded: integer('refunded').notNull().default(0),
  /** 1 while a Stripe link is still being made for the appointment. */
  waiting: integer('waiting').notNull().default(0),
});
