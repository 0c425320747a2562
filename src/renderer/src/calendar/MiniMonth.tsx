// The month navigator beside the day book: a small calendar; click a day to show it.
import { useEffect, useState } from 'react';
import { api, unwrap } from '../api/client';
import { addDays, dayTitle, mondayOf, monthTitle } from './clinic-time';
import { useCalendar } from './store';

const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

function shiftMonth(date: string, months: number): string {
  const [y = 1970, m = 1] = date.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return d.toISOString().slice(0, 10);
}

export function MiniMonth({ date, today, onPick }: { date: string; today: string; onPick(date: string): void }) {
  const [shown, setShown] = useState<string | null>(null);
  const monthStart = shown ?? `${date.slice(0, 7)}-01`;
  const first = mondayOf(monthStart);
  const days = Array.from({ length: 42 }, (_, i) => addDays(first, i));
  const weeks = [0, 1, 2, 3, 4, 5].map((w) => days.slice(w * 7, w * 7 + 7)).filter((w) => w.some((d) => d.slice(0, 7) === monthStart.slice(0, 7)));
  const selectedWeek = mondayOf(date);
  const version = useCalendar((st) => st.version);
  const [counts, setCounts] = useState<Map<string, number>>(new Map());
  const last = addDays(first, 41);
  useEffect(() => {
    let live = true;
    // Busy days get a mark; a failure only loses the marks, never the navigator.
    unwrap(api.appointments.dayCounts({ from: first, to: last }))
      .then((rows) => live && setCounts(new Map(rows.map((r) => [r.date, r.count]))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [first, last, version]);
  return (
    <div className="mini-month" aria-label="Month">
      <div className="mini-month-head">
        <button type="button" className="icon-button" aria-label="Previous month" onClick={() => setShown(shiftMonth(monthStart, -1))}>
          ‹
        </button>
        <span className="mini-month-title">{monthTitle(monthStart)}</span>
        <button type="button" className="icon-button" aria-label="Next month" onClick={() => setShown(shiftMonth(monthStart, 1))}>
          ›
        </button>
      </div>
      <table className="mini-month-table">
        <thead>
          <tr>
            {WEEKDAYS.map((w) => (
              <th key={w} scope="col">
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]} className={week[0] === selectedWeek ? 'mini-week-current' : undefined}>
              {week.map((d) => (
                <td key={d}>
                  <button
                    type="button"
                    className={['mini-day', d.slice(0, 7) !== monthStart.slice(0, 7) && 'mini-day-outside', d === today && 'mini-day-today', d === date && 'mini-day-selected'].filter(Boolean).join(' ')}
                    aria-label={`${dayTitle(d)}${counts.get(d) ? `, ${counts.get(d)} appointments` : ''}`}
                    data-busy={counts.get(d) ? true : undefined}
                    aria-current={d === date ? 'date' : undefined}
                    onClick={() => {
                      setShown(null);
                      onPick(d);
                    }}
                  >
                    {Number(d.slice(8))}
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
