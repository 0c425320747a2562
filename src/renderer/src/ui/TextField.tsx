// A labelled single-line input; spread react-hook-form's register() into it.
import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { Field } from './Field';

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  error?: string;
  hint?: ReactNode;
  fieldClassName?: string;
  ref?: Ref<HTMLInputElement>;
};

export function TextField({ label, error, hint, fieldClassName, required, ...input }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} className={fieldClassName} required={required}>
      {(control) => <input className="input" required={required} {...control} {...input} />}
    </Field>
  );
}
