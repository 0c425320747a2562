// "Has an upcoming appointment": narrows the patient list to people already booked for now or later.
import { usePatientList } from '../patients/list-store';

export function UpcomingFilter() {
  const upcoming = usePatientList((s) => s.upcoming);
  const setUpcoming = usePatientList((s) => s.setUpcoming);
  return (
    <label className="check-filter">
      <input type="checkbox" checked={upcoming} onChange={(e) => setUpcoming(e.target.checked)} />
      Has an upcoming appointment
    </label>
  );
}
