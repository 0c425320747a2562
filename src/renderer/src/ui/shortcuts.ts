// Single-key and Ctrl/Cmd shortcuts that never fire while the user types in a field or a dialog is open.
import { useEffect, useRef } from 'react';

export function isTypingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return false;
}

/** A modal dialog or the lock screen is up: the desk behind must not react to keys. */
export function isBlocked(): boolean {
  return document.querySelector('dialog[open], [data-blocks-shortcuts]') !== null;
}

export interface Shortcut {
  key: string;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  mod?: boolean;
  /** Set: Shift must be held (true) or not (false); unset: either, so "?" needs no flag. */
  shift?: boolean;
  /** Fire even while focus is in a text field (only sensible with `mod`, which never types text). */
  inFields?: boolean;
  /** Leave the key to a focused button or link (Enter activates those): it fires only when the focus is elsewhere. */
  notOnControls?: boolean;
}

const onControl = (target: EventTarget | null) => target instanceof Element && target.closest('button, a[href], [role="button"], summary') !== null;

export function matches(e: KeyboardEvent, s: Shortcut): boolean {
  const mod = e.ctrlKey || e.metaKey;
  return e.key.toLowerCase() === s.key.toLowerCase() && mod === Boolean(s.mod) && !e.altKey && (s.shift === undefined || e.shiftKey === s.shift);
}

export function useShortcut(shortcut: Shortcut, run: () => void, enabled = true): void {
  const runRef = useRef(run);
  runRef.current = run;
  const { key, mod, shift, inFields, notOnControls } = shortcut;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isBlocked() || (!inFields && isTypingIn(e.target)) || (notOnControls && onControl(e.target))) return;
      if (!matches(e, { key, mod, shift })) return;
      e.preventDefault();
      runRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key, mod, shift, inFields, notOnControls, enabled]);
}
