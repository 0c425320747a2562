// Arrow keys move the selection and Enter opens it — from the search box and from the list itself.
import type { KeyboardEvent } from 'react';

const PAGE_STEP = 10;

/** Returns the new selected index, 'open', or null when the key is not ours. */
export function listKeyAction(e: KeyboardEvent, selected: number, count: number, inTextBox: boolean): number | 'open' | null {
  if (count === 0) return null;
  switch (e.key) {
    case 'ArrowDown':
      return Math.min(selected + 1, count - 1);
    case 'ArrowUp':
      return Math.max(selected - 1, 0);
    case 'PageDown':
      return Math.min(selected + PAGE_STEP, count - 1);
    case 'PageUp':
      return Math.max(selected - PAGE_STEP, 0);
    // In the search box Home/End move the cursor in the text, as users expect.
    case 'Home':
      return inTextBox ? null : 0;
    case 'End':
      return inTextBox ? null : count - 1;
    case 'Enter':
      return 'open';
    default:
      return null;
  }
}
