// The day book's keys: t today, j/k or ←/→ next/previous day, c new appointment, f finder, ↑/↓ move the
// selection through the blocks, Enter opens it, a checks it in, Esc closes the panel, Ctrl/Cmd+Z undoes.
import type { CalendarAppointment } from '../../../shared/scheduling-appointments';
import { useShortcut } from '../ui/shortcuts';
import { setStatus } from './actions';
import { addDays } from './clinic-time';
import { useCalendar, type CalendarView } from './store';
import { undoLatest } from './undo';

interface Keys {
  date: string;
  today: string;
  view: CalendarView;
  appointments: CalendarAppointment[];
  canBook: boolean;
  onNew(): void;
}

/** Focus on a button or link keeps Enter for that button. */
const focusOnControl = () => {
  const el = document.activeElement;
  return el instanceof HTMLElement && el.closest('button, a, [role="button"]:not([data-appointment-id])') !== null;
};

export function useDayBookKeys({ date, today, view, appointments, canBook, onNew }: Keys): void {
  const cal = useCalendar.getState;
  const step = view === 'week' ? 7 : 1;
  const order = [...appointments].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.providerId - b.providerId);
  const selected = order.find((a) => a.id === useCalendar.getState().selectedId) ?? null;

  const moveSelection = (by: number) => {
    if (order.length === 0) return;
    const i = selected ? order.indexOf(selected) : by > 0 ? -1 : order.length;
    const next = order[Math.max(0, Math.min(order.length - 1, i + by))];
    if (!next) return;
    cal().select(next.id);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-appointment-id="${next.id}"]`)?.focus({ preventScroll: false }));
  };

  useShortcut({ key: 't' }, () => cal().setDate(today));
  useShortcut({ key: 'j' }, () => cal().setDate(addDays(date, step)));
  useShortcut({ key: 'ArrowRight' }, () => cal().setDate(addDays(date, step)));
  useShortcut({ key: 'k' }, () => cal().setDate(addDays(date, -step)));
  useShortcut({ key: 'ArrowLeft' }, () => cal().setDate(addDays(date, -step)));
  useShortcut({ key: 'c' }, onNew, canBook);
  useShortcut({ key: 'f' }, () => cal().setFinderOpen(true));
  useShortcut({ key: 'ArrowDown' }, () => moveSelection(1));
  useShortcut({ key: 'ArrowUp' }, () => moveSelection(-1));
  useShortcut({ key: 'Enter' }, () => selected && !focusOnControl() && cal().openAppointment(selected.id));
  useShortcut({ key: 'a' }, () => selected && void setStatus(selected.id, 'arrived'));
  useShortcut({ key: 'Escape' }, () => cal().closePanel(), cal().panel !== null);
  useShortcut({ key: 'z', mod: true }, undoLatest);
}
