// Keeps the keyboard's place in the day book: a side panel that closes, or a button that vanishes once its step is
// done (Arrive, Cancel), would otherwise drop focus to the page itself, and Tab would start again at the top bar.
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useCalendar } from './store';

/** Focus fell to nothing: the page itself has it, or an element since taken out of the page. */
export const focusIsLost = () => {
  const el = document.activeElement;
  return el === null || el === document.body || !el.isConnected;
};

/** The selected appointment's block in the grid (it carries data-appointment-id), if it is on screen. */
export function focusSelectedBlock(): boolean {
  const id = useCalendar.getState().selectedId;
  const block = id === null ? null : document.querySelector<HTMLElement>(`.cal-grid [data-appointment-id="${id}"]`);
  block?.focus({ preventScroll: false });
  return block !== null;
}

/**
 * For a side panel: when it closes with the focus inside it (Esc on one of its buttons, ×, a booking saved), the focus
 * goes back to what opened it (the New appointment button) or else to the selected block — never to the page.
 */
export function useFocusBackOnClose(): void {
  // Read while rendering, before the panel's first field takes the focus with autoFocus.
  const [opener] = useState(() => {
    const el = document.activeElement;
    return el instanceof HTMLElement && el !== document.body && !el.closest('.side-panel') ? el : null;
  });
  useEffect(
    () => () => {
      // After React has taken the panel out and a panel taking its place has had the chance to focus its first field.
      requestAnimationFrame(() => {
        if (!focusIsLost()) return;
        if (opener?.isConnected) return opener.focus();
        focusSelectedBlock();
      });
    },
    [opener],
  );
}

/**
 * Inside a panel: when `step` changes (the appointment's status) and the button that had the focus went with it, the
 * focus lands on the panel's first action — after Arrive that is Start, the next thing the desk presses.
 */
export function useFocusKeptIn(panel: RefObject<HTMLElement | null>, step: unknown): void {
  const first = useRef(true);
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!focusIsLost()) return;
    const target = panel.current?.querySelector<HTMLElement>('.side-panel-body button:not(:disabled)') ?? panel.current?.querySelector<HTMLElement>('button:not(:disabled)');
    target?.focus();
  }, [step, panel]);
}
