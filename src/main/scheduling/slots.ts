// The free-slot finder: the next bookable times for one provider or anyone, for a type's duration.
import type { z } from 'zod';
import type { FreeSlot, slotsFindInput } from '../../shared/scheduling-appointments';
import type { Db } from '../db/client';
import { MAX_APPOINTMENT_MS } from '../db/schema';
import { invalidField } from '../ipc/errors';
import { subtractIntervals, slotsIn, workingIntervals, type HoursRule, type Interval } from './availability';
import { typeForProvider } from './appointment-types';
import { findProviderRow, getHoursRows } from './providers';
import { activeProviderRows } from './rows';
import { statement } from './statements';
import { DAY, toIso } from './time';

/** Appointments holding time and time off (own or clinic-wide) overlapping [from, to), as intervals. */
export function busyIntervals(db: Db, providerId: number, from: number, to: number): Interval[] {
  const rows = statement(
    db,
    `SELECT starts_at AS s, ends_at AS e FROM appointments
       WHERE provider_id = ? AND starts_at > ? AND starts_at < ? AND ends_at > ? AND status NOT IN ('cancelled', 'no_show')
       UNION ALL
       SELECT starts_at, ends_at FROM time_off
       WHERE (provider_id = ? OR provider_id IS NULL) AND starts_at < ? AND ends_at > ?`,
  )
    .raw()
    .all(providerId, from - MAX_APPOINTMENT_MS, to, from, providerId, to, from) as [number, number][];
  return rows;
}

/** Free time of one provider in [from, to): working intervals minus busy ones. */
export function freeIntervals(db: Db, providerId: number, rules: HoursRule[], tz: string, from: number, to: number): Interval[] {
  const work = workingIntervals(rules, tz, from, to);
  if (work.length === 0) return [];
  return subtractIntervals(work, busyIntervals(db, providerId, from, to));
}

export function findFreeSlots(db: Db, q: z.output<typeof slotsFindInput>, tz: string): FreeSlot[] {
  const from = Date.parse(q.from);
  const until = q.until === undefined ? from + 28 * DAY : Date.parse(q.until);
  const candidates = q.providerId === undefined ? activeProviderRows(db) : [findProviderRow(db, q.providerId)];
  if (q.providerId !== undefined && !candidates[0]?.active) throw invalidField('providerId', 'That doctor no longer takes appointments.');
  const all: FreeSlot[] = [];
  for (const p of candidates) {
    const minutes = q.typeId !== undefined ? typeForProvider(db, q.typeId, p.id).durationMinutes : (q.durationMinutes ?? 0);
    const rules = getHoursRows(db, p.id);
    // Week by week so "first available" stops early instead of computing the whole horizon.
    for (let start = from; start < until && countFor(all, p.id) < q.limit; start += 7 * DAY) {
      const end = Math.min(start + 7 * DAY, until);
      const free = freeIntervals(db, p.id, rules, tz, start, end);
      const room = q.limit - countFor(all, p.id);
      for (const [s, e] of slotsIn(free, minutes * 60_000, room)) all.push({ providerId: p.id, providerName: p.name, startsAt: toIso(s), endsAt: toIso(e) });
    }
  }
  // ISO UTC strings of equal length sort in time order.
  all.sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.providerName.localeCompare(b.providerName)));
  return all.slice(0, q.limit);
}

const countFor = (slots: FreeSlot[], providerId: number) => slots.reduce((n, s) => n + (s.providerId === providerId ? 1 : 0), 0);
