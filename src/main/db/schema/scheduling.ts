// Doctors, their working time, appointment types, and the appointments themselves.
// Instants are INTEGER epoch milliseconds (UTC): range and overlap checks are plain integer comparisons on an index.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { APPOINTMENT_STATUSES } from '../../../shared/scheduling-appointments';
import { APPOINTMENT_MODES } from '../../../shared/scheduling';
import { patients } from './patients';
import { staff } from './staff';

/** The longest appointment allowed; the double-booking trigger relies on it to bound its index scan. */
export const MAX_APPOINTMENT_MS = 12 * 60 * 60 * 1000;


export const providers = sqliteTable(
  'providers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    specialization: text('specialization'),
    yearsOfExperience: integer('years_of_experience'),
    /** Minor units in the clinic's currency. */
    consultationFee: integer('consultation_fee').notNull().default(0),
    /** #rrggbb, the provider's column and blocks in the calendar. */
    color: text('color').notNull(),
    /** The doctor's own staff account, when they sign in to Anteroom. */
    staffId: integer('staff_id').references(() => staff.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('providers_staff').on(t.staffId), check('providers_fee_ok', sql`${t.consultationFee} >= 0`)],
);

/**
 * Weekly working hours and breaks, as local wall-clock minutes after midnight. A row applies on its weekday
 * in weeks where (week − anchor week) is a multiple of every_weeks, between effective_from and effective_until.
 */
export const workingHours = sqliteTable(
  'working_hours',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    providerId: integer('provider_id')
      .notNull()
      .references(() => providers.id),
    kind: text('kind', { enum: ['work', 'break'] }).notNull(),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: integer('weekday').notNull(),
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
    everyWeeks: integer('every_weeks').notNull().default(1),
    /** YYYY-MM-DD inside a week in which the pattern applies (matters when every_weeks > 1). */
    anchorDate: text('anchor_date').notNull(),
    effectiveFrom: text('effective_from'),
    effectiveUntil: text('effective_until'),
  },
  (t) => [
    index('working_hours_provider').on(t.providerId, t.weekday),
    check('working_hours_weekday_ok', sql`${t.weekday} BETWEEN 1 AND 7`),
    check('working_hours_minutes_ok', sql`${t.startMinute} >= 0 AND ${t.endMinute} <= 1440 AND ${t.startMinute} < ${t.endMinute}`),
    check('working_hours_every_ok', sql`${t.everyWeeks} BETWEEN 1 AND 12`),
  ],
);

/** Holidays and sick days of one provider, or (provider_id NULL) a closure of the whole clinic. */
export const timeOff = sqliteTable(
  'time_off',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    providerId: integer('provider_id').references(() => providers.id),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    reason: text('reason'),
    createdBy: integer('created_by').references(() => staff.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('time_off_provider').on(t.providerId, t.startsAt),
    index('time_off_ends').on(t.endsAt),
    check('time_off_order_ok', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

export const appointmentTypes = sqliteTable(
  'appointment_types',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    /** Minor units in the clinic's currency. */
    fee: integer('fee').notNull().default(0),
    mode: text('mode', { enum: APPOINTMENT_MODES }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [check('appointment_types_duration_ok', sql`${t.durationMinutes} BETWEEN 5 AND 720`), check('appointment_types_fee_ok', sql`${t.fee} >= 0`)],
);

/** A provider's own duration or fee for a type; NULL keeps the type's default. */
export const providerAppointmentTypes = sqliteTable(
  'provider_appointment_types',
  {
    providerId: integer('provider_id')
      .notNull()
      .references(() => providers.id),
    typeId: integer('type_id')
      .notNull()
      .references(() => appointmentTypes.id),
    durationMinutes: integer('duration_minutes'),
    fee: integer('fee'),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.typeId] })],
);

/** A recurring booking: every N weeks until a date or for a count. Occurrences are ordinary appointments. */
export const appointmentSeries = sqliteTable('appointment_series', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  patientId: integer('patient_id')
    .notNull()
    .references(() => patients.id),
  providerId: integer('provider_id')
    .notNull()
    .references(() => providers.id),
  everyWeeks: integer('every_weeks').notNull(),
  /** YYYY-MM-DD (clinic time zone), inclusive; or NULL when a count was given. */
  untilDate: text('until_date'),
  occurrences: integer('occurrences').notNull(),
  createdBy: integer('created_by').references(() => staff.id),
  createdAt: integer('created_at').notNull(),
});

