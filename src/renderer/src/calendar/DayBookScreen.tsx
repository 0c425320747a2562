// Home for the front desk: the day book (every doctor today, or one doctor's week), the month beside it,
// and the side panel for the appointment or booking at hand.
import { useEffect, useMemo } from 'react';
import { roleAllows } from '../../../shared/roles';
import type { CalendarAppointment } from '../../../shared/scheduling-appointments';
import { ApiError, messageOf } from '../api/client';
import { useApp, useSession } from '../app/store';
import { todayIn } from '../format/dates';
import { EmptyState } from '../ui/EmptyState';
import { useToasts } from '../ui/toasts';
import { reschedule } from './actions';
import { AppointmentPanel } from './AppointmentPanel';
import { BookingPanel } from './BookingPanel';
import { CalendarGrid, type GridColumn } from './CalendarGrid';
import { addDays, dayOf, instantAt, isoAt, minuteOf, mondayOf } from './clinic-time';
import { dayColumns, weekColumns } from './columns';
import { DayBookToolbar } from './DayBookToolbar';
import { FinderDialog } from './FinderDialog';
import { focusIsLost, focusSelectedBlock } from './focus-keeping';
import { firstFreeQuarter } from './free-time';
import { MiniMonth } from './MiniMonth';
import { changeLength, placePinned } from './move-actions';
import { usePinboard } from './pinboard-store';
import { PinboardTray } from './PinboardTray';
import { useCalendar } from './store';
import { useCalendarRange, useNow } from './useCalendarRange';
import { useDayBookKeys } from './useDayBookKeys';
import { useKeyboardMove } from './useKeyboardMove';
import { usePinboardKeys } from './usePinboardKeys';
import { useSchedulingRefs } from './useSchedulingRefs';

