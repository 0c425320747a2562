// "Book again" on a cancelled or missed appointment: the booking panel with the same patient, doctor and type at that
// doctor's first free slot — the call that cancels is often the call that rebooks, and no-shows are rebooked on the spot.
import type { AppointmentDetail } from '../../../shared/scheduling-appointments';
import { useCalendar } from './store';

export function BookAgainButton({ appointment: a }: { appointment: AppointmentDetail }) {
  if (a.status !== 'cancelled' && a.status !== 'no_show') return null;
  return (
    <button
      type="button"
      className="button button-primary"
      onClick={() => useCalendar.getState().openBooking({ patient: { id: a.patientId, name: a.patientName }, providerId: a.providerId, typeId: a.typeId, findFirst: true })}
    >
      Book again
    </button>
  );
}
