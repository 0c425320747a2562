// Earnings (administrators): what the clinic received in a range — consultation fees, Stripe fees, refunds, net —
// by doctor and by day, with a small chart.
import { useEffect, useMemo, useState } from 'react';
import type { EarningsRow } from '../../../shared/payments';
import { api, messageOf, unwrap } from '../api/client';
import { useSession } from '../app/store';
import { todayIn } from '../format/dates';
import { EmptyState } from '../ui/EmptyState';
import { presetRange, summarise, type RangePreset } from './earnings-data';
import { EarningsChart } from './EarningsChart';
import { EarningsTable } from './EarningsTables';
import { formatMoney } from './money';

const PRESETS: { value: RangePreset; label: string }[] = [
  { value: 'week', label: 'This week' },
  { value: 'month', label: 'This month' },
  { value: 'lastMonth', label: 'Last month' },
  { value: 'custom', label: 'Custom' },
];

const longDay = (day: string) => new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

export function EarningsScreen() {
  const { timeZone, currency } = useSession().clinic;
  const today = todayIn(timeZone);
  const [preset, setPreset] = useState<RangePreset>('week');
  const [custom, setCustom] = useState(() => presetRange('month', today));
  const range = preset === 'custom' ? custom : presetRange(preset, today);
  const [rows, setRows] = useState<EarningsRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    if (range.from > range.to) return setError('“From” must be on or before “To”.');
    setError(null);
    unwrap(api.payments.summary(range))
      .then((r) => current && setRows(r))
      .catch((e: unknown) => current && setError(messageOf(e)));
    return () => {
      current = false;
    };
  }, [range.from, range.to]);

  const data = useMemo(() => (rows ? summarise(rows, currency, range.from, range.to) : null), [rows, currency, range.from, range.to]);
  const m = (n: number) => formatMoney(n, currency);

  return (
    <div className="screen earn-screen">
      <header className="screen-header">
        <div>
          <h1 className="screen-title">Earnings</h1>
          <p className="screen-subtitle">
            Money received {longDay(range.from)} – {longDay(range.to)}, by the day it was paid.
          </p>
        </div>
        <div className="earn-range">
          <div className="segmented" role="radiogroup" aria-label="Period">
            {PRESETS.map((p) => (
              <label key={p.value} className="segmented-option">
                <input type="radio" name="earn-range" checked={preset === p.value} onChange={() => setPreset(p.value)} />
                <span>{p.label}</span>
              </label>
            ))}
          </div>
          {preset === 'custom' && (
            <div className="earn-custom">
              <label>
                From <input className="input" type="date" value={custom.from} onChange={(e) => e.target.value && setCustom({ ...custom, from: e.target.value })} />
              </label>
              <label>
                To <input className="input" type="date" value={custom.to} onChange={(e) => e.target.value && setCustom({ ...custom, to: e.target.value })} />
              </label>
            </div>
          )}
        </div>
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <div className="screen-loading" aria-busy="true" />}
      {data && (
        <>
          <dl className="earn-cards">
            <div className="earn-card">
              <dt>Consultation fees received</dt>
              <dd>{m(data.total.gross)}</dd>
              <p className="muted">{data.total.count} payment{data.total.count === 1 ? '' : 's'}</p>
            </div>
            <div className="earn-card">
              <dt>Stripe fees</dt>
              <dd>{data.total.stripeFees ? `−${m(data.total.stripeFees)}` : m(0)}</dd>
            </div>
            <div className="earn-card">
              <dt>Refunds</dt>
              <dd>{data.total.refunds ? `−${m(data.total.refunds)}` : m(0)}</dd>
            </div>
            <div className="earn-card earn-card-net">
              <dt>Net</dt>
              <dd>{m(data.total.net)}</dd>
            </div>
          </dl>
          {data.otherCurrencies.length > 0 && (
            <p className="muted">Payments in {data.otherCurrencies.join(', ')} are left out: these totals are in {currency}.</p>
          )}
          {data.total.count === 0 && data.total.refunds === 0 ? (
            <EmptyState title="No payments in this period">
              Payments appear here once patients pay their links or the desk records a payment. Try another period.
            </EmptyState>
          ) : (
            <>
              <section className="earn-section" aria-labelledby="earn-by-day">
                <h2 id="earn-by-day" className="earn-section-title">
                  By day
                </h2>
                <EarningsChart days={data.byDay} currency={currency} />
              </section>
              <section className="earn-section" aria-labelledby="earn-by-doctor">
                <h2 id="earn-by-doctor" className="earn-section-title">
                  By doctor
                </h2>
                <EarningsTable caption="Earnings by doctor" first="Doctor" rows={data.byProvider.map((p) => ({ ...p, label: p.name }))} total={data.total} currency={currency} />
              </section>
              <section className="earn-section" aria-labelledby="earn-days-table">
                <h2 id="earn-days-table" className="earn-section-title">
                  Day by day
                </h2>
                <EarningsTable
                  caption="Earnings by day"
                  first="Day"
                  rows={data.byDay.filter((d) => d.count > 0 || d.refunds > 0).map((d) => ({ ...d, label: longDay(d.day) }))}
                  total={data.total}
                  currency={currency}
                />
              </section>
            </>
          )}
        </>
      )}
    </div>
  );
}
