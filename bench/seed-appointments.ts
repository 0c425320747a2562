// Fills a bench database with appointments the way a busy clinic accumulates them: ~10 doctors working
// Mon–Fri 08:00–18:00 (Europe/London wall clock), back-to-back visits of realistic lengths, never overlapping,
// for as many years as it takes to reach `count`, ending eight weeks after `now`. One prepared statement,
// one transaction; the no-double-booking trigger and foreign keys stay on, as in the app.
import type Database from 'better-sqlite3';
import { MARK_ALL_PLANNED_SQL } from '../src/main/payments/link-queue';
import { localDayOf, wallClockToInstant, weekdayOf } from '../src/main/scheduling/time';

const TZ = 'Europe/London';
const MINUTE = 60_000;
/** Visit lengths in minutes, weighted by how often they occur at a GP practice. */
const LENGTHS = [10, 10, 15, 15, 15, 20, 20, 20, 20, 30, 30, 40];
/** Minutes left free after a visit (running late, admin time). */
const GAPS = [0, 0, 0, 0, 5, 5, 10];

export interface SeededSchedule {
  appointments: number;
  providerIds: number[];
  typeId: number;
}

/** Adds doctors (with working hours) and `count` appointments; returns how many appointments were made. */
export function seedAppointments(sqlite: Database.Database, patientIds: number[], count: number, rng: () => number, now: Date, providers = 10): number {
  return seedSchedule(sqlite, patientIds, count, rng, now, providers).appointments;
}

export function seedSchedule(sqlite: Database.Database, patientIds: number[], count: number, rng: () => number, now: Date, providers = 10): SeededSchedule {
  const at = now.getTime();
  const insertProvider = sqlite.prepare(`INSERT INTO providers (name, specialization, consultation_fee, color, created_at, updated_at) VALUES (?, 'General practice', 5000, ?, ?, ?)`);
  const insertHours = sqlite.prepare(
    `INSERT INTO working_hours (provider_id, kind, weekday, start_minute, end_minute, every_weeks, anchor_date) VALUES (?, 'work', ?, 480, 1080, 1, '2026-01-05')`,
  );
  const insertType = sqlite.prepare(`INSERT INTO appointment_types (name, duration_minutes, fee, mode, created_at, updated_at) VALUES ('Consultation', 20, 5000, 'in_person', ?, ?)`);
  const insert = sqlite.prepare(
    `INSERT INTO appointments (patient_id, provider_id, type_id, mode, starts_at, ends_at, fee, currency, status, arrived_at, created_at, updated_at)
     VALUES (?, ?, ?, 'in_person', ?, ?, ?, 'GBP', ?, ?, ?, ?)`,
  );
  const perProvider = Math.ceil(count / providers);
  // ~26 visits per working day: walk back far enough that each doctor's diary ends about eight weeks ahead.
  const lastDay = localDayOf(TZ, at) + 56;
  const firstDay = lastDay - Math.ceil((perProvider / 26) * (7 / 5));
  let made = 0;
  let typeId = 0;
  const providerIds: number[] = [];
  // Bench-only: a large page cache while seeding, so the million-row transaction does not spill pages to the WAL
  // over and over. The app's own pragmas are restored before anything is measured.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -524288');
  sqlite.transaction(() => {
    typeId = Number(insertType.run(at, at).lastInsertRowid);
    for (let p = 0; p < providers; p++) {
      const id = Number(insertProvider.run(`Dr Bench ${p + 1}`, `#${(0x2a7ab0 + p * 0x101010).toString(16).slice(-6)}`, at, at).lastInsertRowid);
      for (let weekday = 1; weekday <= 5; weekday++) insertHours.run(id, weekday);
      providerIds.push(id);
    }
    for (const providerId of providerIds) {
      let n = 0;
      for (let day = firstDay; n < perProvider && made < count; day++) {
        if (weekdayOf(day) > 5) continue;
        // 08:00 local; within one working day the offset does not change, so minutes can be added.
        const opens = wallClockToInstant(TZ, day, 8 * 60);
        const closes = opens + 10 * 60 * MINUTE;
        for (let t = opens; n < perProvider && made < count; ) {
          const length = LENGTHS[Math.floor(rng() * LENGTHS.length)]! * MINUTE;
          if (t + length > closes) break;
          const past = t + length <= at;
          const roll = rng();
          const status = past ? (roll < 0.86 ? 'completed' : roll < 0.93 ? 'cancelled' : 'no_show') : roll < 0.6 ? 'booked' : roll < 0.95 ? 'confirmed' : 'cancelled';
          const patient = patientIds[Math.floor(rng() * patientIds.length)]!;
          insert.run(patient, providerId, typeId, t, t + length, 5000, status, status === 'completed' ? t - 5 * MINUTE : null, t - 14 * 86_400_000, t - 14 * 86_400_000);
          n++;
          made++;
          t += length + GAPS[Math.floor(rng() * GAPS.length)]! * MINUTE;
        }
      }
    }
    // Written straight into the file, not booked: no payment links for these (as in a clinic's file, whose old
    // visits were planned when booked). Without it the job runner's next look would plan all of them.
    sqlite.prepare(MARK_ALL_PLANNED_SQL).run(now.toISOString());
  })();
  sqlite.pragma(`cache_size = ${cacheSize}`);
  // As in a clinic's file that has been in use for a while: the WAL folded back into the database.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { appointments: made, providerIds, typeId };
}
