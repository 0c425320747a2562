// Cancelling asks why (kept on the record); the block stays in the day book, dimmed and struck through.
import { useState, type FormEvent } from 'react';
import type { AppointmentDetail } from '../../../shared/scheduling-appointments';
import { messageOf } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/TextField';
import { cancelAppointment } from './actions';
import { SeriesScope } from './SeriesScope';

export function CancelDialog({ appointment, onClose }: { appointment: AppointmentDetail; onClose(): void }) {
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<'this' | 'following'>('this');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setError('Say why the appointment is cancelled, e.g. “Patient called, unwell”.');
    setBusy(true);
    try {
      await cancelAppointment(appointment.id, reason.trim(), scope);
      onClose();
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Cancel ${appointment.patientName}’s appointment?`} description="The appointment stays in the day book, marked cancelled, so the time is free again." onClose={onClose} dirty={reason.trim() !== ''}>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <TextField label="Reason for cancelling" value={reason} onChange={(e) => setReason(e.target.value)} error={error ?? undefined} required autoFocus maxLength={500} />
        {appointment.seriesId !== null && <SeriesScope value={scope} onChange={setScope} verb="Cancel" />}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Keep appointment
          </button>
          <button type="submit" className="button button-danger" disabled={busy}>
            Cancel appointment
          </button>
        </div>
      </form>
    </Dialog>
  );
}
