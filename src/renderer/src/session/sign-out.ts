// Ends the session in main, then shows the sign-in screen whatever main answered.
import { api } from '../api/client';
import { useApp } from '../app/store';

export async function signOut(): Promise<void> {
  const { unsavedWork, navigate } = useApp.getState();
  if (unsavedWork) {
    // Reuse the leave-form confirmation; navigate() clears the flag when the user agrees.
    navigate(useApp.getState().route);
    if (useApp.getState().unsavedWork) return;
  }
  await api.auth.signOut();
  useApp.getState().signedOut();
}
