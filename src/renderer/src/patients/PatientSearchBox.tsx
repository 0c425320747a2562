// The search box: filters as you type; arrows and Enter drive the list below.
import { useEffect, useState, type KeyboardEvent } from 'react';
import { Kbd, MOD_LABEL } from '../ui/Kbd';
import { PATIENT_SEARCH_ID } from './search-focus';

// Typed searches go to main's ranked search (about a millisecond at 100,000 patients), so there is no
// reason to wait: a zero delay only lets a burst of keystrokes in one task collapse into one search.
const DEBOUNCE_MS = 0;

interface PatientSearchBoxProps {
  query: string;
  /** The list's selected row, announced while arrowing from the box. */
  activeId: string | undefined;
  onQuery(query: string): void;
  onListKey(e: KeyboardEvent<HTMLInputElement>): void;
}

export function PatientSearchBox({ query, activeId, onQuery, onListKey }: PatientSearchBoxProps) {
  const [text, setText] = useState(query);
  useEffect(() => {
    if (text === query) return;
    const timer = window.setTimeout(() => onQuery(text), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, query, onQuery]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape' && text) {
      e.preventDefault();
      setText('');
      onQuery('');
      return;
    }
    // Enter must act on what was typed, not on a result still on its way: search now, and the
    // list opens the top hit as soon as it arrives.
    if (e.key === 'Enter' && text !== query) onQuery(text);
    onListKey(e);
  };

  return (
    <div className="search-box">
      <label htmlFor={PATIENT_SEARCH_ID} className="visually-hidden">
        Search patients
      </label>
      <span className="search-icon" aria-hidden="true" />
      <input
        id={PATIENT_SEARCH_ID}
        className="input search-input"
        type="search"
        placeholder="Search by name, record no., phone or email"
        autoComplete="off"
        spellCheck={false}
        aria-keyshortcuts="Control+K /"
        aria-controls="patient-grid"
        aria-activedescendant={activeId}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <Kbd>{`${MOD_LABEL} K`}</Kbd>
    </div>
  );
}
