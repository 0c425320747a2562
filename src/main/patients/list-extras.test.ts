// The patient list by last visit and total spend, and "has an upcoming appointment", over a real migrated file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClinic, type TestClinic } from '../testing/test-core';

let clinic: TestClinic;
let ids: Record<'never' | 'old' | 'recent' | 'future', number>;
const day = 86_400_000;

const person = (firstName: string, phone: string) => ({ firstName, lastName: 'Listtest', dateOfBirth: '1980-01-01', sex: 'unknown' as const, phone });

beforeAll(async () => {
  clinic = await createTestClinic();
  const make = async (name: string, phone: string) => (await clinic.admin.must('patients.create', person(name, phone))).id;
  ids = { never: await make('Never', '07911 200011'), old: await make('Old', '07911 200012'), recent: await make('Recent', '07911 200013'), future: await make('Future', '07911 200014') };
  const db = clinic.core.db.$client;
  const now = clinic.clock.now.getTime();
  const at = new Date(now).toISOString();
  db.prepare(`INSERT INTO providers (name, color, created_at, updated_at) VALUES ('Dr List', '#123456', ?, ?)`).run(now, now);
  const add = db.prepare(
    `INSERT INTO appointments (patient_id, provider_id, mode, starts_at, ends_at, currency, status, created_at, updated_at)
     VALUES (?, 1, 'in_person', ?, ?, 'GBP', ?, ?, ?)`,
  );
  const visit = (patient: number, offsetDays: number, status: string) => Number(add.run(patient, now + offsetDays * day, now + offsetDays * day + 900_000, status, now, now).lastInsertRowid);
  const oldVisit = visit(ids.old, -300, 'completed');
  const recentVisit = visit(ids.recent, -3, 'completed');
  visit(ids.recent, -1, 'no_show'); // a missed appointment is not a visit
  visit(ids.future, 5, 'booked');
  visit(ids.never, 6, 'cancelled'); // a cancelled booking is not upcoming
  const pay = db.prepare(
    `INSERT INTO payments (appointment_id, patient_id, kind, status, amount, currency, refund_of, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'GBP', ?, ?, ?)`,
  );
  const paid = Number(pay.run(oldVisit, ids.old, 'cash', 'partially_refunded', 9000, null, at, at).lastInsertRowid);
  pay.run(oldVisit, ids.old, 'refund', 'refunded', 2000, paid, at, at); // net 70.00
  pay.run(recentVisit, ids.recent, 'cash', 'paid', 5000, null, at, at); // 50.00
  pay.run(recentVisit, ids.recent, 'stripe_link', 'link_ready', 5000, null, at, at); // not paid yet
});
afterAll(() => clinic.close());

const names = (rows: { firstName: string }[]) => rows.map((r) => r.firstName);

describe('patients.list by visits and money', () => {
  it('sorts by last visit (never-seen patients last when newest first) and shows it', async () => {
    const page = await clinic.admin.must('patients.list', { sort: 'lastVisit', direction: 'desc' });
    expect(names(page.rows)).toEqual(['Recent', 'Old', 'Future', 'Never']);
    expect(page.rows[0]!.lastVisitAt).toBe(new Date(clinic.clock.now.getTime() - 3 * day).toISOString());
    expect(page.rows[3]!.lastVisitAt).toBeNull();
  });

  it("counts each patient's appointments, leaving out cancelled ones", async () => {
    const page = await clinic.admin.must('patients.list', { sort: 'lastVisit', direction: 'desc' });
    const count = (name: string) => page.rows.find((r) => r.firstName === name)!.appointmentCount;
    expect(count('Recent')).toBe(2); // a completed visit and a no-show
    expect(count('Never')).toBe(0); // only a cancelled booking
    expect(count('Future')).toBe(1);
  });

  it('sorts by total spend: payments taken minus refunds, links not yet paid excluded', async () => {
    const page = await clinic.admin.must('patients.list', { sort: 'totalSpend', direction: 'desc' });
    expect(names(page.rows).slice(0, 2)).toEqual(['Old', 'Recent']);
    expect(page.rows.slice(0, 2).map((r) => r.totalSpend)).toEqual([7000, 5000]);
  });

  it('filters to patients with an upcoming appointment (not cancelled)', async () => {
    const page = await clinic.admin.must('patients.list', { upcoming: true });
    expect(names(page.rows)).toEqual(['Future']);
    expect(page.total).toBe(1);
  });

  it('keeps money from staff who may not see payments', async () => {
    const doctor = await clinic.signedIn('doctor');
    const page = await doctor.must('patients.list', { sort: 'lastVisit' });
    expect(page.rows.every((r) => r.totalSpend === null)).toBe(true);
    const refused = await doctor.call('patients.list', { sort: 'totalSpend' });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
  });
});
