// The side panel's "Pin to move" (X): lifts the appointment onto the pinboard to place on another day; once
// pinned, the same place offers to put it back.
import { Kbd } from '../ui/Kbd';
import { pinAppointment, unpinAppointment, usePinboard } from './pinboard-store';
import { useCalendar } from './store';

export function PinToMoveButton({ id, status }: { id: number; status: string }) {
  const pinned = usePinboard((s) => s.cards.some((c) => c.appointmentId === id));
  if (status !== 'booked' && status !== 'confirmed') return null;
  if (pinned)
    return (
      <button type="button" className="button" onClick={() => void unpinAppointment(id)}>
        Unpin
      </button>
    );
  return (
    <button
      type="button"
      className="button"
      aria-keyshortcuts="X"
      title="Put it on the pinboard, open the new day, and drop it on a free time. It keeps its slot until then."
      onClick={() => {
        void pinAppointment(id);
        // The panel would cover the day book the desk is about to browse.
        useCalendar.getState().closePanel();
      }}
    >
      Pin to move
      <Kbd>X</Kbd>
    </button>
  );
}
