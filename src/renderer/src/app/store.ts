// The app's session and navigation state: which phase we are in, who is signed in, which screen shows.
import { create } from 'zustand';
import type { SessionInfo } from '../../../shared/auth';
import type { ClinicProfile } from '../../../shared/clinic';
import { useToasts } from '../ui/toasts';
import { HOME, type Route } from './routes';

export type Phase = 'loading' | 'setup' | 'signIn' | 'desk' | 'offline';

interface AppState {
  phase: Phase;
  session: SessionInfo | null;
  /** The lock overlay shows over the still-mounted desk, so unsaved work survives. */
  locked: boolean;
  route: Route;
  /** Set by a form with unsaved changes, so leaving it asks first. */
  unsavedWork: boolean;
  clinicName: string | null;
  showSetup(): void;
  showSignIn(clinicName: string | null): void;
  signedIn(session: SessionInfo): void;
  signedOut(): void;
  setLocked(locked: boolean): void;
  setClinic(clinic: ClinicProfile): void;
  setUnsavedWork(dirty: boolean): void;
  navigate(route: Route): void;
}

export const useApp = create<AppState>()((set, get) => ({
  phase: 'loading',
  session: null,
  locked: false,
  route: HOME,
  unsavedWork: false,
  clinicName: null,
  showSetup: () => set({ phase: 'setup', session: null, locked: false }),
  showSignIn: (clinicName) => set({ phase: 'signIn', session: null, locked: false, route: HOME, unsavedWork: false, clinicName }),
  signedIn: (session) => set({ phase: 'desk', session, locked: session.locked, clinicName: session.clinic.name }),
  signedOut: () => {
    // Toasts may name patients: none may outlive the session on a shared screen.
    useToasts.getState().clear();
    set({ phase: 'signIn', session: null, locked: false, route: HOME, unsavedWork: false });
  },
  setLocked: (locked) => set({ locked }),
  setClinic: (clinic) => {
    const session = get().session;
    if (session) set({ session: { ...session, clinic }, clinicName: clinic.name });
  },
  setUnsavedWork: (unsavedWork) => set({ unsavedWork }),
  navigate: (route) => {
    // A native confirm is enough here: it only guards a rare leave-by-shortcut from a dirty form.
    if (get().unsavedWork && !window.confirm('Leave this form? Your unsaved changes will be lost.')) return;
    set({ route, unsavedWork: false });
  },
}));

/** The signed-in session; only call inside the desk, where one always exists. */
export function useSession(): SessionInfo {
  const session = useApp((s) => s.session);
  if (!session) throw new Error('useSession outside the desk');
  return session;
}
