// Active / Archived / All: archived patients stay out of the way until asked for.
import type { PatientStatus } from './list-store';

const OPTIONS: { value: PatientStatus; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'archived', label: 'Archived' },
  { value: 'all', label: 'All' },
];

export function StatusFilter({ value, onChange }: { value: PatientStatus; onChange(status: PatientStatus): void }) {
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">Show patients</legend>
      {OPTIONS.map((o) => (
        <label key={o.value} className="segmented-option">
          <input type="radio" name="patient-status" value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
