// Dragging a block to another time or doctor: pointer events, snapped to 5 minutes. The block stays where it
// was dropped while main checks the move, and snaps back (with main's message) if main refuses it.
import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { CalendarAppointment } from '../../../shared/scheduling-appointments';
import { snap } from './layout';

export interface DragPreview {
  id: number;
  columnKey: string;
  startMinute: number;
}

interface DragOptions {
  pxPerMinute: number;
  dayStart: number;
  /** The column element under an x position (columns carry data-column-key). */
  columnAt(clientX: number): { key: string; top: number } | null;
  canDrag(a: CalendarAppointment): boolean;
  onClick(a: CalendarAppointment): void;
  onDrop(a: CalendarAppointment, columnKey: string, startMinute: number): Promise<void>;
}

const DRAG_THRESHOLD_PX = 4;

export function useBlockDrag(opts: DragOptions) {
  const [preview, setPreview] = useState<DragPreview | null>(null);
  const optsRef = useRef(opts);
  optsRef.current = opts;

  const start = (e: ReactPointerEvent<HTMLElement>, a: CalendarAppointment, startMinute: number, columnKey: string) => {
    if (e.button !== 0) return;
    const el = e.currentTarget;
    e.preventDefault();
    // preventDefault also stops the browser focusing what was pressed: focus it here, so the keys that follow (Enter,
    // A, Shift+arrows) act on this block and not on one chosen earlier by keyboard.
    el.focus({ preventScroll: true });
    const originY = e.clientY;
    const originX = e.clientX;
    const grabOffset = e.clientY - el.getBoundingClientRect().top;
    let moved = false;
    let current: DragPreview = { id: a.id, columnKey, startMinute };
    const draggable = optsRef.current.canDrag(a);
    // Listen on window: the block may re-render into another column (a new element) mid-drag.

    const move = (ev: PointerEvent) => {
      if (!draggable) return;
      if (!moved && Math.hypot(ev.clientX - originX, ev.clientY - originY) < DRAG_THRESHOLD_PX) return;
      moved = true;
      const o = optsRef.current;
      const column = o.columnAt(ev.clientX);
      if (!column) return;
      const minute = snap(o.dayStart + (ev.clientY - grabOffset - column.top) / o.pxPerMinute);
      current = { id: a.id, columnKey: column.key, startMinute: Math.max(0, Math.min(24 * 60 - 5, minute)) };
      setPreview(current);
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      if (!moved) return optsRef.current.onClick(a);
      if (current.columnKey === columnKey && current.startMinute === startMinute) return setPreview(null);
      void optsRef.current.onDrop(a, current.columnKey, current.startMinute).finally(() => setPreview(null));
    };
    const cancel = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      setPreview(null);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
  };

  return { preview, start };
}
