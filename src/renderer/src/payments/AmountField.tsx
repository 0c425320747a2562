// An amount typed as a decimal in the clinic's currency (e.g. 50.00), with the currency shown beside it.
import type { InputHTMLAttributes } from 'react';
import { TextField } from '../ui/TextField';

type AmountFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  label: string;
  currency: string;
  value: string;
  error?: string;
  hint?: string;
  onChange(value: string): void;
};

export function AmountField({ label, currency, value, error, hint, onChange, ...input }: AmountFieldProps) {
  return (
    <TextField
      label={`${label} (${currency})`}
      inputMode="decimal"
      autoComplete="off"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      hint={hint}
      {...input}
    />
  );
}
