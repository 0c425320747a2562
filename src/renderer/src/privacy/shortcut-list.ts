// The privacy screen's key, for the ? overlay (PrivacyToggle runs it).
import { MOD_LABEL } from '../ui/Kbd';

export const PRIVACY_KEYS = `${MOD_LABEL} Shift H`;
export const PRIVACY_SHORTCUTS: [string[], string][] = [[[PRIVACY_KEYS], 'Privacy screen on or off (hides patient names on this desk)']];
