// On the page of a record that was merged away: where the patient's record lives now, one click away —
// so nobody restores the duplicate and starts booking on it again.
import { useEffect, useState } from 'react';
import type { MergedInto } from '../../../../shared/search';
import { api, unwrap } from '../../api/client';
import { useApp } from '../../app/store';

export function MergedBanner({ patientId, archived }: { patientId: number; archived: boolean }) {
  const navigate = useApp((s) => s.navigate);
  const [into, setInto] = useState<MergedInto | null>(null);
  useEffect(() => {
    if (!archived) return setInto(null);
    let current = true;
    unwrap(api.patients.mergedInto({ id: patientId }))
      .then((r) => current && setInto(r))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [patientId, archived]);
  if (!into) return null;
  return (
    <div className="banner banner-warning" role="status">
      <span>
        <strong>Merged.</strong> This record was merged into <span className="mono">{into.keptMrn}</span>; its appointments and payments are there now.
      </span>
      <button type="button" className="button button-small" onClick={() => navigate({ name: 'patient', id: into.keptId })}>
        Open {into.keptMrn}
      </button>
    </div>
  );
}
