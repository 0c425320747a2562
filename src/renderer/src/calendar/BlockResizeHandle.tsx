// The bottom edge of a block: drag it (snapped to 5 minutes, at least 5 minutes long) or, once focused, press
// ↑/↓ to change how long the appointment lasts. Drawn as the block's next sibling so it can show on the
// block's hover or focus (CSS `.appt-block:hover + .appt-resize`) without nesting a control inside a button.
import { type CSSProperties, type KeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { hhmm } from './clinic-time';
import { SNAP_MINUTES } from './layout';
import { MIN_LENGTH_MINUTES } from './move-actions';

interface ResizeHandleProps {
  /** For the spoken label: whose appointment, starting when. */
  label: string;
  startMinute: number;
  minutes: number;
  pxPerMinute: number;
  style: CSSProperties;
  selected: boolean;
  /** While dragging: the length to draw (null: drawing stops). */
  onPreview(minutes: number | null): void;
  onResize(minutes: number): Promise<unknown>;
}

const clampLength = (m: number) => Math.max(MIN_LENGTH_MINUTES, Math.min(12 * 60, Math.round(m / SNAP_MINUTES) * SNAP_MINUTES));

export function BlockResizeHandle({ label, startMinute, minutes, pxPerMinute, style, selected, onPreview, onResize }: ResizeHandleProps) {
  const start = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    const originY = e.clientY;
    let length = minutes;
    const move = (ev: PointerEvent) => {
      length = clampLength(minutes + (ev.clientY - originY) / pxPerMinute);
      onPreview(length);
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      if (length === minutes) return onPreview(null);
      // The new length stays drawn while main checks it; a refusal snaps it back with main's message.
      void onResize(length).finally(() => onPreview(null));
    };
    const cancel = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      onPreview(null);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const by = e.key === 'ArrowDown' ? SNAP_MINUTES : e.key === 'ArrowUp' ? -SNAP_MINUTES : 0;
    if (!by) return;
    e.preventDefault();
    e.stopPropagation();
    const next = clampLength(minutes + by);
    if (next !== minutes) void onResize(next);
  };

  return (
    <div
      className={`appt-resize${selected ? ' appt-resize-selected' : ''}`}
      style={style}
      role="separator"
      aria-orientation="horizontal"
      aria-label={`Length of ${label}`}
      aria-valuemin={MIN_LENGTH_MINUTES}
      aria-valuemax={12 * 60}
      aria-valuenow={minutes}
      aria-valuetext={`${minutes} minutes, ends ${hhmm(startMinute + minutes)}`}
      title="Drag to change the length (or select the appointment and press Alt ↑ / Alt ↓)"
      tabIndex={selected ? 0 : -1}
      onPointerDown={start}
      onKeyDown={onKeyDown}
    />
  );
}
