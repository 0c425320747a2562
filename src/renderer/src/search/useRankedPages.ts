// The dashboard's search answers from main's ranked search (exact → prefix → contains → typo), shaped like
// the plain list's pages so the patients screen's keys (arrows, Enter opens the top hit) work unchanged.
import { useCallback, useMemo } from 'react';
import type { PatientSummary } from '../../../shared/patients';
import type { PatientSearchHit } from '../../../shared/search';
import type { PatientStatus } from '../patients/list-store';
import { listKey, type PatientPages } from '../patients/usePatientPages';
import { useQuickSearch } from './useQuickSearch';

/** The most a search shows; more than this and the user should type more. */
export const RANKED_LIMIT = 100;

interface ListQuery {
  query: string;
  status: PatientStatus;
  sort: Parameters<typeof listKey>[0]['sort'];
  direction: Parameters<typeof listKey>[0]['direction'];
  upcoming: boolean;
}

const summaryOf = (h: PatientSearchHit): PatientSummary => ({
  id: h.id,
  mrn: h.mrn,
  firstName: h.firstName,
  lastName: h.lastName,
  dateOfBirth: h.dateOfBirth,
  phone: h.phone,
  email: h.email,
  archivedAt: h.archivedAt,
  // Nothing on the search path reads the date added or the spend; the last visit comes with the hit.
  createdAt: '',
  lastVisitAt: h.lastVisitAt,
  totalSpend: null,
  appointmentCount: null,
});

/**
 * `ready` once some typed query has been answered: until then the screen keeps showing the plain list, so
 * arrows pressed during the first search act on rows that are there (as they always did).
 */
export function useRankedPages(q: ListQuery): { pages: PatientPages; hits: PatientSearchHit[]; ready: boolean } {
  const search = useQuickSearch(q.query, { limit: RANKED_LIMIT, includeArchived: q.status !== 'active' });
  const hits = useMemo(() => (q.status === 'archived' ? search.hits.filter((h) => h.archivedAt) : search.hits), [search.hits, q.status]);
  const rowAt = useCallback((index: number) => {
    const hit = hits[index];
    return hit ? summaryOf(hit) : undefined;
  }, [hits]);
  const ensureRange = useCallback(() => {}, []);
  const shownKey = search.answered === null ? null : listKey({ ...q, query: search.answered });
  return {
    hits,
    ready: search.answered !== null && search.answered.trim() !== '',
    pages: { total: search.answered === null ? null : hits.length, rowAt, ensureRange, error: search.error, shownKey },
  };
}
