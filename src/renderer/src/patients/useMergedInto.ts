// Whether an archived record was merged into another: such a record offers no Restore (main refuses it too).
import { useEffect, useState } from 'react';
import type { MergedInto } from '../../../shared/search';
import { api, unwrap } from '../api/client';

/** undefined while asking (so no Restore flashes up first), null when not merged, else the record kept. */
export function useMergedInto(patientId: number, archived: boolean): MergedInto | null | undefined {
  const [into, setInto] = useState<MergedInto | null | undefined>(undefined);
  useEffect(() => {
    if (!archived) return setInto(null);
    let current = true;
    setInto(undefined);
    unwrap(api.patients.mergedInto({ id: patientId }))
      .then((r) => current && setInto(r))
      // Unknown: keep offering Restore; main still refuses it for a merged record, naming the kept one.
      .catch(() => current && setInto(null));
    return () => {
      current = false;
    };
  }, [patientId, archived]);
  return into;
}
