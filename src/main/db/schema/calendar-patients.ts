// The patient as a calendar block shows them — name, allergy alert, first visit — one narrow row per patient who has
// appointments, kept by triggers (custom migration). The week view reads ~1,100 of these; from the wide patients row
// the same three facts cost ~0.4 ms more (more columns to decode, the name joined on every read, sparser pages).
// No foreign key on purpose: like patient_activity it is derived, and the generic patient merge must not move it.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const calendarPatients = sqliteTable('calendar_patients', {
  patientId: integer('patient_id').primaryKey(),
  /** "First Last", as the block shows it. */
  name: text('name').notNull(),
  /** 1 when the patient has allergies recorded. */
  hasAllergies: integer('has_allergies').notNull(),
  /** patients.first_visit_at: the earliest start of an appointment not cancelled or missed. */
  firstVisitAt: integer('first_visit_at'),
});
