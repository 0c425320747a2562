// Time off (holidays, sick days) for one doctor, and clinic-wide closures; booked appointments inside a new
// absence are counted so the desk knows to move them.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { TimeOff } from '../../../shared/scheduling';
import { api, ApiError, messageOf, unwrap } from '../api/client';
import { useSession } from '../app/store';
import { addDays, isoAt, parseHhmm, timeLabel, dayOf, dayTitle } from '../calendar/clinic-time';
import { todayIn } from '../format/dates';
import { toast } from '../ui/toasts';
import { useProviders } from './useProviders';
import { DataTable } from '../ui/DataTable';

export function TimeOffTab() {
  const zone = useSession().clinic.timeZone;
  const today = todayIn(zone);
  const { providers } = useProviders();
  const [list, setList] = useState<TimeOff[] | null>(null);
  const [who, setWho] = useState('');
  const [fromDay, setFromDay] = useState(today);
  const [fromTime, setFromTime] = useState('00:00');
  const [toDay, setToDay] = useState(today);
  const [toTime, setToTime] = useState('23:59');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    unwrap(api.timeOff.list({ from: isoAt(today, 0, zone), to: isoAt(addDays(today, 365), 0, zone) }))
      .then(setList)
      .catch((e: unknown) => setError(messageOf(e)));
  }, [today, zone]);
  useEffect(reload, [reload]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const s = parseHhmm(fromTime);
    const t = parseHhmm(toTime);
    if (s === null || t === null || !fromDay || !toDay) return setError('Enter both days and times written HH:MM.');
    try {
      const made = await unwrap(api.timeOff.create({ providerId: who ? Number(who) : null, startsAt: isoAt(fromDay, s, zone), endsAt: isoAt(toDay, t + (toTime === '23:59' ? 1 : 0), zone), reason: reason || null }));
      const n = made.clashingAppointmentIds.length;
      toast(n ? `Saved. ${n} booked appointment${n === 1 ? ' falls' : 's fall'} inside it — move ${n === 1 ? 'it' : 'them'} in the day book.` : 'Time off saved.', n ? 'info' : 'success');
      setReason('');
      setError(null);
      reload();
    } catch (err) {
      setError(err instanceof ApiError && Object.keys(err.fields).length ? Object.values(err.fields).join(' ') : messageOf(err));
    }
  };
  const remove = async (id: number) => {
    try {
      await unwrap(api.timeOff.remove({ id }));
      reload();
    } catch (e) {
      toast(messageOf(e), 'error');
    }
  };
  const nameOf = (id: number | null) => (id === null ? 'Whole clinic closed' : (providers?.find((p) => p.id === id)?.name ?? 'Doctor'));
  const when = (iso: string) => `${dayTitle(dayOf(iso, zone), 'short')} ${timeLabel(iso, zone)}`;

  return (
    <div className="sched-section">
      <form className="compact-form" onSubmit={add} aria-label="Add time off">
        <label className="field">
          <span className="field-label">Who</span>
          <select className="input select" value={who} onChange={(e) => setWho(e.target.value)}>
            <option value="">Whole clinic (closure)</option>
            {providers?.filter((p) => p.active).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">From</span>
          <input className="input" type="date" value={fromDay} onChange={(e) => setFromDay(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">at</span>
          <input className="input" type="time" value={fromTime} onChange={(e) => setFromTime(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Until</span>
          <input className="input" type="date" value={toDay} onChange={(e) => setToDay(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">at</span>
          <input className="input" type="time" value={toTime} onChange={(e) => setToTime(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Reason</span>
          <input className="input" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} placeholder="Holiday, training, bank holiday…" />
        </label>
        <button type="submit" className="button button-primary">
          Add time off
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {list?.length === 0 && <p className="section-empty">No time off or closures in the coming year.</p>}
      {list && list.length > 0 && (
        <DataTable label="Time off and closures" columns={['Who', 'From', 'Until', 'Reason']} actionsLabel="Remove">
          {list.map((t) => (
            <tr key={t.id}>
              <th scope="row">{nameOf(t.providerId)}</th>
              <td>{when(t.startsAt)}</td>
              <td>{when(t.endsAt)}</td>
              <td>{t.reason ?? '—'}</td>
              <td>
                <div className="row-actions">
                  <button type="button" className="button button-small" onClick={() => void remove(t.id)}>
                    Remove
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
