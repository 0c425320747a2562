// A labelled multi-line input for notes (allergies, medical history, addresses).
import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import { Field } from './Field';

type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  error?: string;
  hint?: ReactNode;
  fieldClassName?: string;
  ref?: Ref<HTMLTextAreaElement>;
};

export function TextAreaField({ label, error, hint, fieldClassName, ...input }: TextAreaFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} className={fieldClassName}>
      {(control) => <textarea className="input textarea" rows={3} {...control} {...input} />}
    </Field>
  );
}
