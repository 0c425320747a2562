// Choosing the patient for a booking: type a name, phone, record number or date of birth; ↑/↓ and Enter pick.
import { useEffect, useId, useState } from 'react';
import type { PatientSearchHit } from '../../../shared/search';
import { api, messageOf, unwrap } from '../api/client';
import { useSession } from '../app/store';
import { ageLabel, formatDate, todayIn } from '../format/dates';
import { usePrivacy } from '../privacy/usePrivacy';

export interface PickedPatient {
  id: number;
  name: string;
}

interface PatientPickerProps {
  value: PickedPatient | null;
  onChange(p: PickedPatient | null): void;
  error?: string;
  autoFocus?: boolean;
}

export function PatientPicker({ value, onChange, error, autoFocus }: PatientPickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<PatientSearchHit[]>([]);
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  // Privacy screen: names stay (they were typed), the date of birth gives way to the age (see search/hit-parts).
  const privacy = usePrivacy();
  const zone = useSession().clinic.timeZone;

  useEffect(() => {
    if (value || query.trim().length < 2) return setHits([]);
    let live = true;
    const timer = window.setTimeout(() => {
      unwrap(api.patients.search({ query, limit: 8 }))
        .then((r) => {
          if (!live) return;
          setHits(r.hits);
          setActive(0);
          setProblem(null);
        })
        .catch((e: unknown) => live && setProblem(messageOf(e)));
    }, 120);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query, value]);

  const pick = (h: PatientSearchHit) => {
    onChange({ id: h.id, name: `${h.firstName} ${h.lastName}` });
    setQuery('');
    setHits([]);
  };

  if (value)
    return (
      <div className="field">
        <span className="field-label">Patient</span>
        <div className="picked-patient">
          <strong>{value.name}</strong>
          <button type="button" className="button-link" onClick={() => onChange(null)}>
            Change
          </button>
        </div>
      </div>
    );

  const message = error ?? problem ?? undefined;
  return (
    <div className={`field patient-picker${message ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        Patient
      </label>
      <input
        id={id}
        className="input"
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={`${id}-list`}
        aria-activedescendant={hits[active] ? `${id}-${hits[active].id}` : undefined}
        aria-invalid={message ? true : undefined}
        autoComplete="off"
        placeholder="Name, phone, record no. or date of birth"
        value={query}
        autoFocus={autoFocus}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(hits.length - 1, i + 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
          else if (e.key === 'Enter' && hits[active]) pick(hits[active]);
          // Enter before the list has answered must not submit the booking without a patient.
          else if (e.key === 'Enter' && query.trim()) e.stopPropagation();
          // Esc closes the list of matches only: it must not reach the panel, which would drop the whole booking.
          else if (e.key === 'Escape' && hits.length > 0) {
            setHits([]);
            e.stopPropagation();
          } else return;
          e.preventDefault();
        }}
      />
      {hits.length > 0 && (
        <ul className="picker-list" role="listbox" id={`${id}-list`} aria-label="Matching patients">
          {hits.map((h, i) => (
            <li
              key={h.id}
              id={`${id}-${h.id}`}
              role="option"
              aria-selected={i === active}
              className="picker-option"
              onMouseDown={(e) => {
                e.preventDefault();
                pick(h);
              }}
            >
              <span className="picker-name">
                {h.firstName} {h.lastName}
              </span>
              <span className="muted">
                {privacy.on ? ageLabel(h.dateOfBirth, todayIn(zone)) : formatDate(h.dateOfBirth)} · {h.mrn}
              </span>
            </li>
          ))}
        </ul>
      )}
      {query.trim().length >= 2 && hits.length === 0 && !problem && <p className="field-hint">No patient matches yet — keep typing, or add them from Patients.</p>}
      {message && <p className="field-error">{message}</p>}
    </div>
  );
}
