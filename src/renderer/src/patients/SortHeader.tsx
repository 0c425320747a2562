// The list's header row: each sortable column is a button that says how the list is sorted.
import type { PatientSort } from '../../../shared/patients';
import { useSession } from '../app/store';
import { usePrivacy } from '../privacy/usePrivacy';
import { COLUMNS, columnAllowed } from './columns';
import type { Direction } from './list-store';

export function SortHeader({ sort, direction, onSort }: { sort: PatientSort; direction: Direction; onSort(sort: PatientSort): void }) {
  const role = useSession().user.role;
  const privacy = usePrivacy();
  return (
    <div className="patient-row patient-header" role="row" aria-rowindex={1}>
      {COLUMNS.map((c) => {
        const label = privacy.on && c.privateLabel ? c.privateLabel : c.label;
        if (!columnAllowed(c, role)) return <div key={c.label} role="columnheader" aria-hidden="true" />;
        const active = c.sort === sort;
        return (
          <div key={c.label} role="columnheader" aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}>
            {c.sort ? (
              <button type="button" className={`sort-button${active ? ' is-active' : ''}`} onClick={() => c.sort && onSort(c.sort)}>
                {label}
                <span className="sort-arrow" aria-hidden="true">
                  {active ? (direction === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            ) : (
              <span className="header-label">{label}</span>
            )}
          </div>
        );
      })}
    </div>
  );
}
