// "Outstanding" counts only visits that took place; fees of visits still to come are "Upcoming" — on the patient's
// page and in an appointment's panel alike, over a real SQLite file. (The patient list shows no Outstanding: its
// one money column is Total spend, list-extras.ts.)
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openPaymentsWorld, type PaymentsWorld } from './test-support';

let w: PaymentsWorld;
beforeEach(async () => {
  w = await openPaymentsWorld({ configure: false });
});
afterEach(async () => {
  await w.close();
});

const desk = () => w.clinic.admin;
const at = (iso: string) => Date.parse(iso);
const owed = async (appointmentId: number) => {
  const { outstanding, upcoming } = (await desk().must('payments.forAppointment', { appointmentId })).totals;
  return { outstanding, upcoming };
};
const patientOwes = async () => {
  const { outstanding, upcoming } = (await desk().must('payments.forPatient', { patientId: w.patientId })).totals;
  return { outstanding, upcoming };
};

it('owes a visit once it took place; a visit still to come is upcoming; cancelled and missed ones owe nothing', async () => {
  // The clock stands at Friday 20 November 2026, 09:00 (London = UTC in November).
  const past = w.book(4000, { startsAt: at('2026-11-18T10:00:00Z') }); // never marked arrived: still owed
  const laterToday = w.book(5000, { startsAt: at('2026-11-20T11:00:00Z') });
  const nextWeek = w.book(6000, { startsAt: at('2026-11-27T10:00:00Z') });
  const cancelled = w.book(9000, { startsAt: at('2026-11-19T10:00:00Z') });
  w.cancel(cancelled);
  const missed = w.book(2000, { startsAt: at('2026-11-19T11:00:00Z') });
  await desk().must('appointments.setStatus', { id: missed, status: 'no_show' });
  await desk().must('payments.recordManual', { appointmentId: past, kind: 'cash', amount: 1000, note: null });
  // Paid ahead for next week: that money must not hide what is owed for Wednesday's visit.
  await desk().must('payments.recordManual', { appointmentId: nextWeek, kind: 'card_terminal', amount: 6000, note: null });

  expect(await owed(past)).toEqual({ outstanding: 3000, upcoming: 0 });
  expect(await owed(laterToday)).toEqual({ outstanding: 0, upcoming: 5000 });
  expect(await owed(nextWeek)).toEqual({ outstanding: 0, upcoming: 0 });
  expect(await owed(cancelled)).toEqual({ outstanding: 0, upcoming: 0 });
  expect(await owed(missed)).toEqual({ outstanding: 0, upcoming: 0 });
  expect(await patientOwes()).toEqual({ outstanding: 3000, upcoming: 5000 });

  // The patient arrives early for today's visit: from then on its fee is owed.
  await desk().must('appointments.setStatus', { id: laterToday, status: 'arrived' });
  expect(await owed(laterToday)).toEqual({ outstanding: 5000, upcoming: 0 });
  expect(await patientOwes()).toEqual({ outstanding: 8000, upcoming: 0 });
});

it('a booked visit whose start has passed is owed even if nobody marked the arrival', async () => {
  const laterToday = w.book(5000, { startsAt: at('2026-11-20T11:00:00Z') });
  expect(await patientOwes()).toEqual({ outstanding: 0, upcoming: 5000 });
  w.advance(2 * 60 * 60_000); // 11:00
  await desk().must('auth.unlock', { password: 'correct horse battery' }); // the idle lock
  expect(await owed(laterToday)).toEqual({ outstanding: 5000, upcoming: 0 });
  expect(await patientOwes()).toEqual({ outstanding: 5000, upcoming: 0 });
});
