// Step 4: the running import (progress bar, Cancel) and how it ended, in words.
import type { ImportJobStatus } from '../../../../shared/patient-csv';

interface Props {
  status: ImportJobStatus;
  cancelling: boolean;
  onCancel(): void;
  onDone(): void;
  onAgain(): void;
}

const STEP_WORDS = { validating: 'Checking every row…', importing: 'Saving patients…' } as const;

export function ImportProgress({ status, cancelling, onCancel, onDone, onAgain }: Props) {
  if (status.state === 'validating' || status.state === 'importing') {
    return (
      <section className="import-progress" aria-label="Import progress">
        <p className="import-progress-label">{cancelling ? 'Cancelling — undoing everything…' : STEP_WORDS[status.state]}</p>
        <div className="progress" role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={status.percent}>
          <div className="progress-bar" style={{ width: `${status.percent}%` }} />
        </div>
        <div className="import-actions">
          <span className="muted">{status.percent}%</span>
          <button type="button" className="button" onClick={onCancel} disabled={cancelling}>
            Cancel import
          </button>
        </div>
      </section>
    );
  }
  const done = status.state === 'done';
  const message = done
    ? `Imported ${status.imported.toLocaleString()} ${status.imported === 1 ? 'patient' : 'patients'}.`
    : status.state === 'cancelled'
      ? 'Import cancelled. Nothing was imported.'
      : (status.message ?? 'The import stopped; nothing was imported.');
  return (
    <section className={`import-result ${done ? 'is-done' : 'is-stopped'}`} aria-label="Import result">
      <p role="status" className="import-result-message">
        <strong>{done ? 'Done.' : 'Not imported.'}</strong> {message}
      </p>
      <div className="import-actions">
        {!done && (
          <button type="button" className="button" onClick={onAgain}>
            Change and try again
          </button>
        )}
        <button type="button" className={done ? 'button button-primary' : 'button'} onClick={onDone}>
          Go to patients
        </button>
      </div>
    </section>
  );
}
