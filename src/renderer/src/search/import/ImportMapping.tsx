// Step 2: which column of the file holds which patient field; guessed from the headers, all changeable.
import { CSV_FIELDS, CSV_REQUIRED_FIELDS, type CsvField, type CsvMapping } from '../../../../shared/patient-csv';
import { SelectField } from '../../ui/SelectField';
import { FIELD_LABELS } from './guess-mapping';

interface Props {
  columns: string[];
  mapping: CsvMapping;
  errors: Record<string, string>;
  onChange(mapping: CsvMapping): void;
}

export function ImportMapping({ columns, mapping, errors, onChange }: Props) {
  const options = [{ value: '', label: '— Not in this file —' }, ...columns.map((c) => ({ value: c, label: c }))];
  const set = (field: CsvField, column: string) => onChange({ ...mapping, [field]: column || undefined });
  return (
    <fieldset className="form-section import-mapping">
      <legend className="form-section-title">Match the columns</legend>
      <p className="muted">We matched what we could from the column names. First name, last name, date of birth and mobile phone must each come from a column.</p>
      <div className="form-grid form-grid-3">
        {CSV_FIELDS.map((field) => (
          <SelectField
            key={field}
            label={FIELD_LABELS[field]}
            required={CSV_REQUIRED_FIELDS.includes(field)}
            hint={CSV_REQUIRED_FIELDS.includes(field) ? 'Required' : undefined}
            options={options}
            value={mapping[field] ?? ''}
            error={errors[`mapping.${field}`]}
            onChange={(e) => set(field, e.target.value)}
          />
        ))}
      </div>
    </fieldset>
  );
}
