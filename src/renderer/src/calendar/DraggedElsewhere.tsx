// The block being dragged, drawn in the column it is over when that is not its own (another doctor or day).
import type { CalendarAppointment } from '../../../shared/scheduling-appointments';
import { AppointmentBlock } from './AppointmentBlock';

/** The dragged block drawn in the column it is being dragged over. */
export function DraggedElsewhere({ preview, all, dayStart, ppm, zone, now, color }: { preview: { id: number; startMinute: number }; all: Map<string, { appointment: CalendarAppointment; startMinute: number; endMinute: number }[]>; dayStart: number; ppm: number; zone: string; now: number; color: string }) {
  const item = [...all.values()].flat().find((b) => b.appointment.id === preview.id);
  if (!item) return null;
  const length = item.endMinute - item.startMinute;
  return (
    <AppointmentBlock
      appointment={item.appointment}
      zone={zone}
      now={now}
      color={color}
      selected
      tabStop={false}
      dragging
      compact={length * ppm < 34}
      style={{ top: (preview.startMinute - dayStart) * ppm + 1, height: Math.max(16, length * ppm - 2), left: 2, width: 'calc(100% - 6px)' }}
      onPointerDown={() => {}}
      onOpen={() => {}}
    />
  );
}
