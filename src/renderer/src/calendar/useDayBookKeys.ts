// The day book's keys: t today, j/k or ←/→ next/previous day, c new appointment, f finder, ↑/↓ move the
// selection through the blocks (starting at the next patient expected), Shift+arrows move the selected block
// itself (5 minutes, or the next doctor or day), Enter opens it, a checks it in, Esc closes the panel, Ctrl/Cmd+Z undoes.
import { useEffect, useRef } from 'react';
import type { CalendarAppointment } from '../../../shared/scheduling-appointments';
import { useApp } from '../app/store';
import { isBlocked, isTypingIn, useShortcut } from '../ui/shortcuts';
import { setStatus } from './actions';
import { addDays } from './clinic-time';
import { deskOrder, nextExpected } from './entry-block';
import { useCalendar, type CalendarView } from './store';
import { undoLatest } from './undo';

interface Keys {
  date: string;
  today: string;
  view: CalendarView;
  appointments: CalendarAppointment[];
  canBook: boolean;
  /** The clock the day book shows: with nothing selected, ↑/↓ start at the next patient expected. */
  now: number;
  onNew(): void;
  /** Moves a block by minutes and/or columns (the keyboard's drag). */
  onNudge(a: CalendarAppointment, minutes: number, columns: number): void;
}

/** Focus on a button or link keeps Enter for that button. */
const focusOnControl = () => {
  const el = document.activeElement;
  return el instanceof HTMLElement && el.closest('button, a, [role="button"]:not([data-appointment-id])') !== null;
};

export function useDayBookKeys({ date, today, view, appointments, canBook, now, onNew, onNudge }: Keys): void {
  const cal = useCalendar.getState;
  const step = view === 'week' ? 7 : 1;
  const order = deskOrder(appointments);
  const selected = order.find((a) => a.id === useCalendar.getState().selectedId) ?? null;

  const moveSelection = (by: number) => {
    if (order.length === 0) return;
    const next = selected ? order[Math.max(0, Math.min(order.length - 1, order.indexOf(selected) + by))] : nextExpected(order, now);
    if (!next) return;
    cal().select(next.id);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-appointment-id="${next.id}"]`)?.focus({ preventScroll: false }));
  };

  useShortcut({ key: 't' }, () => cal().setDate(today));
  useShortcut({ key: 'j' }, () => cal().setDate(addDays(date, step)));
  useShortcut({ key: 'k' }, () => cal().setDate(addDays(date, -step)));
  useShortcut({ key: 'c' }, onNew, canBook);
  useShortcut({ key: 'f' }, () => cal().setFinderOpen(true));
  useShortcut({ key: 'a' }, () => selected && void setStatus(selected.id, 'arrived'));
  // A booking being filled in asks before it is dropped (useApp's unsaved work); an appointment's panel just closes.
  useShortcut({ key: 'Escape' }, () => useApp.getState().leaveForm(() => cal().closePanel()), cal().panel !== null);
  useShortcut({ key: 'z', mod: true }, undoLatest);

  // Arrows and Enter by hand: useShortcut does not tell Shift+arrow (move the block) from a plain arrow (move
  // around), and it would swallow Enter even when a focused button (e.g. the pinboard's Place…) should get it.
  const arrows = useRef<(e: KeyboardEvent) => void>(() => {});
  arrows.current = (e) => {
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
    if (!plain || e.defaultPrevented || isBlocked() || isTypingIn(e.target)) return;
    if (e.key === 'Enter' && !e.shiftKey) {
      if (!selected || focusOnControl()) return;
      e.preventDefault();
      return cal().openAppointment(selected.id);
    }
    const dir = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[e.key];
    if (!dir) return;
    e.preventDefault();
    const [dy = 0, dx = 0] = dir;
    if (e.shiftKey) {
      if (selected && canBook) onNudge(selected, dy * 5, dx);
    } else if (dy) moveSelection(dy);
    else cal().setDate(addDays(date, dx * step));
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => arrows.current(e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
