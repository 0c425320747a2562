// The one way screens ask whether to hide patient details, and how to write a name or phone when they must.
import { useCallback } from 'react';
import { initials, maskPhone } from './privacy';
import { usePrivacyStore } from './store';

export interface Privacy {
  /** The privacy screen is on (or not known yet: hiding is the safe guess). */
  on: boolean;
  /** A full name as this desk may show it: initials while private. */
  name(fullName: string): string;
  /** A phone as this desk may show it: the last two digits while private. */
  phone(phone: string | null | undefined): string | null;
}

export function usePrivacy(): Privacy {
  const on = usePrivacyStore((s) => s.on !== false);
  const name = useCallback((fullName: string) => (on ? initials(fullName) : fullName), [on]);
  const phone = useCallback((p: string | null | undefined) => (on ? maskPhone(p) : (p ?? null)), [on]);
  return { on, name, phone };
}
