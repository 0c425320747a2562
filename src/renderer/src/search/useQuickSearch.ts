// Asks main's ranked search on every change of the query, without debounce (a lookup takes about a
// millisecond); answers that arrive out of order are dropped, so the list always matches what is typed.
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { PatientSearchHit } from '../../../shared/search';
import { api, messageOf, unwrap } from '../api/client';

export interface QuickSearch {
  /** Starts the search for a query right away (from the input's change handler, before React renders). */
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

  const run = useCallback(
    (q: string) => {
      const ticket = ++latest.current;
      asked.current = JSON.stringify([q, limit, includeArchived]);
      const text = q.trim();
      if (!text) return setState({ hits: [], answered: q, error: null });
      // The answer is rendered at once (flushSync) rather than in a later scheduler task: it is what the
      // receptionist is waiting for, and a task queued behind the next keystroke's work would show it a frame late.
      const show = (answer: Answer) => ticket === latest.current && flushSync(() => setState(answer));
      unwrap(api.patients.search({ query: text, limit, includeArchived }))
        .then((r) => show({ hits: r.hits, answered: q, error: null }))
        .catch((e: unknown) => show({ hits: [], answered: q, error: messageOf(e) }));
    },
    [limit, includeArchived],
  );

  // Queries that did not come through ask() (first render, options changed, a box fed from a store).
  useEffect(() => {
    if (asked.current !== JSON.stringify([query, limit, includeArchived])) run(query);
  }, [query, limit, includeArchived, run]);

  return { ...state, ask: run };
}
