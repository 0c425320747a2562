// Every field of the patient form, grouped the way a registration card is: identity, contact, address,
// emergency contact, clinical.
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { SEXES, SEX_LABELS, type PatientFormValues } from '../../../shared/patients';
import { SelectField } from '../ui/SelectField';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';

interface Props {
  register: UseFormRegister<PatientFormValues>;
  errors: FieldErrors<PatientFormValues>;
}

const SEX_OPTIONS = SEXES.map((s) => ({ value: s, label: SEX_LABELS[s] }));

export function PatientFormSections({ register, errors }: Props) {
  const err = (name: keyof PatientFormValues) => errors[name]?.message;
  return (
    <div className="form-sections">
      <fieldset className="form-section span-all">
        <legend className="form-section-title">Identity</legend>
        <div className="form-grid form-grid-4">
          <TextField label="First name" required autoFocus autoComplete="off" error={err('firstName')} {...register('firstName')} />
          <TextField label="Last name" required autoComplete="off" error={err('lastName')} {...register('lastName')} />
          <TextField label="Date of birth" type="date" required max="9999-12-31" error={err('dateOfBirth')} {...register('dateOfBirth')} />
          <SelectField label="Sex" options={SEX_OPTIONS} error={err('sex')} {...register('sex')} />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend className="form-section-title">Contact</legend>
        <div className="form-grid form-grid-1">
          <TextField
            label="Mobile phone"
            type="tel"
            required
            autoComplete="off"
            hint="Add +country code for numbers from abroad."
            error={err('phone')}
            {...register('phone')}
          />
          <TextField label="Email" type="email" autoComplete="off" error={err('email')} {...register('email')} />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend className="form-section-title">Address</legend>
        <div className="form-grid">
          <TextField label="Street address" fieldClassName="span-2" autoComplete="off" error={err('addressLine')} {...register('addressLine')} />
          <TextField label="City" autoComplete="off" error={err('city')} {...register('city')} />
          <TextField label="Postal code" autoComplete="off" error={err('postalCode')} {...register('postalCode')} />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend className="form-section-title">Emergency contact</legend>
        <div className="form-grid form-grid-1">
          <TextField label="Emergency contact name" autoComplete="off" error={err('emergencyContactName')} {...register('emergencyContactName')} />
          <TextField label="Emergency contact phone" type="tel" autoComplete="off" error={err('emergencyContactPhone')} {...register('emergencyContactPhone')} />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend className="form-section-title">Clinical</legend>
        <div className="form-grid form-grid-1">
          <TextAreaField label="Allergies" hint="Shown as an alert on the patient's page. Leave blank if none known." error={err('allergies')} {...register('allergies')} />
          <TextAreaField label="Medical history" rows={4} error={err('medicalHistory')} {...register('medicalHistory')} />
        </div>
      </fieldset>
    </div>
  );
}
