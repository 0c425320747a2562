// The audit log: who did what to which record and when, newest first, in the clinic's time zone.
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/audit';
import type { StaffMember } from '../../../shared/staff';
import { api, messageOf, unwrap } from '../api/client';
import { useSession } from '../app/store';
import { formatInstant } from '../format/dates';
import { EmptyState } from '../ui/EmptyState';
import { actionLabel, entityLabel } from './audit-labels';
import { AuditFilters, type AuditFilter } from './AuditFilters';

const PAGE = 50;

export function AuditScreen() {
  const { timeZone } = useSession().clinic;
  const [filter, setFilter] = useState<AuditFilter>({});
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ rows: AuditEntry[]; total: number } | null>(null);
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    unwrap(api.staff.list()).then(setStaff, () => setStaff([]));
  }, []);
  useEffect(() => {
    let current = true;
    unwrap(api.audit.list({ ...filter, offset, limit: PAGE }))
      .then((p) => current && (setPage(p), setError(null)))
      .catch((e: unknown) => current && setError(messageOf(e)));
    return () => {
      current = false;
    };
  }, [filter, offset]);

  const total = page?.total ?? 0;
  const changeFilter = (f: AuditFilter) => {
    setFilter(f);
    setOffset(0);
  };

  return (
    <div className="screen">
      <header className="screen-header">
        <div>
          <h1 className="screen-title">Audit log</h1>
          <p className="screen-subtitle">Every sign-in, change and record view, newest first. Times are in {timeZone}.</p>
        </div>
      </header>
      <AuditFilters filter={filter} staff={staff} onChange={changeFilter} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {page && page.total === 0 ? (
        <EmptyState title="Nothing matches these filters">Choose “Any” in a filter to widen the search.</EmptyState>
      ) : (
        <div className="table-card">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">User</th>
                <th scope="col">Action</th>
                <th scope="col">Record type</th>
                <th scope="col">Record id</th>
              </tr>
            </thead>
            <tbody>
              {page?.rows.map((e) => (
                <tr key={e.id}>
                  <td className="mono nowrap">{formatInstant(e.at, timeZone)}</td>
                  <td>{e.userName ?? <span className="muted">Unknown user</span>}</td>
                  <td>
                    <span className={`action-tag action-${e.action}`}>{actionLabel(e.action)}</span>
                  </td>
                  <td>{entityLabel(e.entity)}</td>
                  <td className="mono">{e.entityId ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > 0 && (
        <nav className="pager" aria-label="Audit log pages">
          <span className="muted">
            {offset + 1}–{Math.min(offset + PAGE, total)} of {total.toLocaleString()}
          </span>
          <button type="button" className="button button-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            Newer
          </button>
          <button type="button" className="button button-small" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            Older
          </button>
        </nav>
      )}
    </div>
  );
}
