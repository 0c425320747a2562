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
  /** What the user asked to do while a form had unsaved changes; runs if they agree to leave. */
  pendingLeave: (() => void) | null;
  clinicName: string | null;
  showSetup(): void;
  showSignIn(clinicName: string | null): void;
  signedIn(session: SessionInfo): void;
  signedOut(): void;
  setLocked(locked: boolean): void;
  setClinic(clinic: ClinicProfile): void;
  setUnsavedWork(dirty: boolean): void;
  navigate(route: Route): void;
  /** Runs `leave` now, or after the user agrees to drop unsaved changes. */
  leaveForm(leave: () => void): void;
  answerLeave(agree: boolean): void;
}

export const useApp = create<AppState>()((set, get) => ({
  phase: 'loading',
  session: null,
  locked: false,
  route: HOME,
  unsavedWork: false,
  pendingLeave: null,
  clinicName: null,
  showSetup: () => set({ phase: 'setup', session: null, locked: false }),
  showSignIn: (clinicName) => set({ phase: 'signIn', session: null, locked: false, route: HOME, unsavedWork: false, clinicName }),
  signedIn: (session) => set({ phase: 'desk', session, locked: session.locked, clinicName: session.clinic.name }),
  signedOut: () => {
    // Toasts may name patients: none may outlive the session on a shared screen.
    useToasts.getState().clear();
    set({ phase: 'signIn', session: null, locked: false, route: HOME, unsavedWork: false, pendingLeave: null });
  },
  setLocked: (locked) => set({ locked }),
  setClinic: (clinic) => {
    const session = get().session;
    if (session) set({ session: { ...session, clinic }, clinicName: clinic.name });
  },
  setUnsavedWork: (unsavedWork) => set({ unsavedWork }),
  navigate: (route) => get().leaveForm(() => set({ route })),
  leaveForm: (leave) => {
    if (!get().unsavedWork) return leave();
    set({
      pendingLeave: () => {
        set({ unsavedWork: false, pendingLeave: null });
        leave();
      },
    });
  },
  answerLeave: (agree) => {
    const pending = get().pendingLeave;
    if (agree && pending) pending();
    else set({ pendingLeave: null });
  },
}));

/** The signed-in session; only call inside the desk, where one always exists. */
export function useSession(): SessionInfo {
  const session = useApp((s) => s.session);
  if (!session) throw new Error('useSession outside the desk');
  return session;
}
