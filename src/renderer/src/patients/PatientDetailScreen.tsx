// A patient's page: identity strip, every field, appointments, and Edit / Archive / Restore.
import { useState } from 'react';
import { roleAllows } from '../../../shared/roles';
import { api, messageOf, unwrap } from '../api/client';
import { useApp, useSession } from '../app/store';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Kbd } from '../ui/Kbd';
import { useShortcut } from '../ui/shortcuts';
import { toast, useToasts } from '../ui/toasts';
import { PatientPaymentsSection } from '../payments/PatientPaymentsSection';
import { MergeAction } from '../search/merge/MergeAction';
import { MergedBanner } from '../search/merge/MergedBanner';
import { PatientQuickStats } from '../search/PatientQuickStats';
import { PrivacyCurtain } from '../privacy/PrivacyCurtain';
import { IdentityStrip } from './IdentityStrip';
import { PatientDetails } from './PatientDetails';
import { fullName } from './patient-text';
import { useMergedInto } from './useMergedInto';
import { usePatient } from './usePatient';

export function PatientDetailScreen({ id }: { id: number }) {
  const session = useSession();
  const navigate = useApp((s) => s.navigate);
  const { patient, error, setPatient } = usePatient(id);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const canWrite = roleAllows(session.user.role, 'patients.write');
  const { country, timeZone } = session.clinic;
  const mergedInto = useMergedInto(id, patient?.archivedAt != null);

  const edit = () => navigate({ name: 'patient-edit', id });
  useShortcut({ key: 'e' }, edit, canWrite && patient !== null);

  const restore = async () => {
    try {
      setPatient(await unwrap(api.patients.restore({ id })));
      toast('Patient restored to the active list.');
    } catch (e) {
      toast(messageOf(e), 'error');
    }
  };
  const archive = async () => {
    setPatient(await unwrap(api.patients.archive({ id })));
    setConfirmArchive(false);
    useToasts.getState().show({ message: 'Patient archived.', tone: 'success', action: { label: 'Undo', run: () => void restore() } });
  };

  if (error)
    return (
      <div className="screen">
        <p className="form-error" role="alert">
          {error}
        </p>
      </div>
    );
  if (!patient) return <div className="screen-loading" aria-busy="true" />;

  return (
    <div className="screen patient-detail">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <button type="button" className="button-link" onClick={() => navigate({ name: 'patients' })}>
          ← Patients
        </button>
      </nav>
      <MergedBanner patientId={id} archived={patient.archivedAt !== null} />
      {/* A merged-away record shows only where it lives now (MergedBanner): restoring it would split the patient. */}
      {patient.archivedAt && mergedInto === null && (
        <div className="banner banner-warning" role="status">
          <strong>Archived.</strong> This patient is hidden from the patient list. Restore them to book or edit again.
          {canWrite && (
            <button type="button" className="button button-small" onClick={() => void restore()}>
              Restore
            </button>
          )}
        </div>
      )}
      {/* Opened on purpose: shown in full even with the privacy screen on, behind an easy Hide details. */}
      <PrivacyCurtain openedFor={id} who={fullName(patient)}>
        <div className="detail-head">
          <IdentityStrip patient={patient} country={country} timeZone={timeZone} />
          {canWrite && (
            <div className="detail-actions">
              {!patient.archivedAt && (
                <button type="button" className="button button-primary" onClick={edit} aria-keyshortcuts="e">
                  Edit <Kbd>E</Kbd>
                </button>
              )}
              {patient.archivedAt ? null : (
                <button type="button" className="button" onClick={() => setConfirmArchive(true)}>
                  Archive
                </button>
              )}
              <MergeAction patient={patient} />
            </div>
          )}
        </div>
        <PatientQuickStats patientId={id} />
        <PatientDetails patient={patient} country={country} timeZone={timeZone} />
        <PatientPaymentsSection patientId={id} />
      </PrivacyCurtain>
      {confirmArchive && (
        <ConfirmDialog
          title={`Archive ${fullName(patient)}?`}
          message="Archived patients are hidden from the patient list and search, but nothing is deleted. You can restore them at any time."
          confirmLabel="Archive patient"
          danger
          onConfirm={archive}
          onClose={() => setConfirmArchive(false)}
        />
      )}
    </div>
  );
}
