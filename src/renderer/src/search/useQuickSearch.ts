// Asks main's ranked search on every change of the query, without debounce (a lookup takes about a
// millisecond); answers that arrive out of order are dropped, so the list always matches what is typed.
import { useEffect, useRef, useState } from 'react';
import type { PatientSearchHit } from '../../../shared/search';
import { api, messageOf, unwrap } from '../api/client';

export interface QuickSearch {
  hits: PatientSearchHit[];
  /** The query the hits answer; equal to what is typed once the latest answer is in. */
  answered: string | null;
  error: string | null;
}

export function useQuickSearch(query: string, opts: { limit: number; includeArchived: boolean }): QuickSearch {
  const [state, setState] = useState<QuickSearch>({ hits: [], answered: null, error: null });
  const latest = useRef(0);
  const { limit, includeArchived } = opts;

  useEffect(() => {
    const ticket = ++latest.current;
    const text = query.trim();
    if (!text) {
      setState({ hits: [], answered: query, error: null });
      return;
    }
    unwrap(api.patients.search({ query: text, limit, includeArchived }))
      .then((r) => ticket === latest.current && setState({ hits: r.hits, answered: query, error: null }))
      .catch((e: unknown) => ticket === latest.current && setState({ hits: [], answered: query, error: messageOf(e) }));
  }, [query, limit, includeArchived]);

  return state;
}
