// "Are you sure?" for actions that change a record's standing (archive, deactivate, discard changes).
import { useState, type ReactNode } from 'react';
import { messageOf } from '../api/client';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  onConfirm(): void | Promise<void>;
  onClose(): void;
}

export function ConfirmDialog({ title, message, confirmLabel, cancelLabel = 'Cancel', danger, onConfirm, onClose }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} description={message} onClose={onClose}>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        {/* A stray Enter must never destroy anything: dangerous questions start on the safe answer. */}
        <button type="button" className="button" onClick={onClose} autoFocus={danger}>
          {cancelLabel}
        </button>
        <button type="button" className={danger ? 'button button-danger' : 'button button-primary'} onClick={confirm} disabled={busy} autoFocus={!danger}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
