// This desk's privacy screen, as the renderer knows it: loaded from main once the desk opens, flipped on
// screen at once and saved right behind (put back, with a message, if saving fails).
import { create } from 'zustand';
import { api, messageOf, unwrap } from '../api/client';
import { toast, useToasts } from '../ui/toasts';
import { initials } from './privacy';

interface PrivacyState {
  /** null until main has answered: screens treat that as on, so a private desk never flashes names at sign-in. */
  on: boolean | null;
  load(): Promise<void>;
  set(on: boolean): Promise<void>;
}

/** Bumped by each change, so an older save's answer never overrides a newer flip. */
let latest = 0;

export const usePrivacyStore = create<PrivacyState>()((set, get) => ({
  on: null,
  load: async () => {
    const asked = latest;
    try {
      const saved = await unwrap(api.desk.settingsGet());
      if (asked === latest) set({ on: saved.privacyScreen });
    } catch {
      // Stays unknown, which hides details: safe, and flipping the switch saves an explicit answer.
    }
  },
  set: async (on) => {
    const before = get().on;
    const mine = ++latest;
    // Someone is walking up: toasts already on screen were written with names shown (a booking's, an error's), so
    // they go at once. Undo stays on Ctrl/Cmd+Z, and its later toasts are written with the screen on.
    if (on && before === false) useToasts.getState().clear();
    set({ on });
    try {
      await unwrap(api.desk.settingsSave({ privacyScreen: on }));
    } catch (e) {
      if (mine !== latest) return;
      set({ on: before });
      toast(messageOf(e), 'error');
    }
  },
}));

/** Outside React (a toast raised after a save): a name as this desk may show it right now. */
export function nameOnThisDesk(fullName: string): string {
  return usePrivacyStore.getState().on !== false ? initials(fullName) : fullName;
}

/** The last on/off message: flipping again replaces it rather than stacking a pile of them. */
let lastToast = 0;

export function togglePrivacy(): void {
  const { on, set } = usePrivacyStore.getState();
  const next = on === false;
  void set(next);
  const toasts = useToasts.getState();
  toasts.dismiss(lastToast);
  lastToast = toasts.show({ message: next ? 'Privacy screen on: patients show as initials on this desk.' : 'Privacy screen off: full names show on this desk.', tone: 'info' });
}
