// The day book's paid/unpaid state per appointment, over the fake Stripe server and real payment rows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paymentStatesOf } from './appointment-states';
import { openPaymentsWorld, type PaymentsWorld } from './test-support';

let w: PaymentsWorld;
beforeEach(async () => {
  w = await openPaymentsWorld();
});
afterEach(async () => {
  await w.close();
});

const desk = () => w.clinic.admin;
const facts = (id: number, fee: number, status = 'booked') => ({ id, fee, status });

describe('paymentStatesOf', () => {
  it('says unpaid, waiting, part paid, paid, refunded and none — in one read for many appointments', async () => {
    const free = w.book(0);
    const open = w.book(5000);
    const cash = w.book(5000);
    const paid = w.book(3000);
    const refunded = w.book(2000);
    await w.rt().runner.runDue();
    await desk().must('payments.recordManual', { appointmentId: cash, kind: 'cash', amount: 2000 });
    const link = (await desk().must('payments.forAppointment', { appointmentId: paid })).payments[0]!;
    w.stripe.markPaid([...w.stripe.links.values()].find((l) => l.url === link.linkUrl)!.id);
    await desk().must('payments.refresh', { appointmentId: paid });
    const insurance = await desk().must('payments.recordManual', { appointmentId: refunded, kind: 'insurance', amount: 2000 });
    await desk().must('payments.refund', { paymentId: insurance.id, reason: 'Claim withdrawn' });
    w.stripe.script({ kind: 'fail', status: 503 });
    const offline = w.book(4000);
    await w.rt().runner.runDue();

    const states = paymentStatesOf(w.rt().db, [
      facts(free, 0),
      facts(open, 5000),
      facts(cash, 5000),
      facts(paid, 3000),
      facts(refunded, 2000),
      facts(offline, 4000),
    ]);
    expect(Object.fromEntries(states)).toEqual({
      [free]: 'none',
      [open]: 'unpaid',
      [cash]: 'part_paid',
      [paid]: 'paid',
      [refunded]: 'refunded',
      [offline]: 'waiting',
    });
  });

  it('a cancelled appointment owes nothing; an empty list reads nothing', () => {
    const id = w.book(5000);
    w.cancel(id);
    expect(paymentStatesOf(w.rt().db, [facts(id, 5000, 'cancelled')]).get(id)).toBe('none');
    expect(paymentStatesOf(w.rt().db, []).size).toBe(0);
  });
});
