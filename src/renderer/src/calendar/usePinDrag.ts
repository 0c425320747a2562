// Dragging a card from the pinboard onto the day book: pointer events, snapped to 5 minutes. Columns carry
// data-column-key, data-date and data-provider-id; the grid's body carries data-day-start and data-ppm.
import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { PinnedAppointment } from '../../../shared/pinboard';
import { SNAP_MINUTES } from './layout';
import { usePinboard } from './pinboard-store';

const DRAG_THRESHOLD_PX = 4;

export interface SlotUnderPointer {
  columnKey: string;
  date: string;
  providerId: number;
  minute: number;
}

/** The free time under a point of the screen, if the point is over a day-book column. */
export function slotAt(clientX: number, clientY: number): SlotUnderPointer | null {
  const body = document.querySelector<HTMLElement>('.cal-body[data-ppm]');
  if (!body) return null;
  const ppm = Number(body.dataset.ppm);
  const dayStart = Number(body.dataset.dayStart);
  for (const el of body.querySelectorAll<HTMLElement>('[data-column-key]')) {
    const r = el.getBoundingClientRect();
    if (clientX < r.left || clientX >= r.right || clientY < r.top || clientY >= r.bottom) continue;
    const minute = dayStart + Math.floor((clientY - r.top) / ppm / SNAP_MINUTES) * SNAP_MINUTES;
    return { columnKey: el.dataset.columnKey ?? '', date: el.dataset.date ?? '', providerId: Number(el.dataset.providerId), minute: Math.max(0, Math.min(24 * 60 - SNAP_MINUTES, minute)) };
  }
  return null;
}

/** Where the floating card is drawn while dragging (fixed position, follows the pointer). */
export interface DragGhost {
  card: PinnedAppointment;
  x: number;
  y: number;
}

export function usePinDrag(onDrop: (card: PinnedAppointment, slot: SlotUnderPointer) => void) {
  const [ghost, setGhost] = useState<DragGhost | null>(null);
  const onDropRef = useRef(onDrop);
  onDropRef.current = onDrop;
  /** The click that ends a drag must not also choose the card. */
  const dragged = useRef(false);

  const start = (e: ReactPointerEvent<HTMLElement>, card: PinnedAppointment) => {
    if (e.button !== 0) return;
    const originX = e.clientX;
    const originY = e.clientY;
    let moved = false;
    dragged.current = false;
    let slot: SlotUnderPointer | null = null;
    const move = (ev: PointerEvent) => {
      if (!moved && Math.hypot(ev.clientX - originX, ev.clientY - originY) < DRAG_THRESHOLD_PX) return;
      moved = true;
      setGhost({ card, x: ev.clientX, y: ev.clientY });
      slot = slotAt(ev.clientX, ev.clientY);
      usePinboard.getState().setDrop(slot ? { id: card.appointmentId, columnKey: slot.columnKey, startMinute: slot.minute } : null);
    };
    const stop = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', stop);
      setGhost(null);
      usePinboard.getState().setDrop(null);
    };
    const up = () => {
      stop();
      dragged.current = moved;
      if (!moved) return;
      if (slot) onDropRef.current(card, slot);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', stop);
  };

  return { ghost, start, wasDrag: () => dragged.current };
}
