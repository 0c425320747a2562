// Where a pinned card would land: a dashed outline at the snapped time under the pointer, while dragging
// a card from the pinboard or pointing at free time with a card chosen.
import type { CSSProperties } from 'react';
import type { GridColumn } from './CalendarGrid';
import { hhmm } from './clinic-time';
import { lengthOf } from './move-actions';
import { usePinboard } from './pinboard-store';

export function PlacePreview({ column, dayStart, ppm }: { column: GridColumn; dayStart: number; ppm: number }) {
  const drop = usePinboard((s) => (s.drop?.columnKey === column.key ? s.drop : null));
  const card = usePinboard((s) => (drop ? s.cards.find((c) => c.appointmentId === drop.id) : undefined));
  if (!drop || !card) return null;
  const minutes = lengthOf(card);
  return (
    <div
      className="appt-draft appt-place-preview"
      style={{ top: (drop.startMinute - dayStart) * ppm + 1, height: Math.max(16, minutes * ppm - 2), '--provider': card.providerColor } as CSSProperties}
      aria-hidden="true"
    >
      Place here · {hhmm(drop.startMinute)}–{hhmm(drop.startMinute + minutes)}
    </div>
  );
}
