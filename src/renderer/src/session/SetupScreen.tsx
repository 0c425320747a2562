// First run: the clinic's profile and the first administrator, in one form, then straight to the desk.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { api, unwrap } from '../api/client';
import { showServerErrors } from '../api/form-errors';
import { ClinicProfileFields } from '../admin/ClinicProfileFields';
import { useApp } from '../app/store';
import { TextField } from '../ui/TextField';
import { toast } from '../ui/toasts';
import { guessClinicDefaults } from './setup-defaults';
import { SETUP_FIELD_PATHS, setupForm } from './setup-form';

export function SetupScreen() {
  const signedIn = useApp((s) => s.signedIn);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(setupForm),
    defaultValues: {
      clinic: guessClinicDefaults(),
      admin: { displayName: '', username: '', password: '', confirmPassword: '' },
      loadSampleData: false,
    },
  });
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async ({ admin: { confirmPassword: _, ...admin }, ...rest }) => {
    setFormError(null);
    try {
      const session = await unwrap(api.setup.complete({ ...rest, admin }));
      signedIn(session);
      toast(`Welcome, ${session.user.displayName}. ${session.clinic.name} is ready.`);
    } catch (e) {
      setFormError(showServerErrors(e, form.setError, SETUP_FIELD_PATHS));
    }
  });

  return (
    <div className="auth-page">
      <form className="setup-card" onSubmit={submit} noValidate aria-labelledby="setup-title">
        <div className="auth-brand">
          <span className="brand-mark brand-mark-large" aria-hidden="true" />
          <span>Anteroom</span>
        </div>
        <h1 id="setup-title" className="auth-title">
          Set up your clinic
        </h1>
        <p className="auth-lead">Tell Anteroom about the practice and create the first administrator account. You can change the clinic details later in Clinic settings.</p>

        <div className="setup-columns">
          <fieldset className="form-section">
            <legend className="form-section-title">Clinic</legend>
            <ClinicProfileFields
              autoFocus
              field={(name) => form.register(`clinic.${name}`, name === 'lockAfterMinutes' ? { valueAsNumber: true } : undefined)}
              errorOf={(name) => errors.clinic?.[name]?.message}
            />
          </fieldset>

          <fieldset className="form-section">
            <legend className="form-section-title">First administrator</legend>
            <div className="form-grid form-grid-1">
              <TextField label="Full name" required autoComplete="name" error={errors.admin?.displayName?.message} {...form.register('admin.displayName')} />
              <TextField
                label="Username"
                required
                autoComplete="username"
                hint="Letters, digits, dot, dash or underscore."
                error={errors.admin?.username?.message}
                {...form.register('admin.username')}
              />
              <TextField
                label="Password"
                type="password"
                required
                autoComplete="new-password"
                hint="At least 10 characters. A short sentence is easy to remember."
                error={errors.admin?.password?.message}
                {...form.register('admin.password')}
              />
              <TextField
                label="Confirm password"
                type="password"
                required
                autoComplete="new-password"
                error={errors.admin?.confirmPassword?.message}
                {...form.register('admin.confirmPassword')}
              />
            </div>
          </fieldset>
        </div>

        <label className="checkbox">
          <input type="checkbox" {...form.register('loadSampleData')} />
          <span>
            Load sample patients to explore
            <span className="checkbox-hint">Clearly marked as samples, with fictional phone numbers. Archive them when you are done.</span>
          </span>
        </label>

        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? 'Setting up…' : 'Create clinic and sign in'}
          </button>
        </div>
      </form>
    </div>
  );
}
