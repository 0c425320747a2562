// The doctors: name, specialization, experience, fee, colour, linked staff account, active; add and edit.
import { useState } from 'react';
import { formatMoney } from '../../../shared/payments-format';
import type { Provider } from '../../../shared/scheduling';
import { useSession } from '../app/store';
import { EmptyState } from '../ui/EmptyState';
import { ProviderDialog } from './ProviderDialog';
import { useProviders } from './useProviders';
import { DataTable } from '../ui/DataTable';

export function ProvidersTab() {
  const currency = useSession().clinic.currency;
  const { providers, error, reload } = useProviders();
  const [editing, setEditing] = useState<Provider | 'new' | null>(null);
  return (
    <div className="sched-section">
      <div className="toolbar sched-toolbar">
        <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
          Add doctor
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {providers?.length === 0 && (
        <EmptyState title="No doctors yet" action={<button type="button" className="button button-primary" onClick={() => setEditing('new')}>Add the first doctor</button>}>
          Each doctor gets a column in the day book. Add them here, then set their working hours.
        </EmptyState>
      )}
      {providers && providers.length > 0 && (
        <DataTable label="Doctors" columns={['Doctor', 'Specialization', 'Experience', 'Consultation fee', 'Status']} actionsLabel="Actions">
          {providers.map((p) => (
            <tr key={p.id} className={p.active ? undefined : 'is-inactive'}>
              <th scope="row">
                <span className="doctor-swatch" style={{ background: p.color }} aria-hidden="true" /> {p.name}
              </th>
              <td>{p.specialization ?? '—'}</td>
              <td>{p.yearsOfExperience === null ? '—' : `${p.yearsOfExperience} years`}</td>
              <td>{formatMoney(p.consultationFee, currency)}</td>
              <td>{p.active ? 'Takes appointments' : 'Inactive (history kept)'}</td>
              <td>
                <div className="row-actions">
                  <button type="button" className="button button-small" onClick={() => setEditing(p)} aria-label={`Edit ${p.name}`}>
                    Edit
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {editing && (
        <ProviderDialog
          provider={editing === 'new' ? null : editing}
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
