// The patient page's appointments: counts, upcoming and past with their status, and "Book", which opens
// the day book's booking panel with this patient, their usual doctor and type, and the first free slot.
import { useEffect, useState } from 'react';
import { roleAllows } from '../../../shared/roles';
import type { PatientAppointment, PatientAppointments } from '../../../shared/scheduling-appointments';
import { api, messageOf, unwrap } from '../api/client';
import { useApp, useSession } from '../app/store';
import { StatusTag } from './AppointmentPanel';
import { dayOf, dayTitle, timeLabel } from './clinic-time';
import { useCalendar } from './store';
import { useSchedulingRefs } from './useSchedulingRefs';

export function PatientAppointmentsSection({ patientId, patientName, archived }: { patientId: number; patientName: string; archived: boolean }) {
  const session = useSession();
  const zone = session.clinic.timeZone;
  const navigate = useApp((s) => s.navigate);
  const version = useCalendar((s) => s.version);
  const [data, setData] = useState<PatientAppointments | null>(null);
  const { refs } = useSchedulingRefs();
  const doctor = (id: number) => refs?.providers.find((p) => p.id === id)?.name;
  const [error, setError] = useState<string | null>(null);
  const canRead = roleAllows(session.user.role, 'schedule.read');
  const canBook = roleAllows(session.user.role, 'schedule.write') && !archived;

  useEffect(() => {
    if (!canRead) return;
    let live = true;
    unwrap(api.appointments.forPatient({ patientId, limit: 50 }))
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [patientId, version, canRead]);

  if (!canRead) return null;

  const book = () => {
    // "Usual" = the latest visit that happened, else the next one booked.
    const usual = data?.past.find((a) => a.status !== 'cancelled' && a.status !== 'no_show') ?? data?.upcoming[0];
    const cal = useCalendar.getState();
    cal.setView('day');
    cal.openBooking({ patient: { id: patientId, name: patientName }, providerId: usual?.providerId, typeId: usual?.typeId, findFirst: true });
    navigate({ name: 'daybook' });
  };
  const open = (a: PatientAppointment) => {
    const cal = useCalendar.getState();
    cal.setView('day');
    cal.setDate(dayOf(a.startsAt, zone));
    cal.openAppointment(a.id);
    navigate({ name: 'daybook' });
  };

  const row = (a: PatientAppointment) => (
    <li key={a.id}>
      <button type="button" className="button-link" onClick={() => open(a)}>
        <span className={a.status === 'cancelled' ? 'struck' : undefined}>
          {dayTitle(dayOf(a.startsAt, zone), 'short')} · {timeLabel(a.startsAt, zone)}
        </span>
      </button>
      <span className="muted">
        {a.typeName ?? 'Appointment'}
        {doctor(a.providerId) ? ` with ${doctor(a.providerId)}` : ''}
        {a.reason ? ` — ${a.reason}` : ''}
      </span>
      <StatusTag status={a.status} />
    </li>
  );

  return (
    <section className="detail-section" aria-label="Appointments">
      <div className="appt-section-head">
        <h2 className="detail-section-title">Appointments</h2>
        {canBook && (
          <button type="button" className="button button-primary button-small" onClick={book}>
            Book
          </button>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {data && (
        <>
          <div className="appt-counts">
            {(
              [
                ['Appointments', data.counts.total],
                ['Upcoming', data.counts.upcoming],
                ['Past', data.counts.past],
                ['No-shows', data.counts.noShows],
              ] as const
            ).map(([label, n]) => (
              <div key={label} className="appt-count">
                <strong>{n}</strong>
                {label}
              </div>
            ))}
          </div>
          {data.upcoming.length === 0 && data.past.length === 0 ? (
            <p className="section-empty">No appointments yet.{canBook ? ' Book one with the button above.' : ''}</p>
          ) : (
            <>
              <h3 className="appt-list-title">Upcoming</h3>
              {data.upcoming.length ? <ul className="appt-list" aria-label="Upcoming appointments">{data.upcoming.map(row)}</ul> : <p className="section-empty">Nothing booked ahead.</p>}
              <h3 className="appt-list-title">Past</h3>
              {data.past.length ? <ul className="appt-list" aria-label="Past appointments">{data.past.map(row)}</ul> : <p className="section-empty">No past appointments.</p>}
            </>
          )}
        </>
      )}
    </section>
  );
}
