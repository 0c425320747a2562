// Ends the session in main, then shows the sign-in screen whatever main answered.
import { api } from '../api/client';
import { useApp } from '../app/store';

async function endSession(): Promise<void> {
  await api.auth.signOut();
  useApp.getState().signedOut();
}

/** From the desk: a form with unsaved changes asks first. */
export function signOut(): void {
  useApp.getState().leaveForm(() => void endSession());
}

/** From the lock screen: someone else is at the desk, so the locked user's draft is dropped without asking. */
export function signOutLocked(): void {
  void endSession();
}
