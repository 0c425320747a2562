// The day book's grid: a time axis and one column per doctor (day view) or per day (week view), with
// closed hours shaded, time off marked, a moving now line, blocks to open or drag, and empty time to book.
import { Fragment, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type MouseEvent } from 'react';
import type { TimeOff } from '../../../shared/scheduling';
import type { CalendarAppointment } from '../../../shared/scheduling-appointments';
import { AppointmentBlock } from './AppointmentBlock';
import { BlockResizeHandle } from './BlockResizeHandle';
import { DraggedElsewhere } from './DraggedElsewhere';
import { deskOrder, nextExpected } from './entry-block';
import { focusIsLost } from './focus-keeping';
import type { BookingDraft } from './store';
import { dayOf, hhmm, instantAt, minuteOf } from './clinic-time';
import { closedSpans, placeBlocks, SNAP_MINUTES, visibleHours } from './layout';
import { PlacePreview } from './PlacePreview';
import { usePinboard } from './pinboard-store';
import { useBlockDrag } from './useBlockDrag';
import type { MinuteSpan } from './working-hours';

export interface GridColumn {
  key: string;
  providerId: number;
  providerName: string;
  date: string;
  label: string;
  sublabel?: string;
  color: string;
  open: MinuteSpan[];
}

interface CalendarGridProps {
  columns: GridColumn[];
  appointments: CalendarAppointment[];
  timeOff: TimeOff[];
  zone: string;
  now: number;
  selectedId: number | null;
  onOpen(a: CalendarAppointment): void;
  onSelect(a: CalendarAppointment): void;
  onEmptySlot(column: GridColumn, minute: number): void;
  onMove(a: CalendarAppointment, column: GridColumn, minute: number): Promise<void>;
  canMove: boolean;
  draft: BookingDraft | null;
  /** Appointments on the pinboard: drawn as ghosts at the slot they still hold. */
  pinnedIds: ReadonlySet<number>;
  /** A new length in minutes, from the block's bottom edge. */
  onResize(a: CalendarAppointment, minutes: number): Promise<unknown>;
}

const MIN_PX_PER_MINUTE = 1.25;
const HEADER_PX = 44;
const HOUR_LABEL_ROOM_PX = 10;

