// A small bar chart of what the clinic kept per day: plain HTML/CSS bars, each labelled for screen readers.
import type { Earnings } from './earnings-data';
import { formatMoney } from './money';

const dayLabel = (day: string, long = false) =>
  new Intl.DateTimeFormat(undefined, long ? { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' } : { day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

export function EarningsChart({ days, currency }: { days: Earnings['byDay']; currency: string }) {
  const max = Math.max(1, ...days.map((d) => d.gross));
  return (
    <figure className="earn-chart" aria-label="Received per day">
      <div className="earn-bars">
        {days.map((d) => {
          const text = `${dayLabel(d.day, true)}: ${formatMoney(d.net, currency)} kept of ${formatMoney(d.gross, currency)} received`;
          return (
            <div key={d.day} className="earn-bar-slot" title={text} role="img" aria-label={text}>
              {d.gross > 0 && (
                <span className="earn-bar-value" aria-hidden="true">
                  {formatMoney(d.net, currency)}
                </span>
              )}
              <div className="earn-bar" style={{ height: `${(d.gross / max) * 100}%` }}>
                <div className="earn-bar-net" style={{ height: d.gross > 0 ? `${(Math.max(0, d.net) / d.gross) * 100}%` : 0 }} />
              </div>
              <span className="earn-bar-day" aria-hidden="true">
                {dayLabel(d.day)}
              </span>
            </div>
          );
        })}
      </div>
      <figcaption className="earn-legend">
        <span>
          <span className="earn-key earn-key-net" aria-hidden="true" /> Kept (net)
        </span>
        <span>
          <span className="earn-key earn-key-gross" aria-hidden="true" /> Stripe fees and refunds
        </span>
      </figcaption>
    </figure>
  );
}
