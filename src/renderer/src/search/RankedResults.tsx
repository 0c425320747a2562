// The dashboard's search results: the best matches first (exact record no. / phone / email, then name
// prefix, contains, one typo), the matched part marked, and the last visit to tell namesakes apart.
import type { PatientSearchHit } from '../../../shared/search';
import { usePrivacy } from '../privacy/usePrivacy';
import { Highlighted } from './Highlighted';
import { HitBirth, HitListName, HitMrn, HitPhone, lastVisitText } from './hit-parts';
import { RANKED_LIMIT } from './useRankedPages';

interface RankedResultsProps {
  hits: PatientSearchHit[];
  selected: number;
  today: string;
  timeZone: string;
  onSelect(index: number): void;
  onOpen(id: number): void;
}

const HEADERS = ['Name', 'Record no.', 'Date of birth', 'Mobile phone', 'Last visit'];

export function RankedResults({ hits, selected, today, timeZone, onSelect, onOpen }: RankedResultsProps) {
  const privacy = usePrivacy();
  return (
    <div
      id="patient-grid"
      className="patient-table ranked-results"
      role="grid"
      aria-label="Patients"
      aria-rowcount={hits.length + 1}
      aria-activedescendant={hits.length > 0 ? `patient-row-${selected}` : undefined}
    >
      <div className="patient-row patient-header" role="row" aria-rowindex={1}>
        {HEADERS.map((h) => (
          <div key={h} role="columnheader">
            <span className="header-label">{h}</span>
          </div>
        ))}
      </div>
      <div className="patient-table-body" role="rowgroup">
        {hits.map((hit, index) => (
          <div
            key={hit.id}
            id={`patient-row-${index}`}
            className={`patient-row${index === selected ? ' is-selected' : ''}${hit.archivedAt ? ' is-archived' : ''}`}
            role="row"
            aria-rowindex={index + 2}
            aria-selected={index === selected}
            onClick={() => onOpen(hit.id)}
            onMouseMove={() => index !== selected && onSelect(index)}
            ref={index === selected ? (el) => el?.scrollIntoView({ block: 'nearest' }) : undefined}
          >
            <div role="gridcell" className="cell-name">
              <HitListName hit={hit} />
              {hit.matchedField === 'email' && hit.email && !privacy.on && (
                <span className="muted">
                  {' '}
                  · <Highlighted hit={hit} field="email" text={hit.email} />
                </span>
              )}
              {hit.archivedAt && <span className="tag">Archived</span>}
            </div>
            <div role="gridcell" className="cell-mono">
              <HitMrn hit={hit} />
            </div>
            <div role="gridcell">
              <HitBirth hit={hit} today={today} privacy={privacy} />
            </div>
            <div role="gridcell" className="cell-mono">
              <HitPhone hit={hit} privacy={privacy} />
            </div>
            <div role="gridcell" className="muted">
              {lastVisitText(hit, timeZone)}
            </div>
          </div>
        ))}
      </div>
      {hits.length >= RANKED_LIMIT && (
        <p className="ranked-note">Showing the best {RANKED_LIMIT} matches. Type more of the name, or a date of birth, to narrow them down.</p>
      )}
    </div>
  );
}
