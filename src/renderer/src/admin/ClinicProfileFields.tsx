// The clinic profile's fields, shared by first-run setup and the Clinic settings screen.
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { ClinicProfileInput } from '../../../shared/clinic';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';

export type ClinicKey = keyof ClinicProfileInput;

interface ClinicProfileFieldsProps {
  field(name: ClinicKey): UseFormRegisterReturn;
  errorOf(name: ClinicKey): string | undefined;
  autoFocus?: boolean;
}

const TIME_ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export function ClinicProfileFields({ field, errorOf, autoFocus }: ClinicProfileFieldsProps) {
  return (
    <div className="form-grid">
      <TextField label="Clinic name" required autoFocus={autoFocus} fieldClassName="span-2" error={errorOf('name')} {...field('name')} />
      <TextAreaField label="Address" rows={2} fieldClassName="span-2" error={errorOf('address')} {...field('address')} />
      <TextField label="Phone" type="tel" autoComplete="tel" error={errorOf('phone')} {...field('phone')} />
      <TextField label="Email" type="email" autoComplete="email" error={errorOf('email')} {...field('email')} />
      <TextField
        label="Country code"
        required
        maxLength={2}
        hint="Two letters, e.g. GB. Phone numbers without +code are read as this country's."
        error={errorOf('country')}
        {...field('country')}
      />
      <TextField label="Time zone" required list="time-zones" hint="e.g. Europe/London" error={errorOf('timeZone')} {...field('timeZone')} />
      <datalist id="time-zones">
        {TIME_ZONES.map((tz) => (
          <option key={tz} value={tz} />
        ))}
      </datalist>
      <TextField label="Currency" required maxLength={3} hint="Three letters, e.g. GBP." error={errorOf('currency')} {...field('currency')} />
      <TextField
        label="Lock after (minutes idle)"
        type="number"
        min={1}
        max={240}
        required
        hint="The desk locks itself after this long without use."
        error={errorOf('lockAfterMinutes')}
        {...field('lockAfterMinutes')}
      />
    </div>
  );
}
