// Undo for the desk's changes to appointments: every move, cancel and check-in leaves its tokens here,
// with a toast offering Undo for ten seconds; Ctrl/Cmd+Z undoes the latest one while it is fresh.
import type { UndoToken } from '../../../shared/scheduling-appointments';
import { roleAllows } from '../../../shared/roles';
import { api, messageOf, unwrap } from '../api/client';
import { useApp } from '../app/store';
import { toast, useToasts } from '../ui/toasts';
import { useCalendar } from './store';

/**
 * A toast's words, or a way to write them when shown: a label naming a patient is built afresh each time it is
 * shown (through the privacy screen's masking), so one made with privacy off never replays a full name after it
 * went on.
 */
export type UndoLabel = string | (() => string);

const wordsOf = (label: UndoLabel) => (typeof label === 'function' ? label() : label);

interface UndoEntry {
  label: UndoLabel;
  tokens: UndoToken[];
  toastId: number;
  /** Runs once the undo landed, e.g. a placed pin goes back on the pinboard. */
  afterUndo?: () => Promise<unknown>;
}

const stack: UndoEntry[] = [];
const MAX_ENTRIES = 20;

/** Remembers a change and tells the desk it happened, with an Undo button. */
export function offerUndo(label: UndoLabel, tokens: UndoToken[], afterUndo?: () => Promise<unknown>): void {
  const message = wordsOf(label);
  // Undo needs schedule.write: a doctor may mark statuses but cannot take them back.
  const role = useApp.getState().session?.user.role;
  if (tokens.length === 0 || !role || !roleAllows(role, 'schedule.write')) return toast(message);
  const entry: UndoEntry = { label, tokens, toastId: 0, afterUndo };
  entry.toastId = useToasts.getState().show({ message, tone: 'success', action: { label: 'Undo', run: () => void undoEntry(entry) } });
  stack.push(entry);
  if (stack.length > MAX_ENTRIES) stack.shift();
}

async function undoEntry(entry: UndoEntry): Promise<void> {
  const i = stack.indexOf(entry);
  if (i >= 0) stack.splice(i, 1);
  useToasts.getState().dismiss(entry.toastId);
  try {
    await unwrap(api.appointments.undo({ entries: entry.tokens }));
    await entry.afterUndo?.();
    // Only the first letter drops to lower case: a name's initials ("É. M.") keep their capitals.
    const words = wordsOf(entry.label).replace(/\.$/, '');
    toast(`Undone: ${words.charAt(0).toLowerCase()}${words.slice(1)}.`, 'info');
  } catch (e) {
    toast(messageOf(e), 'error');
  }
  useCalendar.getState().changed();
}

/** Ctrl/Cmd+Z: the latest change made at this desk. */
export function undoLatest(): void {
  const entry = stack[stack.length - 1];
  if (!entry) return toast('Nothing to undo.', 'info');
  void undoEntry(entry);
}
