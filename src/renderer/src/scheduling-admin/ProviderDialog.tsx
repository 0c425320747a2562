// Adding or editing a doctor; main's validation messages land beside the fields they name.
import { useEffect, useState, type FormEvent } from 'react';
import type { Provider } from '../../../shared/scheduling';
import type { StaffMember } from '../../../shared/staff';
import { api, ApiError, messageOf, unwrap } from '../api/client';
import { useSession } from '../app/store';
import { toast } from '../ui/toasts';
import { Dialog } from '../ui/Dialog';
import { FormActions } from '../ui/FormActions';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { toMajorText, toMinor } from './money';

const PALETTE = ['#2a7ab0', '#b0532a', '#5a8f3c', '#7a4fb0', '#b03a6a', '#2a9d8f', '#c28f1c', '#4a5a6a'];

export function ProviderDialog({ provider, onClose, onSaved }: { provider: Provider | null; onClose(): void; onSaved(): void }) {
  const currency = useSession().clinic.currency;
  const [name, setName] = useState(provider?.name ?? '');
  const [specialization, setSpecialization] = useState(provider?.specialization ?? '');
  const [years, setYears] = useState(provider?.yearsOfExperience?.toString() ?? '');
  const [fee, setFee] = useState(toMajorText(provider?.consultationFee ?? 0, currency));
  const [startColor] = useState(() => provider?.color ?? PALETTE[Math.floor(Math.random() * PALETTE.length)]!);
  const [color, setColor] = useState(startColor);
  const [staffId, setStaffId] = useState<number | null>(provider?.staffId ?? null);
  const [active, setActive] = useState(provider?.active ?? true);
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    unwrap(api.staff.list({}))
      .then((s) => setStaff(s.filter((m) => m.role === 'doctor' && m.active)))
      .catch(() => setStaff([]));
  }, []);

  // Anything changed from what the dialog opened with: Esc asks before dropping it.
  const dirty =
    name !== (provider?.name ?? '') ||
    specialization !== (provider?.specialization ?? '') ||
    years !== (provider?.yearsOfExperience?.toString() ?? '') ||
    fee !== toMajorText(provider?.consultationFee ?? 0, currency) ||
    color !== startColor ||
    staffId !== (provider?.staffId ?? null) ||
    active !== (provider?.active ?? true);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const feeMinor = toMinor(fee, currency);
    const yearsNumber = years.trim() === '' ? null : Number(years);
    const local: Record<string, string> = {};
    if (Number.isNaN(feeMinor)) local.consultationFee = 'Enter the fee as a number, e.g. 60.00.';
    if (yearsNumber !== null && !Number.isInteger(yearsNumber)) local.yearsOfExperience = 'Years of experience must be whole years.';
    setErrors(local);
    if (Object.keys(local).length) return;
    const fields = { name, specialization: specialization || null, yearsOfExperience: yearsNumber, consultationFee: feeMinor, color, staffId, active };
    setBusy(true);
    try {
      await unwrap(provider ? api.providers.update({ id: provider.id, fields }) : api.providers.create(fields));
      toast(provider ? 'Doctor saved.' : `${name} added. Set their working hours next.`);
      onSaved();
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && Object.keys(err.fields).length) setErrors(Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k.replace(/^fields\./, ''), v])));
      else setFormError(messageOf(err));
    }
  };

  return (
    <Dialog title={provider ? `Edit ${provider.name}` : 'Add a doctor'} onClose={onClose} size="medium" dirty={dirty}>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} required autoFocus placeholder="Dr Amara Okafor" />
          <TextField label="Specialization" value={specialization} onChange={(e) => setSpecialization(e.target.value)} error={errors.specialization} placeholder="General practice" />
          <TextField label="Years of experience" inputMode="numeric" value={years} onChange={(e) => setYears(e.target.value)} error={errors.yearsOfExperience} />
          <TextField label={`Consultation fee (${currency})`} inputMode="decimal" value={fee} onChange={(e) => setFee(e.target.value)} error={errors.consultationFee} />
          <TextField label="Colour in the day book" type="color" value={color} onChange={(e) => setColor(e.target.value)} error={errors.color} />
          <SelectField
            label="Doctor’s staff account"
            value={staffId ?? ''}
            onChange={(e) => setStaffId(e.target.value ? Number(e.target.value) : null)}
            error={errors.staffId}
            hint="Links the doctor to the account they sign in with."
            options={[{ value: '', label: 'Not linked' }, ...staff.map((s) => ({ value: String(s.id), label: `${s.displayName} (${s.username})` }))]}
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> Takes appointments (inactive doctors keep their history)
        </label>
        <FormActions error={formError} submitLabel={provider ? 'Save doctor' : 'Add doctor'} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
