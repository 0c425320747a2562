// A doctor's week: working hours and breaks per weekday, each weekly or every N weeks from an anchor week.
// The whole week is saved at once (providers.hoursSet), so the form is the week as it will be.
import { useEffect, useState } from 'react';
import { WEEKDAY_LABELS, type WorkingHoursRowInput } from '../../../shared/scheduling';
import { api, ApiError, messageOf, unwrap } from '../api/client';
import { useSession } from '../app/store';
import { forgetSchedulingRefs } from '../calendar/useSchedulingRefs';
import { mondayOf } from '../calendar/clinic-time';
import { todayIn } from '../format/dates';
import { toast } from '../ui/toasts';
import { useProviders } from './useProviders';
import { DataTable } from '../ui/DataTable';

type Row = { kind: 'work' | 'break'; weekday: number; start: string; end: string; everyWeeks: number; anchorDate: string };

export function HoursTab() {
  const zone = useSession().clinic.timeZone;
  const { providers } = useProviders();
  const [providerId, setProviderId] = useState<number | null>(null);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const chosen = providerId ?? providers?.[0]?.id ?? null;
  const thisMonday = mondayOf(todayIn(zone));

  useEffect(() => {
    if (chosen === null) return;
    setRows(null);
    unwrap(api.providers.hoursGet({ providerId: chosen }))
      .then((h) => setRows(h.map((r) => ({ kind: r.kind, weekday: r.weekday, start: r.start, end: r.end, everyWeeks: r.everyWeeks, anchorDate: r.anchorDate }))))
      .catch((e: unknown) => setFormError(messageOf(e)));
  }, [chosen]);

  const change = (i: number, patch: Partial<Row>) => setRows((rs) => rs?.map((r, j) => (j === i ? { ...r, ...patch } : r)) ?? null);
  const add = (kind: Row['kind']) => setRows((rs) => [...(rs ?? []), { kind, weekday: 1, start: kind === 'work' ? '09:00' : '12:30', end: kind === 'work' ? '17:00' : '13:30', everyWeeks: 1, anchorDate: thisMonday }]);
  const save = async () => {
    if (chosen === null || !rows) return;
    const input: WorkingHoursRowInput[] = rows.map((r) => ({ ...r, anchorDate: r.anchorDate || thisMonday }));
    try {
      await unwrap(api.providers.hoursSet({ providerId: chosen, rows: input }));
      forgetSchedulingRefs();
      setErrors({});
      setFormError(null);
      toast('Working hours saved.');
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length) setErrors(e.fields);
      setFormError(messageOf(e));
    }
  };
  const sorted = rows?.map((r, i) => ({ r, i })).sort((a, b) => a.r.weekday - b.r.weekday || a.r.start.localeCompare(b.r.start)) ?? [];

  return (
    <div className="sched-section">
      <div className="toolbar sched-toolbar">
        <label className="field">
          <span className="field-label">Doctor</span>
          <select className="input select" value={chosen ?? ''} onChange={(e) => setProviderId(Number(e.target.value))}>
            {providers?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" onClick={() => add('work')}>
          Add hours
        </button>
        <button type="button" className="button" onClick={() => add('break')}>
          Add a break
        </button>
        <button type="button" className="button button-primary" onClick={() => void save()} disabled={!rows}>
          Save week
        </button>
      </div>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      {rows?.length === 0 && <p className="section-empty">No working hours yet: this doctor cannot be booked until you add some.</p>}
      {rows && rows.length > 0 && (
        <DataTable label="Working hours" columns={['Day', 'Kind', 'From', 'To', 'Repeats', 'Starting the week of']} actionsLabel="Remove" className="hours-table">
          {sorted.map(({ r, i }) => {
            const err = (f: string) => errors[`rows.${i}.${f}`];
            return (
              <tr key={i} className={r.kind === 'break' ? 'hours-break' : undefined}>
                <td>
                  <select className="input select" aria-label="Day" value={r.weekday} onChange={(e) => change(i, { weekday: Number(e.target.value) })}>
                    {WEEKDAY_LABELS.slice(1).map((w, d) => (
                      <option key={w} value={d + 1}>
                        {w}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select className="input select" aria-label="Kind" value={r.kind} onChange={(e) => change(i, { kind: e.target.value === 'break' ? 'break' : 'work' })}>
                    <option value="work">Working</option>
                    <option value="break">Break</option>
                  </select>
                </td>
                <td>
                  <input className="input" type="time" step={300} aria-label="From" value={r.start} onChange={(e) => change(i, { start: e.target.value })} aria-invalid={err('start') ? true : undefined} title={err('start')} />
                </td>
                <td>
                  <input className="input" type="time" step={300} aria-label="To" value={r.end} onChange={(e) => change(i, { end: e.target.value })} aria-invalid={err('end') ? true : undefined} title={err('end')} />
                  {err('end') && <p className="field-error">{err('end')}</p>}
                </td>
                <td>
                  <select className="input select" aria-label="Repeats" value={r.everyWeeks} onChange={(e) => change(i, { everyWeeks: Number(e.target.value) })}>
                    <option value={1}>Every week</option>
                    {[2, 3, 4, 6, 8].map((n) => (
                      <option key={n} value={n}>
                        Every {n} weeks
                      </option>
                    ))}
                  </select>
                </td>
                <td>{r.everyWeeks > 1 ? <input className="input" type="date" aria-label="Starting the week of" value={r.anchorDate} onChange={(e) => change(i, { anchorDate: e.target.value })} /> : <span className="muted">—</span>}</td>
                <td>
                  <div className="row-actions">
                    <button type="button" className="button button-small" onClick={() => setRows((rs) => rs?.filter((_, j) => j !== i) ?? null)} aria-label={`Remove ${WEEKDAY_LABELS[r.weekday]} ${r.start}–${r.end}`}>
                      Remove
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </div>
  );
}
