// Links follow the real scheduling channels: book, change the fee, cancel, undo — one transaction each, Stripe after.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FakeStripe } from '../../../tests/fakes/stripe-server';
import { setUpScheduling, type SchedulingFixture } from '../scheduling/test-fixture';
import { aesGcmStore } from '../secrets/aes-gcm-store';
import { createTestClinic, type TestClinic } from '../testing/test-core';
import { paymentsOf } from './runtime';
import { TEST_KEY, TEST_TIMEOUT_MS } from './test-support';

let clinic: TestClinic;
let stripe: FakeStripe;
let f: SchedulingFixture;
beforeEach(async () => {
  clinic = await createTestClinic();
  stripe = await new FakeStripe().start();
  const rt = paymentsOf(clinic.core.db);
  rt.secrets = aesGcmStore(Buffer.alloc(32, 3));
  rt.stripeTimeoutMs = TEST_TIMEOUT_MS;
  await clinic.admin.must('payments.settingsSave', { secretKey: TEST_KEY, apiBase: stripe.apiBase });
  stripe.forgetRequests();
  f = await setUpScheduling(clinic);
});
afterEach(async () => {
  await paymentsOf(clinic.core.db).runner.stop();
  clinic.close();
  await stripe.stop();
});

const runQueue = () => paymentsOf(clinic.core.db).runner.runDue();
const rowsOf = async (appointmentId: number) =>
  (await clinic.admin.must('payments.forAppointment', { appointmentId })).payments.map((p) => [p.kind, p.status, p.amount]);

it('a booking’s link follows its commit; fee change, cancel and undo keep Stripe in step', async () => {
  const booked = await clinic.admin.must('appointments.book', {
    patientId: f.patientId,
    providerId: f.providerId,
    typeId: f.typeId,
    startsAt: '2026-11-23T09:00:00Z',
    reason: 'Asthma review',
  });
  const id = booked.appointment.id;
  // The booking's transaction carries only the appointment; the day book already shows the link as being made.
  expect(await rowsOf(id)).toEqual([]);
  const block = async () => (await clinic.admin.must('appointments.range', { from: '2026-11-23T00:00:00Z', to: '2026-11-24T00:00:00Z' })).appointments.find((a) => a.id === id);
  expect((await block())?.payment).toBe('waiting');
  expect(stripe.requests).toHaveLength(0); // nothing on the network inside the booking

  await runQueue();
  expect(await rowsOf(id)).toEqual([['stripe_link', 'link_ready', booked.appointment.fee]]);

  await clinic.admin.must('appointments.update', { id, fee: 4500 });
  await runQueue();
  expect(await rowsOf(id)).toEqual([
    ['stripe_link', 'void', booked.appointment.fee],
    ['stripe_link', 'link_ready', 4500],
  ]);

  const cancelled = await clinic.admin.must('appointments.cancel', { id, reason: 'Patient called' });
  await runQueue();
  expect([...stripe.links.values()].every((l) => !l.active)).toBe(true);

  await clinic.admin.must('appointments.undo', { entries: cancelled.undo });
  await runQueue();
  expect((await rowsOf(id)).at(-1)).toEqual(['stripe_link', 'link_ready', 4500]);
  expect(stripe.links.size).toBe(3);
  expect(JSON.stringify(stripe.requests.map((r) => r.body))).not.toMatch(/Asthma|Garc|Mar[ií]a/);
});

it('status steps leave the link alone, and a free appointment gets none', async () => {
  const booked = await clinic.admin.must('appointments.book', { patientId: f.patientId, providerId: f.providerId, startsAt: '2026-11-23T10:00:00Z', endsAt: '2026-11-23T10:20:00Z', fee: 0 });
  await clinic.admin.must('appointments.setStatus', { id: booked.appointment.id, status: 'arrived' });
  await runQueue();
  expect(await rowsOf(booked.appointment.id)).toEqual([]);
  expect(stripe.requests).toHaveLength(0);
});
