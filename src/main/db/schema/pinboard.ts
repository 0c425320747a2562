// The desk's pinboard: appointments lifted off their slot to be placed on another day. Each stays booked at its
// old time until placed, so a pin is only a marker — losing one loses nothing, and it survives a restart.
import { index, integer, sqliteTable } from 'drizzle-orm/sqlite-core';
import { appointments } from './scheduling';
import { staff } from './staff';

export const pinnedAppointments = sqliteTable(
  'pinned_appointments',
  {
    /** One pin per appointment: two desks cannot both be moving it. */
    appointmentId: integer('appointment_id')
      .primaryKey()
      .references(() => appointments.id),
    /** Whose pinboard it sits on: each desk user sees their own. */
    pinnedBy: integer('pinned_by')
      .notNull()
      .references(() => staff.id),
    /** Epoch milliseconds. */
    pinnedAt: integer('pinned_at').notNull(),
  },
  (t) => [index('pinned_appointments_by').on(t.pinnedBy, t.pinnedAt)],
);
