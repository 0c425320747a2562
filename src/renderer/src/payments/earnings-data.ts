// Shapes the earnings rows (per day × doctor) into what the owner reads: totals, by doctor, by day; and the date ranges.
import type { EarningsRow } from '../../../shared/payments';

export interface Sums {
  gross: number;
  stripeFees: number;
  refunds: number;
  net: number;
  count: number;
}

const zero = (): Sums => ({ gross: 0, stripeFees: 0, refunds: 0, net: 0, count: 0 });
const add = (s: Sums, r: Sums) => {
  s.gross += r.gross;
  s.stripeFees += r.stripeFees;
  s.refunds += r.refunds;
  s.net += r.net;
  s.count += r.count;
};

export interface Earnings {
  total: Sums;
  byProvider: (Sums & { name: string })[];
  /** Every day of the range, empty days included, so the chart's gaps are real. */
  byDay: (Sums & { day: string })[];
  /** Rows in another currency than the clinic's (left out of the sums). */
  otherCurrencies: string[];
}

export function summarise(rows: readonly EarningsRow[], currency: string, from: string, to: string): Earnings {
  const total = zero();
  const providers = new Map<string, Sums & { name: string }>();
  const days = new Map<string, Sums & { day: string }>(daysBetween(from, to).map((day) => [day, { ...zero(), day }]));
  const others = new Set<string>();
  for (const r of rows) {
    if (r.currency !== currency) {
      others.add(r.currency);
      continue;
    }
    add(total, r);
    const name = r.providerName ?? 'No doctor';
    const p = providers.get(name) ?? { ...zero(), name };
    add(p, r);
    providers.set(name, p);
    const d = days.get(r.day);
    if (d) add(d, r);
  }
  return {
    total,
    byProvider: [...providers.values()].sort((a, b) => b.net - a.net || a.name.localeCompare(b.name)),
    byDay: [...days.values()],
    otherCurrencies: [...others],
  };
}

const DAY_MS = 86_400_000;
const parse = (d: string) => Date.parse(`${d}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = parse(from); t <= parse(to) && out.length < 400; t += DAY_MS) out.push(iso(t));
  return out;
}

export type RangePreset = 'week' | 'month' | 'lastMonth' | 'custom';

/** This week (Monday to Sunday), this month, last month — around the clinic's today (YYYY-MM-DD). */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: string): { from: string; to: string } {
  const t = parse(today);
  if (preset === 'week') {
    const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday = 0
    return { from: iso(t - weekday * DAY_MS), to: iso(t + (6 - weekday) * DAY_MS) };
  }
  const d = new Date(t);
  const monthStart = (y: number, m: number) => Date.UTC(y, m, 1);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() - (preset === 'lastMonth' ? 1 : 0);
  return { from: iso(monthStart(y, m)), to: iso(monthStart(y, m + 1) - DAY_MS) };
}
