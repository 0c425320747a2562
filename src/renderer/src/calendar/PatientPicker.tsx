// Choosing the patient for a booking: type a name, phone, record number or date of birth; ↑/↓ and Enter pick.
// The last option adds someone new from what was typed, without leaving the booking.
import { useEffect, useId, useState } from 'react';
import type { PatientSearchHit } from '../../../shared/search';
import { api, messageOf, unwrap } from '../api/client';
import { useSession } from '../app/store';
import { ageLabel, formatDate, todayIn } from '../format/dates';
import { usePrivacy } from '../privacy/usePrivacy';
import { Kbd } from '../ui/Kbd';

export interface PickedPatient {
  id: number;
  name: string;
  /** A line under the chosen name, e.g. that they were just registered and their record number. */
  detail?: string;
}

interface PatientPickerProps {
  value: PickedPatient | null;
  onChange(p: PickedPatient | null): void;
  error?: string;
  autoFocus?: boolean;
  /** Register the person typed here as a new patient (the booking stays open beneath the form). */
  onAddNew?(typed: string): void;
}

/** The highlighted option: a match by its place in the list, the "add as new" option, or none yet. */
type Active = number | 'new' | null;

export function PatientPicker({ value, onChange, error, autoFocus, onAddNew }: PatientPickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<PatientSearchHit[]>([]);
  const [active, setActive] = useState<Active>(null);
  // Esc folds the list away (the booking stays); typing or ↓ brings it back.
  const [folded, setFolded] = useState(false);
  const [answered, setAnswered] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Privacy screen: names stay (they were typed), the date of birth gives way to the age (see search/hit-parts).
  const privacy = usePrivacy();
  const zone = useSession().clinic.timeZone;

  useEffect(() => {
    setAnswered(false);
    if (value || query.trim().length < 2) return setHits([]);
    let live = true;
    const timer = window.setTimeout(() => {
      unwrap(api.patients.search({ query, limit: 8 }))
        .then((r) => {
          if (!live) return;
          setHits(r.hits);
          setAnswered(true);
          // Someone already on "add as new" stays there; otherwise the best match is ready for Enter. With no match
          // nothing is highlighted: Enter alone never opens a new-patient form, only ↓ then Enter does.
          setActive((a) => (a === 'new' ? 'new' : r.hits.length > 0 ? 0 : null));
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
    setActive(null);
  };
  const typed = query.trim();
  // Offered even when the search failed: a search problem must not stand in the way of registering someone.
  const offersNew = onAddNew !== undefined && typed.length >= 2;
  const open = !folded && (hits.length > 0 || offersNew);
  // The list stays as it was: a cancelled form comes back to the same choices.
  const addNew = () => onAddNew?.(typed);
  const step = (by: 1 | -1) =>
    setActive((a) => {
      // The options in order: the matches, then "add as new" (when offered).
      const order: Active[] = [...hits.map((_, i) => i), ...(offersNew ? (['new'] as const) : [])];
      if (order.length === 0) return null;
      const at = a === null ? (by === 1 ? -1 : order.length) : order.indexOf(a);
      return order[Math.min(order.length - 1, Math.max(0, at + by))] ?? null;
    });
  const activeId = !open ? undefined : active === 'new' ? (offersNew ? `${id}-new` : undefined) : active !== null && hits[active] ? `${id}-${hits[active].id}` : undefined;

  if (value)
    return (
      <div className="field">
        <span className="field-label">Patient</span>
        <div className="picked-patient">
          <span className="picked-patient-who">
            <strong>{value.name}</strong>
            {value.detail && <span className="muted">{value.detail}</span>}
          </span>
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
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={activeId}
        aria-invalid={message ? true : undefined}
        autoComplete="off"
        placeholder="Name, phone, record no. or date of birth"
        value={query}
        autoFocus={autoFocus}
        onChange={(e) => {
          setQuery(e.target.value);
          setFolded(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && folded) setFolded(false);
          else if (e.key === 'ArrowDown') step(1);
          else if (e.key === 'ArrowUp') step(-1);
          else if (e.key === 'Enter' && open && active === 'new' && offersNew) addNew();
          else if (e.key === 'Enter' && open && typeof active === 'number' && hits[active]) pick(hits[active]);
          // Enter before the list has answered must not submit the booking without a patient.
          else if (e.key === 'Enter' && typed) e.stopPropagation();
          // Esc closes the list of matches only: it must not reach the panel, which would drop the whole booking.
          else if (e.key === 'Escape' && open) {
            setFolded(true);
            e.stopPropagation();
          } else return;
          e.preventDefault();
        }}
      />
      {open && (
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
          {offersNew && (
            // Named without the typed words, which the box itself already says, so a match's name stays unique to it.
            <li
              id={`${id}-new`}
              role="option"
              aria-selected={active === 'new'}
              aria-label="Add as a new patient"
              className="picker-option picker-add"
              onMouseDown={(e) => {
                e.preventDefault();
                addNew();
              }}
            >
              <span className="picker-name">
                <span className="picker-add-icon" aria-hidden="true">
                  +
                </span>
                <span className="picker-add-words">Add “{typed}” as a new patient</span>
                {/* How to get here from the box when it is the only option: Enter alone does not, so it says which keys do. */}
                {(active === 'new' || hits.length === 0) && <Kbd>{active === 'new' ? 'Enter' : '↓ Enter'}</Kbd>}
              </span>
              <span className="muted">{hits.length === 0 && answered ? 'No patient matches. ' : ''}This booking stays open.</span>
            </li>
          )}
        </ul>
      )}
      {!onAddNew && typed.length >= 2 && hits.length === 0 && !problem && <p className="field-hint">No patient matches yet — keep typing, or add them from Patients.</p>}
      {message && <p className="field-error">{message}</p>}
    </div>
  );
}
