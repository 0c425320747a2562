// Merging two records of the same person (admins): pick the other record, compare side by side, confirm.
// Everything linked moves to the kept record; the other is archived (never deleted) with a pointer to it.
import { useState } from 'react';
import type { Patient } from '../../../../shared/patients';
import { api, messageOf, unwrap } from '../../api/client';
import { todayIn } from '../../format/dates';
import { Dialog } from '../../ui/Dialog';
import { MergeCompare } from './MergeCompare';
import { MergePicker } from './MergePicker';
import { NotCopied } from './NotCopied';

interface Props {
  patient: Patient;
  country: string;
  timeZone: string;
  onMerged(keptId: number, moved: number): void;
  onClose(): void;
}

export function MergeDialog({ patient, country, timeZone, onMerged, onClose }: Props) {
  const [other, setOther] = useState<Patient | null>(null);
  /** By default the record whose page we are on is kept; Swap keeps the other one. */
  const [keepCurrent, setKeepCurrent] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async (id: number) => {
    setError(null);
    try {
      setOther(await unwrap(api.patients.get({ id })));
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const keep = keepCurrent ? patient : other;
  const merge = keepCurrent ? other : patient;

  const confirm = async () => {
    if (!keep || !merge) return;
    setBusy(true);
    setError(null);
    try {
      const result = await unwrap(api.patients.merge({ keepId: keep.id, mergeId: merge.id }));
      onMerged(result.keptId, result.moved.reduce((n, m) => n + m.rows, 0));
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Merge with another record"
      description={other ? 'Check these are the same person, and choose which record to keep.' : 'Use this when the same person was registered twice.'}
      size="medium"
      onClose={onClose}
    >
      {!other || !keep || !merge ? (
        <MergePicker patient={patient} today={todayIn(timeZone)} onPick={(id) => void pick(id)} />
      ) : (
        <>
          <MergeCompare keep={keep} merge={merge} country={country} timeZone={timeZone} />
          <p className="merge-explain">
            Everything linked to <strong>{merge.mrn}</strong> — appointments, payments and notes — moves to <strong>{keep.mrn}</strong>. {merge.mrn} is then
            archived (not deleted) with a pointer to {keep.mrn}. The merge is recorded in the audit log and cannot be undone from here.
          </p>
          <NotCopied keep={keep} merge={merge} />
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        {other && (
          <button type="button" className="button button-quiet merge-back" onClick={() => setOther(null)} disabled={busy}>
            ← Choose another
          </button>
        )}
        {other && (
          <button type="button" className="button" onClick={() => setKeepCurrent((k) => !k)} disabled={busy}>
            Keep the other record instead
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        {keep && merge && (
          <button type="button" className="button button-danger" onClick={() => void confirm()} disabled={busy}>
            {busy ? 'Merging…' : `Merge into ${keep.mrn}`}
          </button>
        )}
      </div>
    </Dialog>
  );
}
