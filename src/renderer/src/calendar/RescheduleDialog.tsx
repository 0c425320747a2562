// Moving an appointment from the keyboard: a new day, time and (optionally) doctor, with the same checks as a drag.
import { useState, type FormEvent } from 'react';
import type { AppointmentDetail } from '../../../shared/scheduling-appointments';
import { roleAllows } from '../../../shared/roles';
import { ApiError, messageOf } from '../api/client';
import { useSession } from '../app/store';
import { Dialog } from '../ui/Dialog';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { reschedule } from './actions';
import { dayOf, isoAt, parseHhmm, timeLabel } from './clinic-time';
import { SeriesScope } from './SeriesScope';
import { useSchedulingRefs } from './useSchedulingRefs';

/** What the dialog needs of an appointment: the panel passes its detail, the pinboard a pinned card. */
type Movable = Pick<AppointmentDetail, 'id' | 'startsAt' | 'providerId' | 'patientName' | 'seriesId'>;

interface RescheduleDialogProps {
  appointment: Movable;
  /** The day to offer first (the pinboard offers the day on screen); defaults to the appointment's own day. */
  initialDate?: string;
  /** The toast's words and what Undo also does (a placed pin goes back on the pinboard). */
  done?: { message: string; afterUndo?: () => Promise<unknown> };
  onClose(): void;
}

export function RescheduleDialog({ appointment: a, initialDate, done, onClose }: RescheduleDialogProps) {
  const session = useSession();
  const zone = session.clinic.timeZone;
  const { refs } = useSchedulingRefs();
  const [startDate] = useState(initialDate ?? dayOf(a.startsAt, zone));
  const [date, setDate] = useState(startDate);
  const [time, setTime] = useState(timeLabel(a.startsAt, zone));
  const [providerId, setProviderId] = useState(a.providerId);
  const [scope, setScope] = useState<'this' | 'following'>('this');
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const canOverride = roleAllows(session.user.role, 'schedule.override');

  const save = async (override: boolean) => {
    const minute = parseHhmm(time);
    if (minute === null || !date) return setError('Enter the new day and a time written HH:MM, e.g. 14:30.');
    setBusy(true);
    try {
      await reschedule({ id: a.id, startsAt: isoAt(date, minute, zone), providerId: providerId === a.providerId ? undefined : providerId, scope, overrideDoubleBooking: override || undefined }, done);
      onClose();
    } catch (e) {
      setError(messageOf(e));
      setConflict(e instanceof ApiError && e.code === 'CONFLICT');
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };
  return (
    <Dialog title={`Move ${a.patientName}’s appointment`} onClose={onClose} dirty={date !== startDate || time !== timeLabel(a.startsAt, zone) || providerId !== a.providerId || scope !== 'this'}>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <TextField label="Day" type="date" value={date} onChange={(e) => setDate(e.target.value)} required autoFocus />
          <TextField label="Time" type="time" step={300} value={time} onChange={(e) => setTime(e.target.value)} required />
        </div>
        <SelectField label="Doctor" value={providerId} onChange={(e) => setProviderId(Number(e.target.value))} options={(refs?.providers.filter((p) => p.active) ?? []).map((p) => ({ value: String(p.id), label: p.name }))} />
        {a.seriesId !== null && <SeriesScope value={scope} onChange={setScope} verb="Move" />}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          {conflict && canOverride && (
            <button type="button" className="button button-danger" onClick={() => void save(true)} disabled={busy}>
              Move anyway (emergency)
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Keep the time
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Move appointment
          </button>
        </div>
      </form>
    </Dialog>
  );
}
