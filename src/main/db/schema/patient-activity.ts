// Per patient, the two list columns the register sorts by that come from other tables — last visit and total paid —
// kept by triggers (custom migration) so "sort by last visit / total spend" walks an index instead of computing
// both for every patient. No foreign key on purpose: like the search side tables it is derived, and the generic
// patient merge (which follows foreign keys to patients) must not move its rows.
import { index, integer, sqliteTable } from 'drizzle-orm/sqlite-core';

export const patientActivity = sqliteTable(
  'patient_activity',
  {
    patientId: integer('patient_id').primaryKey(),
    /** Start (epoch ms) of the latest appointment not cancelled or missed that began before patient_activity_clock.as_of_ms. */
    lastVisitMs: integer('last_visit_ms'),
    /** Net paid in the clinic's currency (minor units): payments taken minus refunds made. */
    totalPaid: integer('total_paid').notNull().default(0),
  },
  (t) => [index('patient_activity_last_visit').on(t.lastVisitMs, t.patientId), index('patient_activity_total_paid').on(t.totalPaid, t.patientId)],
);

/** One row: the instant last_visit_ms is exact for; the list moves it to "now" before sorting by last visit. */
export const patientActivityClock = sqliteTable('patient_activity_clock', {
  id: integer('id').primaryKey(),
  asOfMs: integer('as_of_ms').notNull(),
});
