// An appointment's history in plain words: who did what, when (collapsed by default to keep the panel calm).
import type { HistoryEntry } from '../../../shared/scheduling-appointments';
import { formatInstant } from '../format/dates';

const ACTIONS: Record<HistoryEntry['action'], string> = {
  booked: 'Booked',
  rescheduled: 'Moved',
  status: 'Status changed',
  cancelled: 'Cancelled',
  updated: 'Details changed',
  undo: 'Undone',
};

export function HistoryList({ history, zone }: { history: HistoryEntry[]; zone: string }) {
  if (history.length === 0) return null;
  return (
    <details className="panel-history">
      <summary>History ({history.length})</summary>
      <ol>
        {[...history].reverse().map((h) => (
          <li key={h.id}>
            <span className="panel-history-what">{ACTIONS[h.action]}</span>
            <span className="muted">
              {' '}
              {formatInstant(h.at, zone, false)}
              {h.byName ? ` · ${h.byName}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}
