// The check-in list: today's appointments with status and how long arrived patients have waited,
// filterable by doctor; ↑/↓ choose a row, A (or Enter) checks the patient in, Ctrl/Cmd+Z undoes.
import { useEffect, useRef, useState } from 'react';
import { roleAllows } from '../../../shared/roles';
import type { CheckInList } from '../../../shared/scheduling-appointments';
import { api, messageOf, unwrap } from '../api/client';
import { useApp, useSession } from '../app/store';
import { EmptyState } from '../ui/EmptyState';
import { Kbd } from '../ui/Kbd';
import { useShortcut } from '../ui/shortcuts';
import { setStatus } from './actions';
import { StatusTag } from './AppointmentPanel';
import { waitingTone } from './block-text';
import { dayTitle, timeLabel } from './clinic-time';
import { focusIsLost } from './focus-keeping';
import { useCalendar } from './store';
import { useNow } from './useCalendarRange';
import { useSchedulingRefs } from './useSchedulingRefs';
import { undoLatest } from './undo';
import { DataTable } from '../ui/DataTable';
import { usePrivacy } from '../privacy/usePrivacy';

export function TodayScreen() {
  const session = useSession();
  const zone = session.clinic.timeZone;
  const navigate = useApp((s) => s.navigate);
  const version = useCalendar((s) => s.version);
  const now = useNow(30_000);
  const { refs } = useSchedulingRefs();
  const [doctor, setDoctor] = useState<number | null>(null);
  const [list, setList] = useState<CheckInList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const canCheckIn = roleAllows(session.user.role, 'schedule.status');
  const privacy = usePrivacy();

  useEffect(() => {
    let live = true;
    unwrap(api.appointments.today({ providerIds: doctor === null ? undefined : [doctor] }))
      .then((l) => live && setList(l))
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [doctor, version, now]);

  const rows = list?.rows ?? [];
  // Start on the next patient expected at the desk, not on this morning's finished visits.
  const [placed, setPlaced] = useState(false);
  useEffect(() => {
    if (placed || !list || list.rows.length === 0) return;
    const soon = list.rows.findIndex((r) => (r.status === 'booked' || r.status === 'confirmed') && Date.parse(r.endsAt) > Date.now());
    setSelected(Math.max(0, soon));
    setPlaced(true);
  }, [list, placed]);
  const current = rows[Math.min(selected, rows.length - 1)];
  // The chosen row stays on screen: on a busy day the next patient is far below this morning's first rows, and
  // ↑/↓ would otherwise walk the choice out of sight.
  const selectedRow = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    selectedRow.current?.scrollIntoView({ block: 'nearest' });
  }, [selected, placed]);
  const checkIn = () => current && canCheckIn && void setStatus(current.id, 'arrived');
  useShortcut({ key: 'ArrowDown' }, () => setSelected((i) => Math.min(rows.length - 1, i + 1)));
  useShortcut({ key: 'ArrowUp' }, () => setSelected((i) => Math.max(0, i - 1)));
  useShortcut({ key: 'a' }, checkIn);
  // A focused button (Check in, Start, a patient's name, the top bar) keeps Enter for itself.
  useShortcut({ key: 'Enter', notOnControls: true }, checkIn);
  useShortcut({ key: 'z', mod: true }, undoLatest);

  // Check in / Start go once used: the focus moves to that row's next action (Start after Check in), else its name.
  const actedOn = useRef<number | null>(null);
  useEffect(() => {
    if (actedOn.current === null || !focusIsLost()) return;
    const row = document.querySelector(`.checkin-table tr[data-appointment-id="${actedOn.current}"]`);
    (row?.querySelector<HTMLElement>('.row-actions button') ?? row?.querySelector<HTMLElement>('button'))?.focus();
  }, [list]);
  const step = (id: number, status: 'arrived' | 'in_consultation') => {
    actedOn.current = id;
    void setStatus(id, status);
  };

  const openInDayBook = (id: number) => {
    useCalendar.getState().setDate(list?.date ?? '');
    useCalendar.getState().setView('day');
    useCalendar.getState().openAppointment(id);
    navigate({ name: 'daybook' });
  };

  return (
    <div className="screen today-screen">
      <div className="screen-header">
        <div>
          <h1 className="screen-title">Today</h1>
          <p className="screen-subtitle">{list ? dayTitle(list.date) : ' '} · check patients in as they arrive</p>
        </div>
        <div className="toolbar">
          <select className="input select" aria-label="Doctor" value={doctor ?? ''} onChange={(e) => setDoctor(e.target.value ? Number(e.target.value) : null)}>
            <option value="">All doctors</option>
            {refs?.providers.filter((p) => p.active).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {list && rows.length === 0 && (
        <EmptyState
          title={doctor === null ? 'No appointments today' : 'No appointments today for this doctor'}
          action={
            <button type="button" className="button button-primary" onClick={() => navigate({ name: 'daybook' })}>
              Open the day book
            </button>
          }
        >
          Appointments booked for today appear here, ready to check in.
        </EmptyState>
      )}
      {rows.length > 0 && (
        <DataTable label="Today’s appointments" columns={['Time', 'Patient', 'Doctor', 'Type', 'Status', 'Waiting']} actionsLabel="Actions" className="checkin-table">
          {rows.map((r, i) => (
            <tr key={r.id} ref={i === selected ? selectedRow : undefined} data-appointment-id={r.id} className={[i === selected && 'row-selected', r.status === 'cancelled' && 'row-cancelled'].filter(Boolean).join(' ')} aria-selected={i === selected} onClick={() => setSelected(i)}>
              <td className="nowrap">
                <span className={r.status === 'cancelled' ? 'struck' : undefined}>{timeLabel(r.startsAt, zone)}</span>
              </td>
              <td>
                <button type="button" className="button-link" onClick={() => openInDayBook(r.id)}>
                  {privacy.name(r.patientName)}
                </button>
              </td>
              <td>{r.providerName}</td>
              <td>
                {r.typeName ?? '—'}
                {r.mode === 'video' && !/video/i.test(r.typeName ?? '') ? ' · video' : ''}
              </td>
              <td>
                <StatusTag status={r.status} />
              </td>
              <td>{r.waitingMinutes !== null && <span className={`waiting waiting-${waitingTone(r.waitingMinutes)}`}>{r.waitingMinutes} min</span>}</td>
              <td>
                <div className="row-actions">
                  {canCheckIn && (r.status === 'booked' || r.status === 'confirmed' || r.status === 'no_show') && (
                    <button type="button" className="button button-small" onClick={() => step(r.id, 'arrived')}>
                      Check in {i === selected && <Kbd>A</Kbd>}
                    </button>
                  )}
                  {canCheckIn && r.status === 'arrived' && (
                    <button type="button" className="button button-small" onClick={() => step(r.id, 'in_consultation')}>
                      Start
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
