// Step 1 of a merge: find the other record — likely duplicates first, or any patient by search.
import { useEffect, useState } from 'react';
import type { Patient } from '../../../../shared/patients';
import { DUPLICATE_REASON_LABELS, type DuplicateCandidate, type PatientSearchHit } from '../../../../shared/search';
import { api, unwrap } from '../../api/client';
import { formatDate } from '../../format/dates';
import { usePrivacy } from '../../privacy/usePrivacy';
import { HitFacts, HitListName } from '../hit-parts';
import { useQuickSearch } from '../useQuickSearch';

interface Props {
  patient: Patient;
  today: string;
  onPick(id: number): void;
}

export function MergePicker({ patient, today, onPick }: Props) {
  const [query, setQuery] = useState('');
  const [likely, setLikely] = useState<DuplicateCandidate[]>([]);
  const search = useQuickSearch(query, { limit: 8, includeArchived: false });
  const privacy = usePrivacy();
  const hits: PatientSearchHit[] = search.hits.filter((h) => h.id !== patient.id);

  useEffect(() => {
    const { firstName, lastName, dateOfBirth, phone, email } = patient;
    unwrap(api.patients.findDuplicates({ firstName, lastName, dateOfBirth, phone, email: email ?? '', excludeId: patient.id }))
      .then((found) => setLikely(found.filter((d) => !d.archivedAt)))
      .catch(() => setLikely([]));
  }, [patient]);

  return (
    <div className="merge-pick">
      <label className="field-label" htmlFor="merge-search">
        Find the other record
      </label>
      <input
        id="merge-search"
        className="input"
        type="search"
        placeholder="Name, phone, record no. or date of birth"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="merge-picker" role="list" aria-label={query.trim() ? 'Matching patients' : 'Likely duplicates'}>
        {query.trim()
          ? hits.map((hit) => (
              <button key={hit.id} type="button" role="listitem" className="palette-row merge-option" onClick={() => onPick(hit.id)}>
                <span className="palette-hit-main">
                  <HitListName hit={hit} />
                </span>
                <HitFacts hit={hit} today={today} privacy={privacy} />
              </button>
            ))
          : likely.map((d) => (
              <button key={d.id} type="button" role="listitem" className="palette-row merge-option" onClick={() => onPick(d.id)}>
                <span className="palette-hit-main">
                  <span className="patient-name">
                    {d.lastName}, {d.firstName}
                  </span>
                  <span className="muted">{d.reasons.map((r) => DUPLICATE_REASON_LABELS[r]).join(' · ')}</span>
                </span>
                <span className="palette-hit-facts">
                  <span>{formatDate(d.dateOfBirth)}</span>
                  <span className="mono">{d.mrn}</span>
                </span>
              </button>
            ))}
        {query.trim() && search.answered === query && hits.length === 0 && <p className="palette-status">No other patient matches “{query.trim()}”.</p>}
        {!query.trim() && likely.length === 0 && <p className="palette-status">No likely duplicates found. Search for the other record above.</p>}
      </div>
    </div>
  );
}
