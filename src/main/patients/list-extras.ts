// The patient list's visit and money columns: last visit, total spend and "has an upcoming appointment",
// each a correlated lookup on an index (appointments_patient_start, payments_patient) for one patient row.
// The outer row is named in full ("patients"."id"): drizzle writes a bare "id" in a one-table select list,
// which inside these subqueries would mean the appointment's or payment's own id.
import { sql, type SQL } from 'drizzle-orm';

/** Start (epoch ms) of the latest past appointment that was not cancelled or missed. */
export const lastVisitMs = (now: Date): SQL<number | null> =>
  sql<number | null>`(SELECT max(a.starts_at) FROM appointments a WHERE a.patient_id = "patients"."id" AND a.starts_at < ${now.getTime()} AND a.status NOT IN ('cancelled', 'no_show'))`;

/** Net paid in the clinic's currency (minor units): payments taken minus refunds made — as the patient page counts it. */
export const totalSpend = (currency: string): SQL<number> =>
  sql<number>`(SELECT coalesce(sum(CASE
      WHEN p.kind != 'refund' AND p.status IN ('paid', 'partially_refunded', 'refunded') THEN p.amount
      WHEN p.kind = 'refund' AND p.status = 'refunded' THEN -p.amount
      ELSE 0 END), 0)
    FROM payments p WHERE p.patient_id = "patients"."id" AND p.currency = ${currency})`;

/** Every appointment of the patient except cancelled ones — one short index range per listed row. */
export const appointmentCount = (): SQL<number> =>
  sql<number>`(SELECT count(*) FROM appointments a WHERE a.patient_id = "patients"."id" AND a.status != 'cancelled')`;

/** Booked (not cancelled or missed) for now or later. */
export const hasUpcoming = (now: Date): SQL =>
  sql`EXISTS (SELECT 1 FROM appointments a WHERE a.patient_id = "patients"."id" AND a.starts_at >= ${now.getTime()} AND a.status NOT IN ('cancelled', 'no_show', 'completed'))`;
