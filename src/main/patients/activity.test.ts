// patient_activity (last visit, total paid) stays equal to computing both from appointments and payments, through
// bookings, status changes, moves, deletes, payments, refunds, merges, a currency change and a moving clock.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { createTestClinic, type TestClinic } from '../testing/test-core';
import { bringLastVisitsTo } from './activity';

let clinic: TestClinic;
let sqlite: Database.Database;
const day = 86_400_000;
let ids: number[];

beforeEach(async () => {
  clinic = await createTestClinic();
  sqlite = clinic.core.db.$client;
  ids = [];
  for (const [i, name] of ['Ada', 'Bo', 'Cy'].entries()) {
    ids.push((await clinic.admin.must('patients.create', { firstName: name, lastName: 'Activity', dateOfBirth: '1980-01-01', sex: 'unknown', phone: `07911 20007${i}` })).id);
  }
  const now = clinic.clock.now.getTime();
  sqlite.prepare(`INSERT INTO providers (name, color, created_at, updated_at) VALUES ('Dr Act', '#123456', ?, ?)`).run(now, now);
});
afterEach(() => clinic.close());

const nowMs = () => clinic.clock.now.getTime();
function book(patient: number, offsetDays: number, status = 'booked'): number {
  const start = nowMs() + offsetDays * day;
  return Number(
    sqlite
      .prepare(
        `INSERT INTO appointments (patient_id, provider_id, mode, starts_at, ends_at, currency, status, created_at, updated_at) VALUES (?, 1, 'in_person', ?, ?, 'GBP', ?, ?, ?)`,
      )
      .run(patient, start, start + 900_000, status, nowMs(), nowMs()).lastInsertRowid,
  );
}
function pay(appointment: number, patient: number, kind: string, status: string, amount: number, currency = 'GBP', refundOf: number | null = null): number {
  const at = clinic.clock.now.toISOString();
  return Number(
    sqlite
      .prepare(`INSERT INTO payments (appointment_id, patient_id, kind, status, amount, currency, refund_of, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(appointment, patient, kind, status, amount, currency, refundOf, at, at).lastInsertRowid,
  );
}

/** What the table holds, once brought to now, against the same two values computed from scratch. */
function expectExact(): void {
  bringLastVisitsTo(sqlite, clinic.clock.now);
  const kept = sqlite.prepare('SELECT patient_id AS id, last_visit_ms AS lastVisit, total_paid AS paid FROM patient_activity ORDER BY patient_id').all();
  const computed = sqlite
    .prepare(
      `SELECT p.id,
        (SELECT max(a.starts_at) FROM appointments a WHERE a.patient_id = p.id AND a.starts_at < ? AND a.status NOT IN ('cancelled', 'no_show')) AS lastVisit,
        (SELECT coalesce(sum(CASE WHEN y.kind != 'refund' AND y.status IN ('paid', 'partially_refunded', 'refunded') THEN y.amount
           WHEN y.kind = 'refund' AND y.status = 'refunded' THEN -y.amount ELSE 0 END), 0)
         FROM payments y WHERE y.patient_id = p.id AND y.currency = (SELECT currency FROM clinic)) AS paid
       FROM patients p ORDER BY p.id`,
    )
    .all(nowMs());
  expect(kept).toEqual(computed);
}

it('follows every change to appointments, payments and the clinic currency, and the clock in both directions', async () => {
  const [ada, bo, cy] = ids as [number, number, number];
  expectExact();
  const adaPast = book(ada, -10, 'completed');
  book(ada, -2, 'no_show');
  const boSoon = book(bo, 1);
  book(cy, -30, 'cancelled');
  expectExact();
  sqlite.prepare("UPDATE appointments SET status = 'cancelled' WHERE id = ?").run(adaPast);
  expectExact();
  sqlite.prepare("UPDATE appointments SET status = 'completed', starts_at = starts_at - ?, ends_at = ends_at - ? WHERE id = ?").run(20 * day, 20 * day, adaPast);
  expectExact();
  clinic.clock.now = new Date(nowMs() + 2 * day); // Bo's booking has now begun: a visit
  expectExact();
  clinic.clock.now = new Date(nowMs() - 3 * day); // and back before it
  expectExact();
  sqlite.prepare('DELETE FROM appointments WHERE id = ?').run(adaPast);
  expectExact();

  const taken = pay(boSoon, bo, 'cash', 'paid', 9000);
  pay(boSoon, bo, 'stripe_link', 'link_ready', 5000);
  pay(boSoon, bo, 'cash', 'paid', 1000, 'EUR');
  expectExact();
  sqlite.prepare("UPDATE payments SET status = 'partially_refunded' WHERE id = ?").run(taken);
  pay(boSoon, bo, 'refund', 'refunded', 2000, 'GBP', taken);
  expectExact();
  sqlite.prepare("UPDATE clinic SET currency = 'EUR'").run();
  expectExact();
  sqlite.prepare("UPDATE clinic SET currency = 'GBP'").run();

  // A merge moves appointments and payments: both records' values follow.
  await clinic.admin.must('patients.merge', { keepId: cy, mergeId: bo });
  expectExact();
  expect(sqlite.prepare('SELECT total_paid FROM patient_activity WHERE patient_id = ?').pluck().get(cy)).toBe(7000);
});

it('writes nothing when no appointment began between the stored instant and now', () => {
  book(ids[0]!, 5);
  bringLastVisitsTo(sqlite, clinic.clock.now);
  const before = sqlite.prepare('SELECT as_of_ms FROM patient_activity_clock').pluck().get();
  clinic.clock.now = new Date(nowMs() + 60_000);
  bringLastVisitsTo(sqlite, clinic.clock.now);
  expect(sqlite.prepare('SELECT as_of_ms FROM patient_activity_clock').pluck().get()).toBe(before);
});

it('the list sorted by last visit reflects a booking that has since begun', async () => {
  const [ada, bo] = ids as [number, number, number];
  book(ada, -3, 'completed');
  book(bo, 2 / 1440); // in two minutes (the desk locks itself after five idle minutes)
  const order = async () => (await clinic.admin.must('patients.list', { sort: 'lastVisit', direction: 'desc' })).rows.map((r) => r.firstName);
  expect(await order()).toEqual(['Ada', 'Cy', 'Bo']); // never seen: last, newest record first
  clinic.clock.now = new Date(nowMs() + 3 * 60_000);
  expect(await order()).toEqual(['Bo', 'Ada', 'Cy']);
});
