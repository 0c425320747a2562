// Per-doctor lengths and fees: blank means the type's default. Each row saves on its own.
import { useEffect, useState } from 'react';
import type { AppointmentType } from '../../../shared/scheduling';
import { api, messageOf, unwrap } from '../api/client';
import { useSession } from '../app/store';
import { forgetSchedulingRefs } from '../calendar/useSchedulingRefs';
import { toast } from '../ui/toasts';
import { toMajorText, toMinor } from './money';
import { useProviders } from './useProviders';

export function OverridesTable() {
  const currency = useSession().clinic.currency;
  const { providers } = useProviders();
  const [providerId, setProviderId] = useState<number | null>(null);
  const [types, setTypes] = useState<AppointmentType[]>([]);
  const [defaults, setDefaults] = useState<Map<number, AppointmentType>>(new Map());
  const chosen = providerId ?? providers?.[0]?.id ?? null;

  const load = (id: number) => {
    void Promise.all([unwrap(api.appointmentTypes.list({ providerId: id })), unwrap(api.appointmentTypes.list({}))]).then(([mine, base]) => {
      setTypes(mine);
      setDefaults(new Map(base.map((t) => [t.id, t])));
    });
  };
  useEffect(() => {
    if (chosen !== null) load(chosen);
  }, [chosen]);

  if (!providers?.length || chosen === null) return null;
  return (
    <section className="detail-section" aria-label="Each doctor’s own lengths and fees">
      <div className="appt-section-head">
        <h2 className="detail-section-title">Each doctor’s own lengths and fees</h2>
        <select className="input select daybook-doctor" aria-label="Doctor" value={chosen} onChange={(e) => setProviderId(Number(e.target.value))}>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <table className="data-table hours-table" aria-label="Overrides">
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Length (min)</th>
            <th scope="col">Fee ({currency})</th>
            <th scope="col">
                  <span className="visually-hidden">Save</span>
                </th>
          </tr>
        </thead>
        <tbody>
          {types.map((t) => (
            <OverrideRow key={`${chosen}-${t.id}`} type={t} base={defaults.get(t.id)} providerId={chosen} currency={currency} onSaved={() => load(chosen)} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function OverrideRow({ type, base, providerId, currency, onSaved }: { type: AppointmentType; base?: AppointmentType; providerId: number; currency: string; onSaved(): void }) {
  const own = type.overridden;
  const [duration, setDuration] = useState(own && base && type.durationMinutes !== base.durationMinutes ? String(type.durationMinutes) : '');
  const [fee, setFee] = useState(own && base && type.fee !== base.fee ? toMajorText(type.fee, currency) : '');
  const save = async () => {
    const feeMinor = fee.trim() === '' ? null : toMinor(fee, currency);
    if (feeMinor !== null && Number.isNaN(feeMinor)) return toast('Enter the fee as a number, e.g. 45.00, or leave it blank.', 'error');
    try {
      await unwrap(api.appointmentTypes.setOverride({ providerId, typeId: type.id, durationMinutes: duration.trim() === '' ? null : Number(duration), fee: feeMinor }));
      forgetSchedulingRefs();
      toast(`${type.name} saved for this doctor.`);
      onSaved();
    } catch (e) {
      toast(messageOf(e), 'error');
    }
  };
  return (
    <tr>
      <th scope="row">{type.name}</th>
      <td>
        <input className="input input-narrow" inputMode="numeric" aria-label={`${type.name} length`} placeholder={String(base?.durationMinutes ?? type.durationMinutes)} value={duration} onChange={(e) => setDuration(e.target.value)} />
      </td>
      <td>
        <input className="input" inputMode="decimal" aria-label={`${type.name} fee`} placeholder={toMajorText(base?.fee ?? type.fee, currency)} value={fee} onChange={(e) => setFee(e.target.value)} />
      </td>
      <td>
        <div className="row-actions">
          <button type="button" className="button button-small" onClick={() => void save()}>
            Save
          </button>
        </div>
      </td>
    </tr>
  );
}