export function CalendarGrid({ columns, appointments, timeOff, zone, now, selectedId, onOpen, onSelect, onEmptySlot, onMove, canMove, draft, pinnedIds, onResize }: CalendarGridProps) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(800);
  useLayoutEffect(() => {
    const el = bodyRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  const byColumn = useMemo(() => {
    const map = new Map<string, { appointment: CalendarAppointment; startMinute: number; endMinute: number }[]>();
    for (const a of appointments) {
      const key = `${a.providerId}:${dayOf(a.startsAt, zone)}`;
      const startMinute = minuteOf(a.startsAt, zone);
      const endMinute = startMinute + Math.max(5, Math.round((Date.parse(a.endsAt) - Date.parse(a.startsAt)) / 60_000));
      map.set(key, [...(map.get(key) ?? []), { appointment: a, startMinute, endMinute }]);
    }
    return map;
  }, [appointments, zone]);

  // One block is in the Tab order (a roving tab stop): the selected one, else the next patient expected.
  const tabStopId = useMemo(() => {
    const order = deskOrder(appointments);
    return order.some((a) => a.id === selectedId) ? selectedId : (nextExpected(order, now)?.id ?? null);
  }, [appointments, selectedId, now]);

  const [dayStart, dayEnd] = visibleHours([...columns.flatMap((c) => c.open), ...[...byColumn.values()].flat().map((b): MinuteSpan => [b.startMinute, b.endMinute])]);
  const minutes = dayEnd - dayStart;
  const ppm = Math.max(MIN_PX_PER_MINUTE, (height - HEADER_PX - 2) / minutes);
  const columnByKey = new Map(columns.map((c) => [c.key, c]));
  const [resizing, setResizing] = useState<{ id: number; minutes: number } | null>(null);
  const armedId = usePinboard((s) => s.armedId);

  const drag = useBlockDrag({
    pxPerMinute: ppm,
    dayStart,
    columnAt: (x) => {
      for (const el of bodyRef.current?.querySelectorAll<HTMLElement>('[data-column-key]') ?? []) {
        const r = el.getBoundingClientRect();
        if (x >= r.left && x < r.right) return { key: el.dataset.columnKey ?? '', top: r.top };
      }
      return null;
    },
    canDrag: (a) => canMove && a.status !== 'cancelled' && a.status !== 'no_show' && a.status !== 'completed',
    onClick: onOpen,
    onDrop: async (a, key, minute) => {
      const column = columnByKey.get(key);
      if (column) await onMove(a, column, minute);
      // Dropped on another doctor or day, the block is drawn anew there: the focus follows it.
      requestAnimationFrame(() => focusIsLost() && bodyRef.current?.querySelector<HTMLElement>(`[data-appointment-id="${a.id}"]`)?.focus({ preventScroll: true }));
    },
  });

  // When the day is taller than the screen, open it at the hour before now (or the first open hour).
  const scrolled = useRef(false);
  useLayoutEffect(() => {
    const el = bodyRef.current;
    if (!el || scrolled.current || el.scrollHeight <= el.clientHeight) return;
    scrolled.current = true;
    const today = columns.some((c) => c.date === dayOf(now, zone));
    // On the hour: half a block cut off under the column heads reads as a different time.
    const target = today ? Math.floor((minuteOf(now, zone) - 60) / 60) * 60 : Math.min(...columns.flatMap((c) => c.open.map(([s]) => s)), dayEnd);
    // A little above the hour line, so that hour's label (drawn across the line) is not cut by the column heads.
    el.scrollTop = Math.max(0, (target - dayStart) * ppm - HOUR_LABEL_ROOM_PX);
  });

  const hours: number[] = [];
  for (let m = dayStart; m < dayEnd; m += 60) hours.push(m);
  const nowDay = dayOf(now, zone);
  // A week's columns are days: today's head says so in words (in the day view every column is the same day).
  const week = columns.some((c) => c.date !== columns[0]?.date);
  const nowMinute = minuteOf(now, zone);

  const clickEmpty = (column: GridColumn, e: MouseEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget && !(e.target as HTMLElement).classList.contains('col-shade')) return;
    const y = e.clientY - e.currentTarget.getBoundingClientRect().top;
    onEmptySlot(column, dayStart + Math.floor(y / ppm / SNAP_MINUTES) * SNAP_MINUTES);
  };
  // With a pinned card chosen, the free time under the pointer shows where it would land.
  const hoverEmpty = (column: GridColumn, e: MouseEvent<HTMLDivElement>) => {
    if (armedId === null) return;
    const free = e.target === e.currentTarget || (e.target as HTMLElement).classList.contains('col-shade');
    const y = e.clientY - e.currentTarget.getBoundingClientRect().top;
    usePinboard.getState().setDrop(free ? { id: armedId, columnKey: column.key, startMinute: dayStart + Math.floor(y / ppm / SNAP_MINUTES) * SNAP_MINUTES } : null);
  };

  return (
    <div className={`cal-grid${armedId !== null ? ' cal-placing' : ''}`} ref={bodyRef} style={{ '--cols': columns.length } as CSSProperties}>
      <div className="cal-head" style={{ height: HEADER_PX }}>
        <div className="cal-axis-head" />
        {columns.map((c) => (
          <div key={c.key} className={`cal-col-head${week && c.date === nowDay ? ' cal-col-head-today' : ''}`} style={{ '--provider': c.color } as CSSProperties} title={c.sublabel ? `${c.label} · ${c.sublabel}` : c.label} aria-current={week && c.date === nowDay ? 'date' : undefined}>
            <span className="cal-col-title">{c.label}</span>
            {week && c.date === nowDay && <span className="cal-col-sub cal-today-word">Today</span>}
            {c.sublabel && <span className="cal-col-sub">{c.sublabel}</span>}
          </div>
        ))}
      </div>
      <div className="cal-body" style={{ height: minutes * ppm }} data-ppm={ppm} data-day-start={dayStart}>
        <div className="cal-axis" aria-hidden="true">
          {hours.map((m) => (
            <div key={m} className="cal-hour-label" style={{ top: (m - dayStart) * ppm }}>
              {hhmm(m)}
            </div>
          ))}
        </div>
        {columns.map((c) => {
          const placed = placeBlocks(byColumn.get(c.key) ?? []);
          const away = timeOff
            .filter((t) => t.providerId === null || t.providerId === c.providerId)
            .map((t) => {
              const from = Math.max(dayStart, Date.parse(t.startsAt) <= instantAt(c.date, 0, zone) ? 0 : minuteOf(t.startsAt, zone));
              const to = Math.min(dayEnd, Date.parse(t.endsAt) >= instantAt(c.date, 24 * 60, zone) ? 24 * 60 : minuteOf(t.endsAt, zone));
              return { t, from, to };
            })
            .filter(({ t, from, to }) => to > from && Date.parse(t.startsAt) < instantAt(c.date, 24 * 60, zone) && Date.parse(t.endsAt) > instantAt(c.date, 0, zone));
          return (
            <div
              key={c.key}
              className="cal-col"
              data-column-key={c.key}
              data-date={c.date}
              data-provider-id={c.providerId}
              aria-label={`${c.providerName}, ${c.label}${c.open.length ? `, open ${c.open.map(([s, e]) => `${hhmm(s)} to ${hhmm(e)}`).join(' and ')}` : ', not working'}`}
              role="group"
              onClick={(e) => clickEmpty(c, e)}
              onMouseMove={(e) => hoverEmpty(c, e)}
              onMouseLeave={() => armedId !== null && usePinboard.getState().setDrop(null)}
            >
              {hours.map((m) => (
                <div key={m} className="cal-hour-line" style={{ top: (m - dayStart) * ppm }} />
              ))}
              {closedSpans(c.open, dayStart, dayEnd).map(([s, e]) => (
                <div key={s} className="col-shade" style={{ top: (s - dayStart) * ppm, height: (e - s) * ppm }} />
              ))}
              {away.map(({ t, from, to }) => (
                <div key={t.id} className="col-away" style={{ top: (from - dayStart) * ppm, height: (to - from) * ppm }}>
                  {t.providerId === null ? 'Clinic closed' : 'Away'}
                  {t.reason ? ` · ${t.reason}` : ''}
                </div>
              ))}
              {c.date === nowDay && nowMinute >= dayStart && nowMinute <= dayEnd && (
                <div className="cal-now" style={{ top: (nowMinute - dayStart) * ppm }} aria-label={`Now ${hhmm(nowMinute)}`} />
              )}
              {draft && draft.providerId === c.providerId && dayOf(draft.startsAt, zone) === c.date && (
                <div className="appt-draft" style={{ top: (minuteOf(draft.startsAt, zone) - dayStart) * ppm + 1, height: Math.max(12, draft.minutes * ppm - 2) }} aria-hidden="true">
                  New · {hhmm(minuteOf(draft.startsAt, zone))}
                </div>
              )}
              {placed.map((b) => {
                const p = drag.preview?.id === b.appointment.id ? drag.preview : null;
                if (p && p.columnKey !== c.key) return null;
                const start = p ? p.startMinute : b.startMinute;
                const length = resizing?.id === b.appointment.id ? resizing.minutes : b.endMinute - b.startMinute;
                const heightPx = Math.max(16, length * ppm - 2);
                const pinned = pinnedIds.has(b.appointment.id);
                const position = {
                  top: (start - dayStart) * ppm + 1,
                  left: p ? '2px' : `calc(${(b.lane / b.lanes) * 100}% + 2px)`,
                  width: p ? 'calc(100% - 6px)' : `calc(${100 / b.lanes}% - 6px)`,
                };
                const resizable = canMove && !pinned && !p && (b.appointment.status === 'booked' || b.appointment.status === 'confirmed');
                return (
                  <Fragment key={b.appointment.id}>
                    <AppointmentBlock
                      appointment={b.appointment}
                      zone={zone}
                      now={now}
                      color={c.color}
                      providerName={c.providerName}
                      selected={selectedId === b.appointment.id}
                      tabStop={tabStopId === b.appointment.id}
                      dragging={p !== null}
                      compact={heightPx < 34}
                      pinned={pinned}
                      style={{ ...position, height: heightPx }}
                      onPointerDown={(e) => drag.start(e, b.appointment, b.startMinute, c.key)}
                      onOpen={() => onOpen(b.appointment)}
                      onFocus={() => selectedId !== b.appointment.id && onSelect(b.appointment)}
                    />
                    {resizable && (
                      <BlockResizeHandle
                        label={`the ${hhmm(b.startMinute)} appointment`}
                        startMinute={b.startMinute}
                        minutes={b.endMinute - b.startMinute}
                        pxPerMinute={ppm}
                        selected={selectedId === b.appointment.id}
                        style={{ ...position, top: position.top + heightPx - 6 }}
                        onPreview={(m) => setResizing(m === null ? null : { id: b.appointment.id, minutes: m })}
                        onResize={(m) => onResize(b.appointment, m)}
                      />
                    )}
                  </Fragment>
                );
              })}
              <PlacePreview column={c} dayStart={dayStart} ppm={ppm} />
              {drag.preview?.columnKey === c.key && !placed.some((b) => b.appointment.id === drag.preview?.id) && (
                <DraggedElsewhere preview={drag.preview} all={byColumn} dayStart={dayStart} ppm={ppm} zone={zone} now={now} color={c.color} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
