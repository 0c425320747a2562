// Appointment types with their default length and fee, and each doctor's own length or fee where it differs.
import { useCallback, useEffect, useState } from 'react';
import { formatMoney } from '../../../shared/payments-format';
import { MODE_LABELS, type AppointmentType } from '../../../shared/scheduling';
import { api, messageOf, unwrap } from '../api/client';
import { useSession } from '../app/store';
import { forgetSchedulingRefs } from '../calendar/useSchedulingRefs';
import { OverridesTable } from './OverridesTable';
import { TypeDialog } from './TypeDialog';
import { DataTable } from '../ui/DataTable';

export function TypesTab() {
  const currency = useSession().clinic.currency;
  const [types, setTypes] = useState<AppointmentType[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<AppointmentType | 'new' | null>(null);
  const reload = useCallback(() => {
    forgetSchedulingRefs();
    unwrap(api.appointmentTypes.list({ includeInactive: true }))
      .then(setTypes)
      .catch((e: unknown) => setError(messageOf(e)));
  }, []);
  useEffect(reload, [reload]);

  return (
    <div className="sched-section">
      <div className="toolbar sched-toolbar">
        <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
          Add appointment type
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {types && types.length > 0 && (
        <DataTable label="Appointment types" columns={['Type', 'Length', 'Fee', 'Visit', 'Status']} actionsLabel="Actions">
          {types.map((t) => (
            <tr key={t.id} className={t.active ? undefined : 'is-inactive'}>
              <th scope="row">{t.name}</th>
              <td>{t.durationMinutes} min</td>
              <td>{formatMoney(t.fee, currency)}</td>
              <td>{MODE_LABELS[t.mode]}</td>
              <td>{t.active ? 'In use' : 'Retired'}</td>
              <td>
                <div className="row-actions">
                  <button type="button" className="button button-small" onClick={() => setEditing(t)} aria-label={`Edit ${t.name}`}>
                    Edit
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {types?.length === 0 && <p className="section-empty">No appointment types yet. Add one, e.g. “Consultation, 20 minutes”.</p>}
      {types && types.length > 0 && <OverridesTable />}
      {editing && (
        <TypeDialog
          type={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </div>
  );
}
