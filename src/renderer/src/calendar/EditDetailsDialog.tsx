// Changing an appointment's type, visit mode, reason, notes or fee (appointments.update); time moves are Reschedule.
import { useState, type FormEvent } from 'react';
import { minorDigits, parseMoney } from '../../../shared/payments-format';
import { APPOINTMENT_MODES, MODE_LABELS } from '../../../shared/scheduling';
import type { AppointmentDetail } from '../../../shared/scheduling-appointments';
import { api, ApiError, messageOf, unwrap } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { FormActions } from '../ui/FormActions';
import { SelectField } from '../ui/SelectField';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { toast } from '../ui/toasts';
import { useCalendar } from './store';
import { useSchedulingRefs } from './useSchedulingRefs';

export function EditDetailsDialog({ appointment: a, onClose }: { appointment: AppointmentDetail; onClose(): void }) {
  const { refs } = useSchedulingRefs();
  const digits = minorDigits(a.currency);
  const [typeId, setTypeId] = useState<number | null>(a.typeId);
  const [mode, setMode] = useState(a.mode);
  const [reason, setReason] = useState(a.reason ?? '');
  const [notes, setNotes] = useState(a.notes ?? '');
  const [fee, setFee] = useState((a.fee / 10 ** digits).toFixed(digits));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const feeMinor = parseMoney(fee, a.currency);
    if (feeMinor === null) return setErrors({ fee: 'Enter the fee as a number, e.g. 60.00.' });
    setSaving(true);
    try {
      await unwrap(api.appointments.update({ id: a.id, typeId, mode, reason: reason.trim() || null, notes: notes.trim() || null, fee: feeMinor }));
      toast('Appointment details saved.');
      useCalendar.getState().changed();
      onClose();
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) setErrors(err.fields);
      else setError(messageOf(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog title="Appointment details" onClose={onClose} size="medium" dirty={reason !== (a.reason ?? '') || notes !== (a.notes ?? '')}>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <SelectField label="Type" value={typeId ?? ''} onChange={(e) => setTypeId(e.target.value ? Number(e.target.value) : null)} error={errors.typeId} autoFocus options={[...(refs?.types ?? []).map((t) => ({ value: String(t.id), label: t.name })), { value: '', label: 'Other' }]} />
          <SelectField label="Visit" value={mode} onChange={(e) => setMode(e.target.value === 'video' ? 'video' : 'in_person')} options={APPOINTMENT_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))} />
          <TextField label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} maxLength={500} />
          <TextField label={`Fee (${a.currency})`} inputMode="decimal" value={fee} onChange={(e) => setFee(e.target.value)} error={errors.fee} />
        </div>
        <TextAreaField label="Notes" value={notes} onChange={(e) => setNotes(e.target.value)} error={errors.notes} maxLength={4000} />
        <FormActions error={error} submitLabel="Save details" busy={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
