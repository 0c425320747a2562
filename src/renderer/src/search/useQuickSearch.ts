// Asks main's ranked search on every change of the query, without debounce (a lookup takes about a
// millisecond); answers that arrive out of order are dropped, so the list always matches what is typed.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { PatientSearchHit } from '../../../shared/search';
import { api, messageOf, unwrap } from '../api/client';

export interface QuickSearch {
  /**
   * Starts the search for a query right away (from the input's change handler, before React renders);
   * a query already asked for this very text (ahead, from beforeinput) is not asked again.
   */
  ask(query: string): void;
  hits: PatientSearchHit[];
  /** The query the hits answer; equal to what is typed once the latest answer is in. */
  answered: string | null;
  error: string | null;
}

type Answer = Omit<QuickSearch, 'ask'>;

export function useQuickSearch(query: string, opts: { limit: number; includeArchived: boolean }): QuickSearch {
  const [state, setState] = useState<Answer>({ hits: [], answered: null, error: null });
  const latest = useRef(0);
  /** The query (and options) last sent, so the effect does not send it twice. */
  const asked = useRef<string | null>(null);
  const { limit, includeArchived } = opts;

  const keyOf = useCallback((q: string) => JSON.stringify([q, limit, includeArchived]), [limit, includeArchived]);
  const run = useCallback(
    (q: string) => {
      const ticket = ++latest.current;
      asked.current = keyOf(q);
      const text = q.trim();
      if (!text) return setState({ hits: [], answered: q, error: null });
      // The answer is rendered at once (flushSync) rather than in a later scheduler task: it is what the
      // receptionist is waiting for, and a task queued behind the next keystroke's work would show it a frame late.
      const show = (answer: Answer) => ticket === latest.current && flushSync(() => setState(answer));
      unwrap(api.patients.search({ query: text, limit, includeArchived }))
        .then((r) => show({ hits: r.hits, answered: q, error: null }))
        .catch((e: unknown) => show({ hits: [], answered: q, error: messageOf(e) }));
    },
    [keyOf, limit, includeArchived],
  );
  const ask = useCallback((q: string) => void (asked.current !== keyOf(q) && run(q)), [keyOf, run]);

  // Queries that did not come through ask() (first render, options changed, a box fed from a store).
  useEffect(() => {
    if (asked.current !== keyOf(query)) run(query);
  }, [query, keyOf, run]);

  return { ...state, ask };
}

/**
 * Asks from the box's beforeinput event while the user types plain characters: what the box will hold is known
 * then, a millisecond or more (on a busy machine) before the input event, while the browser inserts the character
 * and lays the field out. The change handler's ask() then finds it asked already. Deleting, pasting, composing
 * (IME), or a guess that comes out different are asked from the change handler as before; a stale guess's answer
 * is dropped like any answer overtaken by a later one.
 */
export function useAskAhead(box: RefObject<HTMLInputElement | null>, ask: (query: string) => void): void {
  const latestAsk = useRef(ask);
  latestAsk.current = ask;
  useEffect(() => {
    const input = box.current;
    if (!input) return;
    const ahead = (e: InputEvent) => {
      const { value, selectionStart: from, selectionEnd: to } = input;
      if (e.inputType !== 'insertText' || e.isComposing || e.data === null || from === null || to === null) return;
      latestAsk.current(value.slice(0, from) + e.data + value.slice(to));
    };
    input.addEventListener('beforeinput', ahead);
    return () => input.removeEventListener('beforeinput', ahead);
  }, [box]);
}