export function DayBookScreen() {
  const session = useSession();
  const navigate = useApp((s) => s.navigate);
  const zone = session.clinic.timeZone;
  const now = useNow();
  const today = todayIn(zone, new Date(now));
  const stored = useCalendar((s) => s.date);
  const date = stored ?? today;
  const view = useCalendar((s) => s.view);
  const weekProviderId = useCalendar((s) => s.weekProviderId);
  const selectedId = useCalendar((s) => s.selectedId);
  const panel = useCalendar((s) => s.panel);
  const finderOpen = useCalendar((s) => s.finderOpen);
  const draft = useCalendar((s) => s.draft);
  const { refs, error: refsError } = useSchedulingRefs();
  const canBook = roleAllows(session.user.role, 'schedule.write');
  const canOverride = roleAllows(session.user.role, 'schedule.override');

  useEffect(() => {
    if (stored === null) useCalendar.getState().setDate(today);
  }, [stored, today]);
  // Left open overnight (or on another screen), the day book that showed today shows the new today after midnight.
  useEffect(() => useCalendar.getState().noteToday(today), [today]);

  const active = useMemo(() => refs?.providers.filter((p) => p.active) ?? [], [refs]);
  const weekDoctor = weekProviderId ?? active[0]?.id ?? null;
  const columns: GridColumn[] = !refs ? [] : view === 'week' && weekDoctor !== null ? weekColumns(refs, date, weekDoctor) : dayColumns(refs, date);
  const first = view === 'week' ? mondayOf(date) : date;
  const days = view === 'week' ? 7 : 1;
  const from = new Date(instantAt(first, 0, zone)).toISOString();
  const to = new Date(instantAt(addDays(first, days), 0, zone)).toISOString();
  const { data, error, applyChanged, showMoved } = useCalendarRange(refs ? from : null, refs ? to : null, view === 'week' && weekDoctor !== null ? [weekDoctor] : undefined);
  const appointments = data?.appointments ?? [];
  const pinCards = usePinboard((s) => s.cards);
  const pinnedIds = useMemo(() => new Set(pinCards.map((c) => c.appointmentId)), [pinCards]);
  const moveOpts = { canOverride, onSaved: applyChanged };
  const resize = (a: CalendarAppointment, minutes: number) => changeLength(a, minutes, moveOpts);
  /** A chosen pinned card goes where the desk clicked; otherwise a click on free time books. */
  const emptySlot = (c: GridColumn, minute: number) => {
    const armed = pinCards.find((p) => p.appointmentId === usePinboard.getState().armedId);
    if (armed && canBook) return void placePinned(armed, { date: c.date, providerId: c.providerId, minute }, zone, moveOpts);
    if (canBook) newAppointment(c, minute);
  };

  const newAppointment = (column?: GridColumn, minute?: number) => {
    // Clicking another slot while booking keeps the patient and type already chosen.
    const current = panel?.kind === 'booking' ? { ...panel.prefill, ...useCalendar.getState().bookingChoice } : {};
    // No slot clicked (C, New appointment): the first open, free quarter hour from now on screen, for the type it opens with.
    const length = refs?.types.find((t) => t.id === (current.typeId ?? refs.types[0]?.id))?.durationMinutes ?? 15;
    const free = column === undefined ? firstFreeQuarter(columns, appointments, data?.timeOff ?? [], now, length, zone) : null;
    const c = column ?? (free ? columns[free.column] : columns[0]);
    const startMinute = minute ?? free?.minute ?? (date === today ? Math.ceil(minuteOf(now, zone) / 15) * 15 : 9 * 60);
    useCalendar.getState().openBooking({ patient: current.patient, typeId: current.typeId, providerId: c?.providerId, startsAt: c ? isoAt(c.date, startMinute, zone) : undefined });
  };

  const move = async (a: CalendarAppointment, column: GridColumn, minute: number, override = false): Promise<void> => {
    try {
      const saved = await reschedule({ id: a.id, startsAt: isoAt(column.date, minute, zone), providerId: column.providerId === a.providerId ? undefined : column.providerId, overrideDoubleBooking: override || undefined });
      applyChanged(saved.changed);
    } catch (e) {
      // A keyboard move is already on screen: the re-read puts the block back where main kept it.
      useCalendar.getState().changed();
      const conflict = e instanceof ApiError && e.code === 'CONFLICT';
      useToasts.getState().show({
        message: messageOf(e),
        tone: 'error',
        action: conflict && canOverride ? { label: 'Move anyway (emergency)', run: () => void move(a, column, minute, true) } : undefined,
      });
    }
  };

  const keyboardMove = useKeyboardMove(
    (original, column, minute) => {
      const unmoved = column.providerId === original.providerId && column.date === dayOf(original.startsAt, zone) && minute === minuteOf(original.startsAt, zone);
      if (!unmoved) void move(original, column, minute);
    },
    (a, column, minute) => {
      const startsAt = instantAt(column.date, minute, zone);
      const endsAt = startsAt + (Date.parse(a.endsAt) - Date.parse(a.startsAt));
      showMoved(a.id, { providerId: column.providerId, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString() });
      // Into another doctor's column (or day) the block is drawn anew there: the focus goes with it.
      requestAnimationFrame(() => focusIsLost() && focusSelectedBlock());
    },
  );
  const nudge = (a: CalendarAppointment, minutes: number, by: number) => {
    const i = columns.findIndex((c) => c.providerId === a.providerId && c.date === dayOf(a.startsAt, zone));
    const target = columns[i + by];
    if (i < 0 || !target) return;
    keyboardMove(a, target, minuteOf(a.startsAt, zone) + minutes);
  };
  useDayBookKeys({ date, today, view, appointments, canBook, now, onNew: () => newAppointment(), onNudge: nudge });
  usePinboardKeys({ appointments, canWrite: canBook, onResize: (a, m) => void resize(a, m) });

  if (refsError) return <p className="form-error screen" role="alert">{refsError}</p>;
  if (!refs) return <div className="screen-loading" aria-busy="true" />;
  if (active.length === 0)
    return (
      <div className="screen">
        <h1 className="screen-title">Day book</h1>
        <EmptyState
          title="No doctors in the day book yet"
          action={
            roleAllows(session.user.role, 'schedule.manage') ? (
              <button type="button" className="button button-primary" onClick={() => navigate({ name: 'scheduling' })}>
                Add doctors and their hours
              </button>
            ) : undefined
          }
        >
          The day book shows each doctor’s day. An administrator adds doctors and their working hours under Scheduling.
        </EmptyState>
      </div>
    );

  return (
    <div className="daybook">
      <DayBookToolbar date={date} today={today} providers={active} canBook={canBook} onNew={() => newAppointment()} />
      <div className="daybook-body">
        <aside className="daybook-side" aria-label="Month, doctors and pinboard">
          <MiniMonth date={date} today={today} onPick={(d) => useCalendar.getState().setDate(d)} />
          <ul className="doctor-legend" aria-label="Doctors">
            {active.map((p) => (
              <li key={p.id}>
                <button type="button" className="doctor-legend-item" onClick={() => useCalendar.getState().setView('week', p.id)} title={`Show ${p.name}’s week`}>
                  <span className="doctor-swatch" style={{ background: p.color }} aria-hidden="true" />
                  <span>{p.name}</span>
                </button>
              </li>
            ))}
          </ul>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <PinboardTray date={date} canWrite={canBook} onDrop={(card, slot) => void placePinned(card, slot, zone, moveOpts)} />
        </aside>
        <section className="daybook-grid-wrap" aria-label={view === 'week' ? 'Week' : 'Day book'}>
          <CalendarGrid
            columns={columns}
            appointments={appointments}
            timeOff={data?.timeOff ?? []}
            zone={zone}
            now={now}
            selectedId={selectedId}
            canMove={canBook}
            onOpen={(a) => useCalendar.getState().openAppointment(a.id)}
            onSelect={(a) => useCalendar.getState().select(a.id)}
            onEmptySlot={emptySlot}
            onMove={(a, c, m) => move(a, c, m)}
            draft={panel?.kind === 'booking' ? draft : null}
            pinnedIds={pinnedIds}
            onResize={resize}
          />
        </section>
        {panel?.kind === 'appointment' && <AppointmentPanel key={panel.id} id={panel.id} />}
        {panel?.kind === 'booking' && <BookingPanel key={JSON.stringify(panel.prefill)} prefill={panel.prefill} providers={active} types={refs.types} />}
      </div>
      {finderOpen && <FinderDialog providers={active} types={refs.types} onClose={() => useCalendar.getState().setFinderOpen(false)} />}
    </div>
  );
}
