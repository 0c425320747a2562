// The recurring option of a booking (every N weeks, until a date or a number of times) and, before anything
// is saved, the occurrences that clash — asked of main with appointments.previewSeries.
import { useEffect, useState } from 'react';
import type { SeriesPreview } from '../../../shared/scheduling-appointments';
import { api, messageOf, unwrap } from '../api/client';
import { dayTitle, dayOf, timeLabel } from './clinic-time';

export interface RepeatValue {
  on: boolean;
  everyWeeks: number;
  end: 'count' | 'until';
  count: number;
  until: string;
}

export const NO_REPEAT: RepeatValue = { on: false, everyWeeks: 1, end: 'count', count: 6, until: '' };

export function repeatRule(r: RepeatValue) {
  if (!r.on) return undefined;
  return r.end === 'count' ? { everyWeeks: r.everyWeeks, count: r.count } : { everyWeeks: r.everyWeeks, until: r.until };
}

interface RepeatFieldsProps {
  value: RepeatValue;
  onChange(v: RepeatValue): void;
  /** What would be booked; null while the form is incomplete. */
  booking: { providerId: number; typeId: number | null; startsAt: string; patientId: number } | null;
  zone: string;
  error?: string;
}

export function RepeatFields({ value, onChange, booking, zone, error }: RepeatFieldsProps) {
  const [preview, setPreview] = useState<SeriesPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const rule = repeatRule(value);
  const key = JSON.stringify([booking, rule]);
  useEffect(() => {
    setPreview(null);
    if (!booking || !rule || (rule.until !== undefined && !rule.until)) return;
    let live = true;
    const timer = window.setTimeout(() => {
      unwrap(api.appointments.previewSeries({ ...booking, repeat: rule }))
        .then((p) => {
          if (!live) return;
          setPreview(p);
          setProblem(null);
        })
        .catch((e: unknown) => live && setProblem(messageOf(e)));
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // The key stands for booking and rule, which are fresh objects on every render.
  }, [key]);

  const set = (patch: Partial<RepeatValue>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="repeat-fields">
      <label className="checkbox">
        <input type="checkbox" checked={value.on} onChange={(e) => set({ on: e.target.checked })} /> Repeat this appointment
      </label>
      {value.on && (
        <div className="repeat-grid">
          <label className="repeat-inline">
            Every
            <input className="input input-narrow" type="number" min={1} max={12} value={value.everyWeeks} onChange={(e) => set({ everyWeeks: Math.max(1, Number(e.target.value) || 1) })} aria-label="Every how many weeks" />
            week(s)
          </label>
          <label className="repeat-inline">
            <input type="radio" name="repeat-end" aria-label="End after a number of appointments" checked={value.end === 'count'} onChange={() => set({ end: 'count' })} />
            <input className="input input-narrow" type="number" min={2} max={104} value={value.count} onChange={(e) => set({ end: 'count', count: Number(e.target.value) || 2 })} aria-label="Number of appointments" />
            times
          </label>
          <label className="repeat-inline">
            <input type="radio" name="repeat-end" aria-label="End on a date" checked={value.end === 'until'} onChange={() => set({ end: 'until' })} />
            until
            <input className="input" type="date" value={value.until} onChange={(e) => set({ end: 'until', until: e.target.value })} aria-label="Repeat until" />
          </label>
        </div>
      )}
      {value.on && preview && (
        <div className={preview.clashCount ? 'series-preview series-clash' : 'series-preview'} role="status">
          {preview.clashCount === 0 ? (
            <p>All {preview.occurrences.length} appointments are free.</p>
          ) : (
            <>
              <p>
                <strong>
                  {preview.clashCount} of {preview.occurrences.length} clash
                </strong>{' '}
                — change the time or the pattern before booking:
              </p>
              <ul>
                {preview.occurrences
                  .filter((o) => o.clashes.length)
                  .slice(0, 8)
                  .map((o) => (
                    <li key={o.index}>
                      {dayTitle(dayOf(o.startsAt, zone), 'short')} {timeLabel(o.startsAt, zone)}: {o.clashes[0]?.message}
                    </li>
                  ))}
              </ul>
            </>
          )}
        </div>
      )}
      {(error ?? problem) && <p className="field-error">{error ?? problem}</p>}
    </fieldset>
  );
}
