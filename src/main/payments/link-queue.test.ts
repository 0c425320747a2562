// A new booking's link is planned and queued after its commit — over a real SQLite file and the Stripe stand-in.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { jobs, payments } from '../db/schema';
import { jobByKey } from '../jobs/queue';
import { linkJobKey, planPaymentLink } from './link-planner';
import { queueNewLinks } from './link-queue';
import { openPaymentsWorld, type PaymentsWorld } from './test-support';
import { paymentStatesOf } from './appointment-states';
import { appointmentPayments } from './view';

let w: PaymentsWorld;
beforeEach(async () => {
  w = await openPaymentsWorld();
});
afterEach(async () => {
  await w.close();
});

const linkCreates = () => w.stripe.requestsTo('POST', /^\/v1\/payment_links$/);
const jobRows = () => w.rt().db.select().from(jobs).all();
const at = () => w.clinic.clock.now.toISOString();

it('a booking commits only its appointment; the runner’s next look plans the link, queues its job and makes it', async () => {
  const id = w.book(5000, { asBooking: true });
  expect(appointmentPayments(w.rt().db, id, w.clinic.clock.now).payments).toEqual([]);
  expect(jobRows()).toEqual([]);

  await w.rt().runner.runDue();
  expect(jobByKey(w.rt().db, linkJobKey(id))).toMatchObject({ kind: 'payments.link', status: 'done', payload: JSON.stringify({ appointmentId: id }) });
  expect(linkCreates()).toHaveLength(1);
  expect(appointmentPayments(w.rt().db, id, w.clinic.clock.now).payments).toMatchObject([{ status: 'link_ready' }]);
});

it('queues each waiting appointment once, however often it looks', () => {
  const a = w.book(5000, { asBooking: true });
  const b = w.book(7000);
  w.book(0, { asBooking: true }); // free: no link, no job
  expect(queueNewLinks(w.rt().db, at())).toBe(2);
  expect(queueNewLinks(w.rt().db, at())).toBe(0);
  expect(jobRows().map((j) => j.key).sort()).toEqual([linkJobKey(a), linkJobKey(b)].sort());
});

it('a booking made just before the app closed gets its link after the next start', async () => {
  const id = w.book(5000, { asBooking: true });
  w.reopen(); // the runner never looked before closing
  expect(jobRows()).toEqual([]);
  await w.rt().runner.runDue();
  expect(linkCreates()).toHaveLength(1);
  expect(jobByKey(w.rt().db, linkJobKey(id))?.status).toBe('done');
});

it('"retry now" on a link nobody planned yet makes it at once', async () => {
  const id = w.book(5000, { asBooking: true });
  expect(await w.rt().runner.runNow(linkJobKey(id))).toBe(true);
  expect(linkCreates()).toHaveLength(1);
});

it('after the first job, a fee change re-queues that job inside the change’s own transaction, as before', async () => {
  const id = w.book(5000);
  await w.rt().runner.runDue();
  const first = jobByKey(w.rt().db, linkJobKey(id))!;
  w.setFee(id, 6000);
  expect(jobByKey(w.rt().db, linkJobKey(id))).toMatchObject({ status: 'queued', revision: first.revision + 1 });
  await w.rt().runner.runDue();
  expect(linkCreates()).toHaveLength(2);
  expect(jobRows()).toHaveLength(1);
});

it('a look with nothing waiting leaves the write lock alone: during a CSV import it neither fails nor waits', async () => {
  const id = w.book(5000);
  await w.rt().runner.runDue();
  // Stands in for the import's saving thread; the desk's connection does not wait while an import runs (csv-import.ts).
  const importer = new Database(w.rt().db.$client.name);
  w.rt().db.$client.pragma('busy_timeout = 0');
  importer.exec('BEGIN IMMEDIATE');
  try {
    expect(queueNewLinks(w.rt().db, at())).toBe(0);
  } finally {
    importer.exec('ROLLBACK');
    importer.close();
    w.rt().db.$client.pragma('busy_timeout = 5000');
  }
  expect(jobByKey(w.rt().db, linkJobKey(id))?.status).toBe('done');
});

it('a new booking writes no payment row; the runner’s next look plans it exactly as a change would have', async () => {
  const db = w.rt().db;
  const rowsFor = (id: number) =>
    db.select().from(payments).all().filter((p) => p.appointmentId === id).map(({ id: _id, appointmentId: _a, ...rest }) => rest);
  const planned = w.book(5000); // planned inside its own transaction, as every change is
  const booked = w.book(5000, { asBooking: true });
  const free = w.book(0, { asBooking: true });
  expect(rowsFor(booked)).toEqual([]);
  expect(queueNewLinks(db, at())).toBe(2);
  expect(rowsFor(booked)).toEqual(rowsFor(planned));
  expect(rowsFor(booked)).toMatchObject([{ kind: 'stripe_link', status: 'pending_link', amount: 5000, linkVersion: 1 }]);
  expect(rowsFor(free)).toEqual([]);
  // Planned once: the full planner, asked again, finds nothing to change, and the next look plans nothing.
  const before = { payments: db.select().from(payments).all(), jobs: jobRows() };
  db.$client.transaction(() => planPaymentLink(db, booked, at()))();
  expect(queueNewLinks(db, at())).toBe(0);
  expect({ payments: db.select().from(payments).all(), jobs: jobRows() }).toEqual(before);
});

it('a change made before the runner’s look plans the new booking then; the look changes nothing more', () => {
  const db = w.rt().db;
  const id = w.book(5000, { asBooking: true });
  w.setFee(id, 6500);
  expect(appointmentPayments(db, id, w.clinic.clock.now).payments).toMatchObject([{ status: 'pending_link', amount: 6500 }]);
  expect(queueNewLinks(db, at())).toBe(1);
  expect(appointmentPayments(db, id, w.clinic.clock.now).payments).toMatchObject([{ status: 'pending_link', amount: 6500 }]);
});

it('a file whose mark went missing asks for no links for what was already there, and the next booking still gets its link', () => {
  const db = w.rt().db;
  const sqlite = db.$client;
  // Written without planning, as the sample schedule is: made-up visits never ask Stripe for links.
  const sample = w.book(5000);
  sqlite.prepare(`DELETE FROM payments WHERE appointment_id = ?`).run(sample);
  sqlite.prepare(`UPDATE settings SET value = ? WHERE key = 'payments.links.plannedThrough'`).run(String(sample));
  expect(queueNewLinks(db, at())).toBe(0);
  sqlite.prepare(`DELETE FROM settings WHERE key = 'payments.links.plannedThrough'`).run();

  // Read as the day book reads it: nothing shows as a link being made…
  expect(paymentStatesOf(db, [{ id: sample, fee: 5000, status: 'booked' }]).get(sample)).toBe('unpaid');
  // …and the look plans nothing already there (before: every appointment in the file, from id 1).
  expect(queueNewLinks(db, at())).toBe(0);
  expect(appointmentPayments(db, sample, w.clinic.clock.now).payments).toEqual([]);

  const booked = w.book(5000, { asBooking: true });
  expect(paymentStatesOf(db, [{ id: booked, fee: 5000, status: 'booked' }]).get(booked)).toBe('waiting');
  expect(queueNewLinks(db, at())).toBe(1);
  expect(appointmentPayments(db, booked, w.clinic.clock.now).payments).toMatchObject([{ status: 'pending_link', amount: 5000 }]);
});
