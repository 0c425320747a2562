// Sign in: username and password; main's message (wrong password, throttled, deactivated) is shown as is.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { signInInput } from '../../../shared/auth';
import { api, messageOf, unwrap } from '../api/client';
import { useApp } from '../app/store';
import { TextField } from '../ui/TextField';

export function SignInScreen() {
  const clinicName = useApp((s) => s.clinicName);
  const signedIn = useApp((s) => s.signedIn);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(signInInput), defaultValues: { username: '', password: '' } });
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async (input) => {
    setError(null);
    try {
      signedIn(await unwrap(api.auth.signIn(input)));
    } catch (e) {
      setError(messageOf(e));
      form.resetField('password');
      form.setFocus('password');
    }
  });

  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={submit} noValidate aria-labelledby="sign-in-title">
        <div className="auth-brand">
          <span className="brand-mark brand-mark-large" aria-hidden="true" />
          <span>{clinicName ?? 'Anteroom'}</span>
        </div>
        <h1 id="sign-in-title" className="auth-title">
          Sign in
        </h1>
        <TextField label="Username" autoComplete="username" autoFocus error={errors.username?.message} {...form.register('username')} />
        <TextField label="Password" type="password" autoComplete="current-password" error={errors.password?.message} {...form.register('password')} />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button-primary button-block" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="auth-footnote">Forgotten your password? An administrator can reset it under Staff.</p>
      </form>
    </div>
  );
}
