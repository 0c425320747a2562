// Clinic settings: the profile every screen relies on (name, country for phones, time zone, currency, lock time).
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { clinicProfileInput } from '../../../shared/clinic';
import { api, unwrap } from '../api/client';
import { showServerErrors } from '../api/form-errors';
import { useApp, useSession } from '../app/store';
import { toast } from '../ui/toasts';
import { BackupsSection } from './BackupsSection';
import { ClinicProfileFields } from './ClinicProfileFields';

const FIELDS = ['name', 'address', 'phone', 'email', 'country', 'timeZone', 'currency', 'lockAfterMinutes'];

export function ClinicSettingsScreen() {
  const { clinic } = useSession();
  const setClinic = useApp((s) => s.setClinic);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(clinicProfileInput),
    defaultValues: { ...clinic, address: clinic.address ?? '', phone: clinic.phone ?? '', email: clinic.email ?? '' },
  });
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async (input) => {
    setFormError(null);
    try {
      const saved = await unwrap(api.clinic.update(input));
      setClinic(saved);
      form.reset({ ...saved, address: saved.address ?? '', phone: saved.phone ?? '', email: saved.email ?? '' });
      toast('Clinic settings saved.');
    } catch (e) {
      setFormError(showServerErrors(e, form.setError, FIELDS));
    }
  });

  return (
    <form className="screen settings-form" onSubmit={submit} noValidate aria-labelledby="clinic-title">
      <header className="screen-header">
        <div>
          <h1 id="clinic-title" className="screen-title">
            Clinic settings
          </h1>
          <p className="screen-subtitle">Phone numbers typed without a +code are read as the clinic's country. Times show in its time zone.</p>
        </div>
      </header>
      <fieldset className="form-section">
        <legend className="form-section-title">Clinic profile</legend>
        <ClinicProfileFields
          field={(name) => form.register(name, name === 'lockAfterMinutes' ? { valueAsNumber: true } : undefined)}
          errorOf={(name) => errors[name]?.message}
        />
      </fieldset>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" disabled={!form.formState.isDirty} onClick={() => form.reset()}>
          Discard changes
        </button>
        <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
          Save settings
        </button>
      </div>
      <BackupsSection />
    </form>
  );
}
