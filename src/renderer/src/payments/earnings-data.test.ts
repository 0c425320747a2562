// The owner's sums: per doctor and per day, every day of the range present, other currencies kept out; date presets.
import { describe, expect, it } from 'vitest';
import type { EarningsRow } from '../../../shared/payments';
import { presetRange, summarise } from './earnings-data';

const row = (day: string, providerName: string, gross: number, stripeFees = 0, refunds = 0, currency = 'GBP'): EarningsRow => ({
  day,
  providerId: providerName.length,
  providerName,
  currency,
  gross,
  stripeFees,
  refunds,
  net: gross - stripeFees - refunds,
  count: 1,
});

describe('summarise', () => {
  it('adds up by doctor and by day, with empty days in between', () => {
    const e = summarise(
      [row('2026-11-16', 'Dr Okafor', 5000, 95), row('2026-11-18', 'Dr Okafor', 3000, 0, 1000), row('2026-11-18', 'Dr Lind', 4000, 80), row('2026-11-18', 'Dr Lind', 9900, 0, 0, 'EUR')],
      'GBP',
      '2026-11-16',
      '2026-11-19',
    );
    expect(e.total).toEqual({ gross: 12000, stripeFees: 175, refunds: 1000, net: 10825, count: 3 });
    expect(e.byProvider.map((p) => [p.name, p.net])).toEqual([
      ['Dr Okafor', 6905],
      ['Dr Lind', 3920],
    ]);
    expect(e.byDay.map((d) => [d.day, d.gross])).toEqual([
      ['2026-11-16', 5000],
      ['2026-11-17', 0],
      ['2026-11-18', 7000],
      ['2026-11-19', 0],
    ]);
    expect(e.otherCurrencies).toEqual(['EUR']);
  });
});

describe('presetRange', () => {
  it('this week runs Monday to Sunday around today', () => {
    expect(presetRange('week', '2026-11-21')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(presetRange('week', '2026-11-16')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(presetRange('week', '2026-11-22')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
  });

  it('this month and last month, across a year end', () => {
    expect(presetRange('month', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('lastMonth', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });
});
