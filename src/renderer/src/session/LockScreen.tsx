// The lock overlay: covers the desk (which stays mounted underneath) until the password is entered again.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { unlockInput } from '../../../shared/auth';
import { api, ApiError, messageOf, unwrap } from '../api/client';
import { useApp, useSession } from '../app/store';
import { signOutLocked } from './sign-out';
import { restoreFocusAfterUnlock } from './useIdleLock';
import { TextField } from '../ui/TextField';

export function LockScreen() {
  const session = useSession();
  const signedIn = useApp((s) => s.signedIn);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(unlockInput), defaultValues: { password: '' } });
  const ref = useRef<HTMLDialogElement>(null);

  // A modal <dialog> opened last sits above everything, including a confirm dialog that was open
  // when the desk locked — so nothing on the desk shows through. Esc must not dismiss it.
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.showModal();
    form.setFocus('password');
    const refuse = (e: Event) => e.preventDefault();
    dialog.addEventListener('cancel', refuse);
    return () => {
      dialog.removeEventListener('cancel', refuse);
      dialog.close();
    };
    // Opened once per lock (form.setFocus is stable), so a re-render never re-opens it.
  }, []);

  const unlock = form.handleSubmit(async (input) => {
    setError(null);
    try {
      const info = await unwrap(api.auth.unlock(input));
      signedIn(info);
      // Wait for React to lift `inert` before returning the cursor to the field it was in.
      requestAnimationFrame(restoreFocusAfterUnlock);
    } catch (e) {
      form.reset({ password: '' });
      form.setFocus('password');
      if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') {
        // The session may have ended (account deactivated): re-check in main decides what shows next.
        const current = await api.auth.current();
        if (current.ok && current.data === null) return void useApp.getState().signedOut();
      }
      setError(messageOf(e));
    }
  });

  return (
    <dialog ref={ref} className="lock-screen" aria-labelledby="lock-title">
      <form className="auth-card" onSubmit={unlock} noValidate>
        <div className="auth-brand">
          <span className="brand-mark brand-mark-large" aria-hidden="true" />
          <span>{session.clinic.name}</span>
        </div>
        <h1 id="lock-title" className="auth-title">
          Desk locked
        </h1>
        <p className="auth-lead">
          Signed in as <strong>{session.user.displayName}</strong>. Enter your password to carry on where you left off.
        </p>
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          error={form.formState.errors.password?.message}
          {...form.register('password')}
        />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button-primary button-block" disabled={form.formState.isSubmitting}>
          Unlock
        </button>
        <button type="button" className="button button-link" onClick={signOutLocked}>
          Not {session.user.displayName.split(' ')[0]}? Sign out
        </button>
      </form>
    </dialog>
  );
}
