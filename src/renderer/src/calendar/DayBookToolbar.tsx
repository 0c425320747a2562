// The day book's controls: Today, previous/next, the date, Day/Week, the week's doctor, Find a slot, New appointment.
import type { Provider } from '../../../shared/scheduling';
import { Kbd } from '../ui/Kbd';
import { addDays, dayTitle, mondayOf } from './clinic-time';
import { useCalendar } from './store';

interface ToolbarProps {
  date: string;
  today: string;
  providers: Provider[];
  canBook: boolean;
  onNew(): void;
}

export function DayBookToolbar({ date, today, providers, canBook, onNew }: ToolbarProps) {
  const view = useCalendar((s) => s.view);
  const weekProviderId = useCalendar((s) => s.weekProviderId);
  const { setDate, setView, setFinderOpen } = useCalendar.getState();
  const step = view === 'week' ? 7 : 1;
  const title = view === 'week' ? `Week of ${dayTitle(mondayOf(date))}` : dayTitle(date);
  return (
    <div className="daybook-toolbar">
      <div className="daybook-nav">
        <button type="button" className="button" onClick={() => setDate(today)} disabled={date === today} aria-keyshortcuts="t">
          Today <Kbd>T</Kbd>
        </button>
        <button type="button" className="icon-button" aria-label={view === 'week' ? 'Previous week' : 'Previous day'} aria-keyshortcuts="k ArrowLeft" onClick={() => setDate(addDays(date, -step))}>
          ‹
        </button>
        <button type="button" className="icon-button" aria-label={view === 'week' ? 'Next week' : 'Next day'} aria-keyshortcuts="j ArrowRight" onClick={() => setDate(addDays(date, step))}>
          ›
        </button>
        <h1 className="daybook-title">
          {title}
          {date === today && view === 'day' && <span className="tag daybook-today-tag">Today</span>}
        </h1>
      </div>
      <div className="daybook-tools">
        <div className="cal-switch" role="group" aria-label="View">
          <button type="button" className="cal-switch-option" aria-pressed={view === 'day'} onClick={() => setView('day')}>
            Day
          </button>
          <button type="button" className="cal-switch-option" aria-pressed={view === 'week'} onClick={() => setView('week', weekProviderId ?? providers[0]?.id)}>
            Week
          </button>
        </div>
        {view === 'week' && (
          <select className="input select daybook-doctor" aria-label="Doctor for the week" value={weekProviderId ?? ''} onChange={(e) => setView('week', Number(e.target.value))}>
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
        <button type="button" className="button" onClick={() => setFinderOpen(true)} aria-keyshortcuts="f">
          Find a slot <Kbd>F</Kbd>
        </button>
        {canBook && (
          <button type="button" className="button button-primary" onClick={onNew} aria-keyshortcuts="c">
            New appointment <Kbd>C</Kbd>
          </button>
        )}
      </div>
    </div>
  );
}
