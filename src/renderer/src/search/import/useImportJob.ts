// Runs an import job in main and follows it: start, poll its progress every 100 ms, cancel (main answers
// only once everything is rolled back, so "cancelled" always means nothing was imported).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CsvMapping, ImportJobStatus, ImportMode } from '../../../../shared/patient-csv';
import { api, messageOf, unwrap } from '../../api/client';

const POLL_MS = 100;
const RUNNING = new Set(['validating', 'importing']);

export function useImportJob() {
  const [status, setStatus] = useState<ImportJobStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);

  const follow = useCallback(async (jobId: string) => {
    for (;;) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      if (!alive.current) return;
      const s = await unwrap(api.patients.importStatus({ jobId }));
      if (!alive.current) return;
      setStatus(s);
      if (!RUNNING.has(s.state)) return;
    }
  }, []);

  const start = useCallback(
    async (text: string, mapping: CsvMapping, mode: ImportMode) => {
      setError(null);
      setCancelling(false);
      try {
        const s = await unwrap(api.patients.importStart({ text, mapping, mode }));
        setStatus(s);
        await follow(s.jobId);
      } catch (e) {
        setError(messageOf(e));
      }
    },
    [follow],
  );

  const cancel = useCallback(async () => {
    if (!status) return;
    setCancelling(true);
    try {
      setStatus(await unwrap(api.patients.importCancel({ jobId: status.jobId })));
    } catch (e) {
      setError(messageOf(e));
    }
  }, [status]);

  const reset = useCallback(() => {
    setStatus(null);
    setError(null);
    setCancelling(false);
  }, []);

  return { status, error, cancelling, running: status !== null && RUNNING.has(status.state), start, cancel, reset };
}
