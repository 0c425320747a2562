// Adding or editing an appointment type: name, default length, fee, in person or video, in use.
import { useState, type FormEvent } from 'react';
import { APPOINTMENT_MODES, MODE_LABELS, type AppointmentType } from '../../../shared/scheduling';
import { api, ApiError, messageOf, unwrap } from '../api/client';
import { useSession } from '../app/store';
import { Dialog } from '../ui/Dialog';
import { FormActions } from '../ui/FormActions';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { toast } from '../ui/toasts';
import { toMajorText, toMinor } from './money';

export function TypeDialog({ type, onClose, onSaved }: { type: AppointmentType | null; onClose(): void; onSaved(): void }) {
  const currency = useSession().clinic.currency;
  const [name, setName] = useState(type?.name ?? '');
  const [duration, setDuration] = useState(String(type?.durationMinutes ?? 20));
  const [fee, setFee] = useState(toMajorText(type?.fee ?? 0, currency));
  const [mode, setMode] = useState<AppointmentType['mode']>(type?.mode ?? 'in_person');
  const [active, setActive] = useState(type?.active ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // Anything changed from what the dialog opened with: Esc asks before dropping it.
  const dirty =
    name !== (type?.name ?? '') ||
    duration !== String(type?.durationMinutes ?? 20) ||
    fee !== toMajorText(type?.fee ?? 0, currency) ||
    mode !== (type?.mode ?? 'in_person') ||
    active !== (type?.active ?? true);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const feeMinor = toMinor(fee, currency);
    if (Number.isNaN(feeMinor)) return setErrors({ fee: 'Enter the fee as a number, e.g. 45.00.' });
    const fields = { name, durationMinutes: Number(duration), fee: feeMinor, mode, active };
    setSaving(true);
    try {
      await unwrap(type ? api.appointmentTypes.update({ id: type.id, fields }) : api.appointmentTypes.create(fields));
      toast('Appointment type saved.');
      onSaved();
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) setErrors(Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k.replace(/^fields\./, ''), v])));
      else setFormError(messageOf(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog title={type ? `Edit ${type.name}` : 'Add an appointment type'} onClose={onClose} dirty={dirty}>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} required autoFocus placeholder="Consultation" />
        <div className="form-grid">
          <TextField label="Length (minutes)" inputMode="numeric" value={duration} onChange={(e) => setDuration(e.target.value)} error={errors.durationMinutes} />
          <TextField label={`Fee (${currency})`} inputMode="decimal" value={fee} onChange={(e) => setFee(e.target.value)} error={errors.fee} />
        </div>
        <SelectField label="Visit" value={mode} onChange={(e) => setMode(e.target.value === 'video' ? 'video' : 'in_person')} options={APPOINTMENT_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))} />
        <label className="checkbox">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> In use (retired types stay on past appointments)
        </label>
        <FormActions error={formError} submitLabel="Save type" busy={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
