// The top bar's privacy switch: shows whether this desk hides patient details, flips it on a click or
// Ctrl/Cmd+Shift+H (even mid-typing: a receptionist reaches for it when someone walks up to the desk).
import { useEffect } from 'react';
import { useShortcut } from '../ui/shortcuts';
import { PRIVACY_KEYS } from './shortcut-list';
import { togglePrivacy, usePrivacyStore } from './store';

export function PrivacyToggle() {
  const on = usePrivacyStore((s) => s.on !== false);
  useEffect(() => {
    void usePrivacyStore.getState().load();
  }, []);
  useShortcut({ key: 'h', mod: true, shift: true, inFields: true }, togglePrivacy);
  return (
    <button
      type="button"
      className={`privacy-toggle${on ? ' is-on' : ''}`}
      aria-pressed={on}
      aria-keyshortcuts="Control+Shift+H Meta+Shift+H"
      title={`${on ? 'Show' : 'Hide'} patient names on this desk (${PRIVACY_KEYS})`}
      onClick={togglePrivacy}
    >
      <EyeIcon closed={on} />
      {/* The words are the button's name; narrow windows show the eye alone (struck through when on). */}
      <span className="visually-hidden">Privacy {on ? 'on' : 'off'}</span>
      <span className="privacy-toggle-text" aria-hidden="true">
        Privacy {on ? 'on' : 'off'}
      </span>
    </button>
  );
}

function EyeIcon({ closed }: { closed: boolean }) {
  return (
    <svg className="privacy-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
      <circle cx="12" cy="12" r="3" />
      {closed && <path d="M4 4l16 16" />}
    </svg>
  );
}
