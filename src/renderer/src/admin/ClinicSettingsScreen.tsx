// Clinic settings: the profile every screen relies on (name, country for phones, time zone, currency, lock time).
// A new time zone is asked about first: every appointment's clock time moves with it (main insists once any exist).
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { clinicProfileInput, timeZoneChangeQuestion } from '../../../shared/clinic';
import { api, unwrap } from '../api/client';
import { showServerErrors } from '../api/form-errors';
import { useApp, useSession } from '../app/store';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { toast } from '../ui/toasts';
import { BackupsSection } from './BackupsSection';
import { ClinicProfileFields } from './ClinicProfileFields';

const FIELDS = ['name', 'address', 'phone', 'email', 'country', 'timeZone', 'currency', 'lockAfterMinutes'];

export function ClinicSettingsScreen() {
  const { clinic } = useSession();
  const setClinic = useApp((s) => s.setClinic);
  const [formError, setFormError] = useState<string | null>(null);
  /** The settings waiting on "Change the time zone?". */
  const [askingZone, setAskingZone] = useState<z.output<typeof clinicProfileInput> | null>(null);
  const form = useForm({
    resolver: zodResolver(clinicProfileInput),
    defaultValues: { ...clinic, address: clinic.address ?? '', phone: clinic.phone ?? '', email: clinic.email ?? '' },
  });
  const errors = form.formState.errors;

  const save = async (input: z.output<typeof clinicProfileInput>, confirmTimeZoneChange: boolean) => {
    try {
      const saved = await unwrap(api.clinic.update({ ...input, confirmTimeZoneChange }));
      setClinic(saved);
      form.reset({ ...saved, address: saved.address ?? '', phone: saved.phone ?? '', email: saved.email ?? '' });
      toast('Clinic settings saved.');
    } catch (e) {
      setFormError(showServerErrors(e, form.setError, FIELDS));
    }
  };

  const submit = form.handleSubmit(async (input) => {
    setFormError(null);
    if (input.timeZone !== clinic.timeZone) return setAskingZone(input);
    await save(input, false);
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
      {askingZone && (
        <ConfirmDialog
          title="Change the time zone?"
          message={timeZoneChangeQuestion(askingZone.timeZone)}
          confirmLabel="Change time zone"
          cancelLabel={`Keep ${clinic.timeZone}`}
          onConfirm={async () => {
            setAskingZone(null);
            await save(askingZone, true);
          }}
          onClose={() => setAskingZone(null)}
        />
      )}
    </form>
  );
}
