// Editing a patient: the same form, prefilled; saving returns to their page. Each save names the version the form
// was filled from, so a record another desk changed meanwhile is refused rather than overwritten. A record merged
// into another takes no edits: the form points at the record kept, and can carry what was typed over to it.
import { useState } from 'react';
import type { Patient } from '../../../shared/patients';
import { api, unwrap } from '../api/client';
import { useApp, useSession } from '../app/store';
import { toast } from '../ui/toasts';
import { formValuesOf, fullName } from './patient-text';
import { PatientForm } from './PatientForm';
import { usePatient } from './usePatient';
import { useMergedInto } from './useMergedInto';

export function PatientEditScreen({ id }: { id: number }) {
  const session = useSession();
  const navigate = useApp((s) => s.navigate);
  const { patient, error } = usePatient(id);
  const mergedAtOpen = useMergedInto(id, patient?.archivedAt != null);
  /**
   * The record as the form was last filled from it, once that is no longer the one opened: their changes after a
   * refused save, or the record kept after this one was merged away. Saves go to its id, from its version.
   */
  const [loaded, setLoaded] = useState<Patient | null>(null);
  if (error)
    return (
      <div className="screen">
        <p className="form-error" role="alert">
          {error}
        </p>
      </div>
    );
  if (!patient || mergedAtOpen === undefined) return <div className="screen-loading" aria-busy="true" />;
  if (mergedAtOpen) {
    return (
      <div className="screen">
        <header className="screen-header">
          <h1 className="screen-title">Edit {fullName(patient)}</h1>
        </header>
        <div className="banner banner-warning" role="status">
          <span>
            <strong>Merged.</strong> This record was merged into <span className="mono">{mergedAtOpen.keptMrn}</span>, so it takes no changes. Edit the
            patient there.
          </span>
          <button type="button" className="button button-small" onClick={() => navigate({ name: 'patient-edit', id: mergedAtOpen.keptId })}>
            Edit {mergedAtOpen.keptMrn}
          </button>
        </div>
      </div>
    );
  }
  const record = loaded ?? patient;
  const reload = async (recordId: number) => {
    const latest = await unwrap(api.patients.get({ id: recordId }));
    setLoaded(latest);
    return formValuesOf(latest, session.clinic.country);
  };
  return (
    <PatientForm
      title={`Edit ${fullName(record)}`}
      submitLabel="Save changes"
      initial={formValuesOf(patient, session.clinic.country)}
      serverPrefix="fields."
      patientId={record.id}
      onSave={async (fields) => {
        await unwrap(api.patients.update({ id: record.id, fields, loadedUpdatedAt: record.updatedAt }));
        navigate({ name: 'patient', id: record.id });
        toast('Changes saved.');
      }}
      onLoadLatest={() => reload(record.id)}
      onFindKept={async () => {
        const kept = await unwrap(api.patients.mergedInto({ id: record.id }));
        return kept && { mrn: kept.keptMrn, load: () => reload(kept.keptId) };
      }}
      onCancel={() => navigate({ name: 'patient', id: record.id })}
    />
  );
}