export const appointments = sqliteTable(
  'appointments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    patientId: integer('patient_id')
      .notNull()
      .references(() => patients.id),
    providerId: integer('provider_id')
      .notNull()
      .references(() => providers.id),
    typeId: integer('type_id').references(() => appointmentTypes.id),
    mode: text('mode', { enum: APPOINTMENT_MODES }).notNull(),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    reason: text('reason'),
    notes: text('notes'),
    /** Minor units of `currency`. */
    fee: integer('fee').notNull().default(0),
    currency: text('currency').notNull(),
    status: text('status', { enum: APPOINTMENT_STATUSES }).notNull().default('booked'),
    arrivedAt: integer('arrived_at'),
    cancelledAt: integer('cancelled_at'),
    cancelledBy: integer('cancelled_by').references(() => staff.id),
    cancelReason: text('cancel_reason'),
    /** 1 = an administrator deliberately allowed this to overlap another appointment of the provider. */
    overrideDoubleBooking: integer('override_double_booking', { mode: 'boolean' }).notNull().default(false),
    overrideBy: integer('override_by').references(() => staff.id),
    seriesId: integer('series_id').references(() => appointmentSeries.id),
    /** 0-based position in the series, so "this and following" is a plain comparison. */
    seriesIndex: integer('series_index'),
    createdAt: integer('created_at').notNull(),
    createdBy: integer('created_by').references(() => staff.id),
    updatedAt: integer('updated_at').notNull(),
    updatedBy: integer('updated_by').references(() => staff.id),
    // What the day book shows of the patient, copied onto the appointment by triggers (custom migration 0024) so
    // the week view reads no second table: "First Last", 1 when allergies are recorded, and patients.first_visit_at.
    // NULL only on a row no trigger has filled yet; the calendar then reads the patient instead.
    patientName: text('patient_name'),
    patientAllergies: integer('patient_allergies'),
    patientFirstVisitAt: integer('patient_first_visit_at'),
    // What the appointment's payment rows add up to, kept by triggers on payments (custom migration 0026) — the
    // numbers its calendar block's paid / part paid / unpaid / waiting / refunded state follows from
    // (payments/appointment-states.ts). On the row itself, a booking's new payment link writes no page of another
    // table, and the week view joins nothing for it. Minor units: received (cash, card, insurance, a paid Stripe link —
    // also when later refunded) and refunded (refunds that went through); waiting: 1 while a Stripe link is being made.
    paymentsReceived: integer('payments_received').notNull().default(0),
    paymentsRefunded: integer('payments_refunded').notNull().default(0),
    paymentLinkWaiting: integer('payment_link_waiting').notNull().default(0),
  },
  (t) => [
    // Serves the calendar range, the free-slot finder and the bounded double-booking check.
    index('appointments_provider_start').on(t.providerId, t.startsAt),
    index('appointments_start').on(t.startsAt),
    // Only series members: a single booking (nearly all of them) then writes one index page less.
    index('appointments_series').on(t.seriesId, t.seriesIndex).where(sql`${t.seriesId} IS NOT NULL`),
    check('appointments_length_ok', sql`${t.endsAt} > ${t.startsAt} AND ${t.endsAt} - ${t.startsAt} <= 43200000`),
    check('appointments_fee_ok', sql`${t.fee} >= 0`),
    check(
      'appointments_status_ok',
      sql`${t.status} IN ('booked', 'confirmed', 'arrived', 'in_consultation', 'completed', 'cancelled', 'no_show')`,
    ),
    check('appointments_mode_ok', sql`${t.mode} IN ('in_person', 'video')`),
  ],
);

/** What changed on an appointment, by whom and when. `changes` holds times, status, fee and ids — never patient details. */
export const appointmentHistory = sqliteTable(
  'appointment_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    appointmentId: integer('appointment_id')
      .notNull()
      .references(() => appointments.id),
    at: integer('at').notNull(),
    by: integer('by').references(() => staff.id),
    action: text('action').notNull(),
    /** JSON: { field: [before, after] }. */
    changes: text('changes').notNull(),
  },
  (t) => [index('appointment_history_appointment').on(t.appointmentId, t.id)],
);
