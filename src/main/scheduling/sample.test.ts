// The first-run sample schedule: three doctors with hours, three types and a week of appointments around now.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { queueNewLinks } from '../payments/link-queue';
import { CLINIC, createTestClinic, type TestClinic } from '../testing/test-core';

let clinic: TestClinic;
beforeEach(async () => {
  clinic = await createTestClinic({ setup: false });
  await clinic.admin.must('setup.complete', { clinic: CLINIC, admin: { username: 'admin', displayName: 'Ada Admin', password: 'correct horse battery' }, loadSampleData: true });
});
afterEach(() => clinic.close());

it('loads doctors, hours, types and a week of non-overlapping appointments', async () => {
  const doctors = await clinic.admin.must('providers.list', {});
  expect(doctors.map((d) => d.name)).toEqual(['Dr Amara Okafor (Sample)', 'Dr Ben Hughes (Sample)', 'Dr Chiara Rossi (Sample)']);
  expect(await clinic.admin.must('providers.hoursGet', { providerId: doctors[0]!.id })).toHaveLength(10);
  expect((await clinic.admin.must('appointmentTypes.list', {})).map((t) => t.name)).toEqual(['Consultation', 'Follow-up', 'Video visit']);

  const week = await clinic.admin.must('appointments.range', { from: '2026-11-13T00:00:00Z', to: '2026-11-28T00:00:00Z', includeCancelled: true });
  expect(week.appointments.length).toBeGreaterThan(50);
  expect(new Set(week.appointments.map((a) => a.status))).toEqual(new Set(['completed', 'no_show', 'cancelled', 'booked', 'confirmed']));
  const overlaps = clinic.core.db.$client
    .prepare(`SELECT COUNT(*) AS n FROM appointments x JOIN appointments y ON x.provider_id = y.provider_id AND x.id < y.id AND x.starts_at < y.ends_at AND y.starts_at < x.ends_at`)
    .get() as { n: number };
  expect(overlaps.n).toBe(0);
  const detail = await clinic.admin.must('appointments.get', { id: week.appointments[0]!.id });
  expect(detail.history).toHaveLength(1);
  // The sample schedule is bookable: the finder sees free time next week.
  expect(await clinic.admin.must('slots.find', { durationMinutes: 20, from: '2026-11-23T00:00:00Z', limit: 3 })).toHaveLength(3);
});

it('asks for no payment links for the made-up visits, and shows none being made; a real booking after it gets its link', async () => {
  const week = await clinic.admin.must('appointments.range', { from: '2026-11-13T00:00:00Z', to: '2026-11-28T00:00:00Z' });
  expect(week.appointments.some((a) => a.payment === 'waiting')).toBe(false);
  expect(queueNewLinks(clinic.core.db, clinic.clock.now.toISOString())).toBe(0);
  expect(clinic.core.db.$client.prepare('SELECT COUNT(*) FROM payments').pluck().get()).toBe(0);

  const [doctor] = await clinic.admin.must('providers.list', {});
  const [patient] = (await clinic.admin.must('patients.list', { limit: 1 })).rows;
  const [slot] = await clinic.admin.must('slots.find', { providerId: doctor!.id, durationMinutes: 20, from: '2026-11-23T00:00:00Z', limit: 1 });
  const booked = await clinic.admin.must('appointments.book', { patientId: patient!.id, providerId: doctor!.id, startsAt: slot!.startsAt, endsAt: slot!.endsAt });
  expect(queueNewLinks(clinic.core.db, clinic.clock.now.toISOString())).toBe(1);
  expect(clinic.core.db.$client.prepare(`SELECT appointment_id FROM payments WHERE status = 'pending_link'`).pluck().all()).toEqual([booked.appointment.id]);
});
