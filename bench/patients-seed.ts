// Fills a bench database: 100,000 patients straight into the register (the search triggers run for each),
// then a million appointments (the scheduling engineer's seeder when present), when the scheduling tables exist.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { MARK_ALL_PLANNED_SQL } from '../src/main/payments/link-queue';
import { formatMrn, sortNameOf } from '../src/main/patients/service';
import type { BenchPatient, Rng } from './patients-data';

export function seedPatients(sqlite: Database.Database, people: BenchPatient[], now: Date): number[] {
  const insert = sqlite.prepare(
    `INSERT INTO patients (mrn, first_name, last_name, sort_name, date_of_birth, sex, phone, email, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ids: number[] = [];
  const fiveYears = 5 * 365 * 86_400_000;
  sqlite.transaction(() => {
    people.forEach((p, i) => {
      const created = new Date(now.getTime() - fiveYears + (i / people.length) * fiveYears).toISOString();
      const r = insert.run(formatMrn(i + 1), p.firstName, p.lastName, sortNameOf(p), p.dateOfBirth, p.sex, p.phone, p.email, created, created);
      ids.push(Number(r.lastInsertRowid));
    });
    sqlite.prepare(`INSERT INTO sequences (name, value) VALUES ('mrn', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value`).run(people.length);
  })();
  return ids;
}

/** Archives about one patient in fifty, as years of a real register would. */
export function archiveSome(sqlite: Database.Database, ids: number[], rng: Rng, now: Date): number {
  const archive = sqlite.prepare('UPDATE patients SET archived_at = ? WHERE id = ?');
  let n = 0;
  sqlite.transaction(() => {
    for (const id of ids) if (rng() < 0.02 && archive.run(now.toISOString(), id).changes) n++;
  })();
  return n;
}

/** The scheduling engineer's seeder when present (realistic visit lengths and working hours), else ours. */
export async function seedBenchAppointments(sqlite: Database.Database, ids: number[], count: number, rng: Rng, now: Date): Promise<{ made: number; by: string }> {
  const theirs = join(__dirname, 'seed-appointments.ts');
  if (existsSync(theirs)) {
    const mod: unknown = await import(theirs);
    const seed = (mod as { seedAppointments?: unknown }).seedAppointments;
    if (typeof seed === 'function') {
      const made: unknown = seed(sqlite, ids, count, rng, now);
      if (typeof made === 'number') return { made, by: 'bench/seed-appointments.ts' };
    }
  }
  return { made: seedAppointments(sqlite, ids, count, rng, now), by: 'bench/patients-seed.ts' };
}

const SLOT_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

/** Weekday slots 09:00–17:00 UTC per doctor, walking forward until `count` appointments exist; ~20% lie ahead of now. */
export function seedAppointments(sqlite: Database.Database, patientIds: number[], count: number, rng: Rng, now: Date): number {
  const providers = 40;
  const insertProvider = sqlite.prepare(`INSERT INTO providers (name, color, consultation_fee, created_at, updated_at) VALUES (?, '#3366aa', 5000, ?, ?)`);
  const insert = sqlite.prepare(
    `INSERT INTO appointments (patient_id, provider_id, mode, starts_at, ends_at, fee, currency, status, created_at, updated_at)
     VALUES (?, ?, 'in_person', ?, ?, 5000, 'GBP', ?, ?, ?)`,
  );
  const perProvider = Math.ceil(count / providers);
  const slotsPerDay = 32;
  const days = Math.ceil((perProvider / slotsPerDay) * 1.4); // weekends skipped
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const firstDay = today - Math.floor(days * 0.8) * DAY_MS;
  let made = 0;
  sqlite.transaction(() => {
    const t = now.getTime();
    const providerIds = Array.from({ length: providers }, (_, i) => Number(insertProvider.run(`Dr Bench ${i + 1}`, t, t).lastInsertRowid));
    for (const providerId of providerIds) {
      let n = 0;
      for (let day = firstDay; n < perProvider && made < count; day += DAY_MS) {
        const weekday = new Date(day).getUTCDay();
        if (weekday === 0 || weekday === 6) continue;
        for (let s = 0; s < slotsPerDay && n < perProvider && made < count; s++) {
          const start = day + 9 * 3_600_000 + s * SLOT_MS;
          const past = start < t;
          const roll = rng();
          const status = past ? (roll < 0.85 ? 'completed' : roll < 0.93 ? 'cancelled' : 'no_show') : roll < 0.9 ? 'booked' : 'cancelled';
          const patient = patientIds[Math.floor(rng() * patientIds.length)]!;
          insert.run(patient, providerId, start, start + SLOT_MS, status, start - 7 * DAY_MS, start - 7 * DAY_MS);
          n++;
          made++;
        }
      }
    }
    // Written straight into the file, not booked: no payment links for these (bench/seed-appointments.ts says why).
    sqlite.prepare(MARK_ALL_PLANNED_SQL).run(now.toISOString());
  })();
  return made;
}
