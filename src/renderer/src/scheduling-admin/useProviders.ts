// Every doctor, active or not, for the admin screens; reload after a change.
import { useCallback, useEffect, useState } from 'react';
import type { Provider } from '../../../shared/scheduling';
import { api, messageOf, unwrap } from '../api/client';
import { forgetSchedulingRefs } from '../calendar/useSchedulingRefs';

export function useProviders() {
  const [providers, setProviders] = useState<Provider[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    forgetSchedulingRefs();
    unwrap(api.providers.list({ includeInactive: true }))
      .then(setProviders)
      .catch((e: unknown) => setError(messageOf(e)));
  }, []);
  useEffect(reload, [reload]);
  return { providers, error, reload };
}
