// The owner's view: money received per clinic-local day and doctor — gross, Stripe's fees, refunds, net.
import { and, eq, gte, inArray, lt, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { EarningsRow, earningsInput } from '../../shared/payments';
import { getClinic } from '../clinic/service';
import type { Db } from '../db/client';
import { appointments, payments, providers } from '../db/schema';

const DAY_MS = 86_400_000;

export function earnings(db: Db, range: z.output<typeof earningsInput>): EarningsRow[] {
  const { timeZone } = getClinic(db);
  const localDay = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  // A day either side covers every time-zone offset; the exact local day is decided per row below.
  const from = new Date(Date.parse(`${range.from}T00:00:00Z`) - DAY_MS).toISOString();
  const to = new Date(Date.parse(`${range.to}T00:00:00Z`) + 2 * DAY_MS).toISOString();
  const rows = db
    .select({ p: payments, providerId: appointments.providerId, providerName: providers.name })
    .from(payments)
    .innerJoin(appointments, eq(appointments.id, payments.appointmentId))
    .innerJoin(providers, eq(providers.id, appointments.providerId))
    .where(and(gte(payments.paidAt, from), lt(payments.paidAt, to), ne(payments.kind, 'refund'), inArray(payments.status, ['paid', 'partially_refunded', 'refunded'])))
    .all();
  const refunds = db
    .select({ p: payments, providerId: appointments.providerId, providerName: providers.name })
    .from(payments)
    .innerJoin(appointments, eq(appointments.id, payments.appointmentId))
    .innerJoin(providers, eq(providers.id, appointments.providerId))
    .where(and(gte(payments.paidAt, from), lt(payments.paidAt, to), eq(payments.kind, 'refund'), eq(payments.status, 'refunded')))
    .all();

  const out = new Map<string, EarningsRow>();
  const bucket = (paidAt: string, providerId: number, providerName: string, currency: string): EarningsRow | null => {
    const day = localDay.format(new Date(paidAt));
    if (day < range.from || day > range.to) return null;
    const key = `${day}|${providerId}|${currency}`;
    let row = out.get(key);
    if (!row) {
      row = { day, providerId, providerName, currency, gross: 0, stripeFees: 0, refunds: 0, net: 0, count: 0 };
      out.set(key, row);
    }
    return row;
  };
  for (const r of rows) {
    const b = r.p.paidAt ? bucket(r.p.paidAt, r.providerId, r.providerName, r.p.currency) : null;
    if (!b) continue;
    b.gross += r.p.amount;
    b.stripeFees += r.p.feeAmount ?? 0;
    b.count += 1;
  }
  for (const r of refunds) {
    const b = r.p.paidAt ? bucket(r.p.paidAt, r.providerId, r.providerName, r.p.currency) : null;
    if (b) b.refunds += r.p.amount;
  }
  const result = [...out.values()];
  for (const r of result) r.net = r.gross - r.stripeFees - r.refunds;
  return result.sort((a, b) => a.day.localeCompare(b.day) || (a.providerName ?? '').localeCompare(b.providerName ?? ''));
}
