// What a patient owes, the one rule behind every "Outstanding" and "Upcoming" figure: a visit's unpaid fee is
// owed once the visit took place; before that it is upcoming; a cancelled or missed visit owes nothing here.
import type { AppointmentStatus } from '../../shared/scheduling-appointments';

/** The visit is (or was) under way: the patient came, whatever the clock says. */
const HELD: readonly string[] = ['arrived', 'in_consultation', 'completed'] satisfies AppointmentStatus[];
/** No fee is owed for these: a cancellation costs nothing, and a no-show's visit never took place. */
const NOT_OWED: readonly string[] = ['cancelled', 'no_show'] satisfies AppointmentStatus[];

export type VisitTiming = 'held' | 'upcoming' | 'not_owed';

/**
 * A booked or confirmed visit whose start has passed counts as held: the desk may not have marked the arrival,
 * and the money is still owed for it. One that has not started yet is upcoming — even if paid in advance.
 */
export function visitTiming(a: { status: string; startsAt: number }, now: Date): VisitTiming {
  if (HELD.includes(a.status)) return 'held';
  if (NOT_OWED.includes(a.status)) return 'not_owed';
  return a.startsAt <= now.getTime() ? 'held' : 'upcoming';
}

export interface OwedVisit {
  id: number;
  fee: number;
  status: string;
  startsAt: number;
}

export interface Owed {
  /** Unpaid fees of visits that took place. */
  outstanding: number;
  /** Unpaid fees of visits still to come. */
  upcoming: number;
}

/**
 * Per visit, what is left of its fee after what was paid for that visit (net of refunds). Counted visit by visit:
 * money paid ahead for next week's visit must not hide last week's unpaid one, and an overpaid visit is a
 * refund to make, not a discount on another.
 */
export function owedFor(visits: readonly OwedVisit[], netPaidByVisit: ReadonlyMap<number, number>, now: Date): Owed {
  const owed: Owed = { outstanding: 0, upcoming: 0 };
  for (const v of visits) {
    const timing = visitTiming(v, now);
    if (timing === 'not_owed') continue;
    const left = Math.max(0, v.fee - (netPaidByVisit.get(v.id) ?? 0));
    if (timing === 'held') owed.outstanding += left;
    else owed.upcoming += left;
  }
  return owed;
}
