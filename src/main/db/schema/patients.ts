// The patient register.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { staff } from './staff';

export const patients = sqliteTable(
  'patients',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Clinic-unique, human-readable medical record number, e.g. P-000042. */
    mrn: text('mrn').notNull().unique(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    /** lower(last first): one index serves the alphabetical list at any size. */
    sortName: text('sort_name').notNull(),
    dateOfBirth: text('date_of_birth').notNull(),
    sex: text('sex', { enum: ['female', 'male', 'other', 'unknown'] }).notNull(),
    phone: text('phone').notNull(),
    email: text('email'),
    addressLine: text('address_line'),
    city: text('city'),
    postalCode: text('postal_code'),
    emergencyContactName: text('emergency_contact_name'),
    emergencyContactPhone: text('emergency_contact_phone'),
    allergies: text('allergies'),
    medicalHistory: text('medical_history'),
    archivedAt: text('archived_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    createdBy: integer('created_by').references(() => staff.id),
    updatedBy: integer('updated_by').references(() => staff.id),
    /**
     * Start (epoch ms) of the patient's first appointment that was not cancelled or missed; NULL before any.
     * Kept by triggers on appointments (migration 0015) so the day book can badge "New patient" from the patient
     * row it already reads. Not part of the Patient answer.
     */
    firstVisitAt: integer('first_visit_at'),
  },
  (t) => [
    index('patients_sort_name').on(t.archivedAt, t.sortName),
    index('patients_created').on(t.archivedAt, t.createdAt),
    index('patients_dob').on(t.archivedAt, t.dateOfBirth),
    index('patients_phone').on(t.phone),
  ],
);
