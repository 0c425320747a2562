// Moving the selected block by keyboard (Shift+arrows): each press moves it on screen at once, and the move is saved
// once the keys rest — so walking it half an hour later is one move, one toast and one Undo, not six of each.
import { useEffect, useRef } from 'react';
import type { CalendarAppointment } from '../../../shared/scheduling-appointments';
import type { GridColumn } from './CalendarGrid';

/** How long the keys rest before the move is saved: longer than a key's auto-repeat, shorter than a glance. */
export const KEYS_REST_MS = 600;

interface Pending {
  /** The appointment as it was before the first press: the save compares against it. */
  original: CalendarAppointment;
  column: GridColumn;
  minute: number;
  timer: number;
}

export function useKeyboardMove(
  save: (original: CalendarAppointment, column: GridColumn, minute: number) => void,
  show: (a: CalendarAppointment, column: GridColumn, minute: number) => void,
): (current: CalendarAppointment, column: GridColumn, minute: number) => void {
  const pending = useRef<Pending | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  const flush = () => {
    const p = pending.current;
    if (!p) return;
    window.clearTimeout(p.timer);
    pending.current = null;
    saveRef.current(p.original, p.column, p.minute);
  };
  // Leaving the day book (or another day) with a move on screen saves it: what the desk saw is what is booked.
  useEffect(() => flush, []);
  return (current, column, minute) => {
    if (pending.current && pending.current.original.id !== current.id) flush();
    const original = pending.current?.original ?? current;
    if (pending.current) window.clearTimeout(pending.current.timer);
    pending.current = { original, column, minute, timer: window.setTimeout(flush, KEYS_REST_MS) };
    show(current, column, minute);
  };
}
