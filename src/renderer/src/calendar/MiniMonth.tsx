// The month navigator beside the day book: a small calendar; click a day to show it. One day is in the Tab order
// (a roving tab stop): arrows move between days (PageUp/PageDown a month), Enter shows the day — so the keyboard
// crosses the month in one Tab instead of 42 on its way to the grid.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { api, unwrap } from '../api/client';
import { addDays, dayTitle, mondayOf, monthTitle } from './clinic-time';
import { useCalendar } from './store';

const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
/** Days an arrow key moves in the month. */
const STEPS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

function shiftMonth(date: string, months: number): string {
  const [y = 1970, m = 1] = date.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return d.toISOString().slice(0, 10);
}

/** The same day of the month `months` away, or that month's last day (31 January → 28 February). */
function shiftDay(date: string, months: number): string {
  const start = shiftMonth(date, months);
  const lastDay = addDays(shiftMonth(date, months + 1), -1);
  const day = Math.min(Number(date.slice(8)), Number(lastDay.slice(8)));
  return `${start.slice(0, 8)}${String(day).padStart(2, '0')}`;
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
  // The day the arrows have reached; null: the tab stop is the day shown (or the 1st of another month on view).
  const [focusDay, setFocusDay] = useState<string | null>(null);
  const inMonth = (d: string) => d.slice(0, 7) === monthStart.slice(0, 7);
  const stop = focusDay !== null && inMonth(focusDay) ? focusDay : inMonth(date) ? date : monthStart;
  const table = useRef<HTMLTableElement>(null);
  const moving = useRef(false);
  useEffect(() => setFocusDay(null), [date]);
  useEffect(() => {
    if (!moving.current) return;
    moving.current = false;
    table.current?.querySelector<HTMLElement>(`[data-day="${stop}"]`)?.focus();
  }, [stop]);
  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const next = e.key in STEPS ? addDays(stop, STEPS[e.key] ?? 0) : e.key === 'PageUp' || e.key === 'PageDown' ? shiftDay(stop, e.key === 'PageUp' ? -1 : 1) : null;
    if (next === null) return;
    // The day book's own arrows (next day, next block) must not act as well.
    e.preventDefault();
    moving.current = true;
    if (!inMonth(next)) setShown(`${next.slice(0, 7)}-01`);
    setFocusDay(next);
  };
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
      <table className="mini-month-table" ref={table} onKeyDown={onKeyDown}>
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
                    data-day={d}
                    tabIndex={d === stop ? 0 : -1}
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
