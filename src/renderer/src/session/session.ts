// Asks main who is signed in and moves the app to the matching phase (setup, sign-in, desk, lock).
import { api, unwrap, whenUnauthenticated } from '../api/client';
import { useApp } from '../app/store';

export async function loadSession(): Promise<void> {
  const { showSetup, showSignIn, signedIn } = useApp.getState();
  try {
    const status = await unwrap(api.setup.status());
    if (status.needsSetup) return showSetup();
    const current = await unwrap(api.auth.current());
    if (current) signedIn(current);
    else showSignIn(status.clinicName);
  } catch {
    useApp.setState({ phase: 'offline' });
  }
}

/** After an UNAUTHENTICATED answer: locked → lock overlay over the kept screen; signed out → sign-in. */
export async function recheckSession(): Promise<void> {
  const state = useApp.getState();
  if (state.phase !== 'desk') return;
  const result = await api.auth.current();
  if (!result.ok) return;
  if (result.data === null) state.signedOut();
  else if (result.data.locked) state.setLocked(true);
}

whenUnauthenticated(() => void recheckSession());
