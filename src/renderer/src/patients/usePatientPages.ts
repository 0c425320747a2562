// Loads the patient list in pages of 100 as rows scroll into view; the previous result stays on screen
// until the new one arrives, so typing in the search box never flashes an empty table.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PatientListQuery, PatientSummary } from '../../../shared/patients';
import { api, messageOf, unwrap } from '../api/client';

export const PAGE_SIZE = 100;

interface Loaded {
  key: string;
  total: number;
  pages: Map<number, PatientSummary[]>;
  loading: Set<number>;
}

export interface PatientPages {
  /** null until the first page of the first query arrives. */
  total: number | null;
  rowAt(index: number): PatientSummary | undefined;
  ensureRange(first: number, last: number): void;
  error: string | null;
  /** The query the rows on screen belong to. */
  shownKey: string | null;
}

type Query = Required<Pick<PatientListQuery, 'query' | 'status' | 'sort' | 'direction' | 'upcoming'>>;

/** Identifies a result set: rows on screen belong to the current query when their keys are equal. */
export const listKey = (q: Query) => JSON.stringify([q.query, q.status, q.sort, q.direction, q.upcoming]);

export function usePatientPages(q: Query): PatientPages {
  const key = listKey(q);
  const latestKey = useRef(key);
  const [shown, setShown] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const queryRef = useRef(q);
  queryRef.current = q;

  const fetchPage = useCallback((target: Loaded, page: number) => {
    target.loading.add(page);
    unwrap(api.patients.list({ ...queryRef.current, offset: page * PAGE_SIZE, limit: PAGE_SIZE }))
      .then((data) => {
        target.loading.delete(page);
        if (latestKey.current !== target.key) return;
        target.pages.set(page, data.rows);
        target.total = data.total;
        setError(null);
        setShown({ ...target });
      })
      .catch((e: unknown) => {
        target.loading.delete(page);
        if (latestKey.current === target.key) setError(messageOf(e));
      });
  }, []);

  useEffect(() => {
    latestKey.current = key;
    fetchPage({ key, total: 0, pages: new Map(), loading: new Set() }, 0);
  }, [key, fetchPage]);

  const ensureRange = useCallback(
    (first: number, last: number) => {
      if (!shown || shown.key !== latestKey.current) return;
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
        if (!shown.pages.has(page) && !shown.loading.has(page) && page * PAGE_SIZE < shown.total) fetchPage(shown, page);
      }
    },
    [shown, fetchPage],
  );

  const rowAt = useCallback(
    (index: number) => shown?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [shown],
  );

  return { total: shown?.total ?? null, rowAt, ensureRange, error, shownKey: shown?.key ?? null };
}
