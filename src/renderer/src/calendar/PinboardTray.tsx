// The pinboard beside the day book: appointments lifted off their slot, waiting to be placed on another day.
// Drag a card onto free time, or choose it and click free time, or "Place…" to type the day and time.
import { useEffect, useState, type CSSProperties } from 'react';
import type { PinnedAppointment } from '../../../shared/pinboard';
import { useSession } from '../app/store';
import { usePrivacy } from '../privacy/usePrivacy';
import { Kbd, MOD_LABEL } from '../ui/Kbd';
import { dayOf, dayTitle, timeLabel } from './clinic-time';
import { lengthOf } from './move-actions';
import { pinAppointment, unpinAppointment, usePinboard } from './pinboard-store';
import { RescheduleDialog } from './RescheduleDialog';
import { useCalendar } from './store';
import { usePinDrag, type SlotUnderPointer } from './usePinDrag';

interface TrayProps {
  /** The day on screen: "Place…" starts there. */
  date: string;
  canWrite: boolean;
  onDrop(card: PinnedAppointment, slot: SlotUnderPointer): void;
}

export function PinboardTray({ date, canWrite, onDrop }: TrayProps) {
  const zone = useSession().clinic.timeZone;
  const cards = usePinboard((s) => s.cards);
  const armedId = usePinboard((s) => s.armedId);
  const error = usePinboard((s) => s.error);
  const version = useCalendar((s) => s.version);
  const [placing, setPlacing] = useState<PinnedAppointment | null>(null);
  const drag = usePinDrag(onDrop);
  // Privacy screen: initials on the cards, as on the blocks they came from, and in the Place… dialog's title.
  const privacy = usePrivacy();

  // Read on open, after every change at this desk (a placement by drag or dialog takes a card off) and every half
  // minute, like the day book, for changes made at other desks (a cancelled appointment leaves the board).
  useEffect(() => {
    const load = () => void usePinboard.getState().load();
    load();
    const timer = window.setInterval(load, 30_000);
    return () => window.clearInterval(timer);
  }, [version]);

  return (
    <section className="pinboard" aria-labelledby="pinboard-title">
      <h2 className="pinboard-title" id="pinboard-title">
        Pinboard {cards.length > 0 && <span className="pinboard-count">{cards.length}</span>}
      </h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {cards.length === 0 ? (
        <p className="pinboard-empty">
          To move an appointment to another day, select it and press <Kbd>X</Kbd> (or {MOD_LABEL}&nbsp;X). It waits here, and stays booked at its old time until you place it.
        </p>
      ) : (
        <ul className="pinboard-cards" aria-label="Pinned appointments">
          {cards.map((c) => {
            const armed = armedId === c.appointmentId;
            const was = `${dayTitle(dayOf(c.startsAt, zone), 'short')}, ${timeLabel(c.startsAt, zone)}`;
            return (
              <li key={c.appointmentId} className={`pin-card${armed ? ' pin-card-armed' : ''}`} style={{ '--provider': c.providerColor } as CSSProperties}>
                <button
                  type="button"
                  className="pin-card-main"
                  aria-pressed={armed}
                  aria-label={`${privacy.name(c.patientName)}, ${c.typeName ?? 'appointment'}, ${lengthOf(c)} minutes, pinned from ${was} with ${c.providerName}. ${armed ? 'Chosen: click a free time to place it.' : 'Choose, then click a free time, or drag it onto the day book.'}`}
                  disabled={!canWrite}
                  onPointerDown={(e) => canWrite && drag.start(e, c)}
                  onClick={() => !drag.wasDrag() && usePinboard.getState().arm(armed ? null : c.appointmentId)}
                >
                  <span className="pin-card-name">{privacy.name(c.patientName)}</span>
                  <span className="pin-card-meta">
                    {c.typeName ?? 'Appointment'} · {lengthOf(c)} min
                  </span>
                  <span className="pin-card-was">
                    <span className="doctor-swatch" aria-hidden="true" />
                    Was {was} · {c.providerName}
                  </span>
                  {armed && <span className="pin-card-hint">Click a free time to place it · Esc returns it</span>}
                </button>
                <div className="pin-card-actions">
                  <button type="button" className="button-link" onClick={() => {
                      useCalendar.getState().setDate(dayOf(c.startsAt, zone));
                      useCalendar.getState().select(c.appointmentId);
                    }}>
                    Show old slot
                  </button>
                  {canWrite && (
                    <>
                      <button type="button" className="button-link" onClick={() => setPlacing(c)}>
                        Place…
                      </button>
                      <button type="button" className="button-link" onClick={() => void unpinAppointment(c.appointmentId)}>
                        Unpin
                      </button>
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {drag.ghost && (
        <div className="pin-drag-ghost" style={{ left: drag.ghost.x + 12, top: drag.ghost.y + 8, '--provider': drag.ghost.card.providerColor } as CSSProperties} aria-hidden="true">
          {privacy.name(drag.ghost.card.patientName)} · {lengthOf(drag.ghost.card)} min
        </div>
      )}
      {placing && (
        <RescheduleDialog
          appointment={{ id: placing.appointmentId, startsAt: placing.startsAt, providerId: placing.providerId, patientName: privacy.name(placing.patientName), seriesId: null }}
          initialDate={date}
          done={{ message: 'Appointment placed.', afterUndo: () => pinAppointment(placing.appointmentId, true) }}
          onClose={() => setPlacing(null)}
        />
      )}
    </section>
  );
}
