// The pinboard in the database: each desk user's pinned appointments, pinning and unpinning.
// A pin never changes the appointment — it stays booked at its old time until reschedule places it.
import { PINNABLE_STATUSES, type PinnedAppointment } from '../../shared/pinboard';
import { STATUS_LABELS, type AppointmentStatus } from '../../shared/scheduling-appointments';
import type { Db } from '../db/client';
import { conflict, notFound } from '../ipc/errors';
import { statement } from '../scheduling/statements';
import { toIso } from '../scheduling/time';

const PINNABLE_SQL = PINNABLE_STATUSES.map((s) => `'${s}'`).join(', ');

const CARD_SQL = `
  SELECT a.id AS appointmentId, a.patient_id AS patientId, p.first_name || ' ' || p.last_name AS patientName, p.mrn AS mrn,
         a.provider_id AS providerId, pr.name AS providerName, pr.color AS providerColor, t.name AS typeName, a.mode AS mode,
         a.status AS status, a.starts_at AS startsAt, a.ends_at AS endsAt, a.series_id AS seriesId, pin.pinned_at AS pinnedAt
  FROM pinned_appointments pin
  JOIN appointments a ON a.id = pin.appointment_id
  JOIN patients p ON p.id = a.patient_id
  JOIN providers pr ON pr.id = a.provider_id
  LEFT JOIN appointment_types t ON t.id = a.type_id`;

type CardRow = Omit<PinnedAppointment, 'startsAt' | 'endsAt' | 'pinnedAt'> & { startsAt: number; endsAt: number; pinnedAt: number };

const toCard = (r: CardRow): PinnedAppointment => ({ ...r, startsAt: toIso(r.startsAt), endsAt: toIso(r.endsAt), pinnedAt: toIso(r.pinnedAt) });

/**
 * Pins whose appointment can no longer move (cancelled, arrived, completed…) come off every board. The listener
 * does this as each change happens; this sweep also covers rows written before it existed or by hand.
 */
export function dropSettledPins(db: Db): void {
  // Correlated on the primary key: one lookup per pin, never a scan of a million appointments.
  statement(db, `DELETE FROM pinned_appointments WHERE (SELECT a.status FROM appointments a WHERE a.id = pinned_appointments.appointment_id) NOT IN (${PINNABLE_SQL})`).run();
}

/** The caller's pinboard, oldest pin first (the order they were lifted off the day book). */
export function listPins(db: Db, userId: number): PinnedAppointment[] {
  dropSettledPins(db);
  const rows = statement(db, `${CARD_SQL} WHERE pin.pinned_by = ? ORDER BY pin.pinned_at, pin.appointment_id`).all(userId) as CardRow[];
  return rows.map(toCard);
}

function pinnedCard(db: Db, appointmentId: number): PinnedAppointment {
  const row = statement(db, `${CARD_SQL} WHERE pin.appointment_id = ?`).get(appointmentId) as CardRow | undefined;
  if (!row) throw notFound('That pin');
  return toCard(row);
}

interface Holder {
  userId: number;
  /** By staff name (never patient data), so a second desk knows whom to ask. */
  name: string | null;
  /**
   * Still an active member of staff. A pin held by someone deactivated (or no longer on the staff list) would
   * otherwise block the appointment for good: nobody could take it over or clear it, so it counts as free.
   */
  active: boolean;
}

function holderOf(db: Db, appointmentId: number): Holder | null {
  const row = statement(
    db,
    'SELECT pin.pinned_by AS userId, s.display_name AS name, coalesce(s.active, 0) AS active FROM pinned_appointments pin LEFT JOIN staff s ON s.id = pin.pinned_by WHERE pin.appointment_id = ?',
  ).get(appointmentId) as { userId: number; name: string | null; active: number } | undefined;
  return row ? { userId: row.userId, name: row.name, active: row.active === 1 } : null;
}

/**
 * Pinning twice is harmless (the card stays where it was); an active colleague's pin is refused with their name.
 * A pin left by someone no longer active is taken over: it moves off their board onto the caller's.
 */
export function pinAppointment(db: Db, appointmentId: number, userId: number, now: Date): { card: PinnedAppointment; added: boolean } {
  const appt = statement(db, 'SELECT status FROM appointments WHERE id = ?').get(appointmentId) as { status: AppointmentStatus } | undefined;
  if (!appt) throw notFound('That appointment');
  if (!(PINNABLE_STATUSES as readonly string[]).includes(appt.status)) {
    throw conflict(`An appointment marked ${STATUS_LABELS[appt.status]} cannot be moved, so it cannot be pinned. Only booked or confirmed ones can.`);
  }
  const holder = holderOf(db, appointmentId);
  if (holder?.userId === userId) return { card: pinnedCard(db, appointmentId), added: false };
  if (holder?.active) throw conflict(`${holder.name} has already pinned this appointment to move it. Ask them (or an administrator) to place or unpin it.`);
  statement(
    db,
    'INSERT INTO pinned_appointments (appointment_id, pinned_by, pinned_at) VALUES (?, ?, ?) ON CONFLICT (appointment_id) DO UPDATE SET pinned_by = excluded.pinned_by, pinned_at = excluded.pinned_at',
  ).run(appointmentId, userId, now.getTime());
  return { card: pinnedCard(db, appointmentId), added: true };
}

/**
 * Puts the card back: the appointment simply stays where it always was. Unpinning what is not pinned is a no-op.
 * The holder may unpin; so may anyone once the holder is no longer active, and a manager (`mayUnpinAnyone`) always,
 * so a colleague's forgotten pin can be cleared without them.
 */
export function unpinAppointment(db: Db, appointmentId: number, userId: number, mayUnpinAnyone: boolean): boolean {
  const holder = holderOf(db, appointmentId);
  if (!holder) return false;
  if (holder.userId !== userId && holder.active && !mayUnpinAnyone) throw conflict(`${holder.name} pinned this appointment; only they or an administrator can unpin it.`);
  statement(db, 'DELETE FROM pinned_appointments WHERE appointment_id = ?').run(appointmentId);
  return true;
}

