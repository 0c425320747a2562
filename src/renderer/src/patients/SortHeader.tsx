// The list's header row: each sortable column is a button that says how the list is sorted.
import type { PatientSort } from '../../../shared/patients';
import { useSession } from '../app/store';
import { COLUMNS, columnAllowed } from './columns';
import type { Direction } from './list-store';

export function SortHeader({ sort, direction, onSort }: { sort: PatientSort; direction: Direction; onSort(sort: PatientSort): void }) {
  const role = useSession().user.role;
  return (
    <div className="patient-row patient-header" role="row" aria-rowindex={1}>
      {COLUMNS.map((c) => {
        if (!columnAllowed(c, role)) return <div key={c.label} role="columnheader" aria-hidden="true" />;
        const active = c.sort === sort;
        return (
          <div key={c.label} role="columnheader" aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}>
            {c.sort ? (
              <button type="button" className={`sort-button${active ? ' is-active' : ''}`} onClick={() => c.sort && onSort(c.sort)}>
                {c.label}
                <span className="sort-arrow" aria-hidden="true">
                  {active ? (direction === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            ) : (
              <span className="header-label">{c.label}</span>
            )}
          </div>
        );
      })}
    </div>
  );
}
