// "Next available": the next openings across doctors (or one doctor) for a type; a number key books one.
import { useEffect, useState } from 'react';
import type { AppointmentType, Provider } from '../../../shared/scheduling';
import type { FreeSlot } from '../../../shared/scheduling-appointments';
import { api, messageOf, unwrap } from '../api/client';
import { useSession } from '../app/store';
import { Dialog } from '../ui/Dialog';
import { Kbd } from '../ui/Kbd';
import { SelectField } from '../ui/SelectField';
import { dayOf, dayTitle, timeLabel } from './clinic-time';
import { useCalendar } from './store';

const SHOWN = 9;

export function FinderDialog({ providers, types, onClose }: { providers: Provider[]; types: AppointmentType[]; onClose(): void }) {
  const zone = useSession().clinic.timeZone;
  const panel = useCalendar((s) => s.panel);
  // The booking in progress as chosen in its panel (a patient just added there included), not as it was opened:
  // a slot booked from here keeps them, as a click on another free slot does.
  const booking = panel?.kind === 'booking' ? { ...panel.prefill, ...useCalendar.getState().bookingChoice } : null;
  const patient = booking?.patient;
  const [typeId, setTypeId] = useState<number | null>(booking ? (booking.typeId ?? types[0]?.id ?? null) : (types[0]?.id ?? null));
  const [providerId, setProviderId] = useState<number | null>(null);
  const [slots, setSlots] = useState<FreeSlot[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setSlots(null);
    unwrap(api.slots.find({ typeId: typeId ?? undefined, durationMinutes: typeId === null ? 15 : undefined, providerId: providerId ?? undefined, from: new Date().toISOString(), limit: SHOWN }))
      .then((s) => {
        if (!live) return;
        setSlots(s);
        setError(null);
      })
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [typeId, providerId]);

  const book = (slot: FreeSlot) => useCalendar.getState().openBooking({ patient, providerId: slot.providerId, typeId, startsAt: slot.startsAt });

  return (
    <Dialog title="Next available" description={patient ? `Press a number to book that opening for ${patient.name}.` : 'Press a number to book that opening.'} onClose={onClose} size="medium">
      <div
        className="finder"
        onKeyDown={(e) => {
          const n = Number(e.key);
          if (!Number.isInteger(n) || n < 1 || n > 9 || e.ctrlKey || e.metaKey || e.altKey) return;
          const slot = slots?.[n - 1];
          if (!slot) return;
          e.preventDefault();
          book(slot);
        }}
      >
        <div className="form-grid">
          <SelectField label="Type" value={typeId ?? ''} onChange={(e) => setTypeId(e.target.value ? Number(e.target.value) : null)} options={[...types.map((t) => ({ value: String(t.id), label: `${t.name} · ${t.durationMinutes} min` })), { value: '', label: 'Other (15 min)' }]} autoFocus />
          <SelectField label="Doctor" value={providerId ?? ''} onChange={(e) => setProviderId(e.target.value ? Number(e.target.value) : null)} options={[{ value: '', label: 'Any doctor' }, ...providers.map((p) => ({ value: String(p.id), label: p.name }))]} />
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {slots === null && !error && <div className="finder-loading" aria-busy="true" />}
        {slots?.length === 0 && <p className="section-empty">No free time in the next four weeks. Try another type or doctor.</p>}
        {slots && slots.length > 0 && (
          <ol className="finder-list" aria-label="Openings">
            {slots.map((s, i) => (
              <li key={`${s.providerId}-${s.startsAt}`}>
                <button type="button" className="finder-slot" onClick={() => book(s)} aria-keyshortcuts={String(i + 1)}>
                  <Kbd>{String(i + 1)}</Kbd>
                  <span className="finder-when">
                    {dayTitle(dayOf(s.startsAt, zone), 'short')} · {timeLabel(s.startsAt, zone)}–{timeLabel(s.endsAt, zone)}
                  </span>
                  <span className="finder-who">
                    <span className="doctor-swatch" style={{ background: providers.find((p) => p.id === s.providerId)?.color }} aria-hidden="true" />
                    {s.providerName}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
