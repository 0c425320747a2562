// The staff list, loaded from main and replaced row by row after each change.
import { useCallback, useEffect, useState } from 'react';
import type { StaffMember } from '../../../shared/staff';
import { api, messageOf, unwrap } from '../api/client';

export function useStaff() {
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    unwrap(api.staff.list())
      .then(setStaff)
      .catch((e: unknown) => setError(messageOf(e)));
  }, []);
  useEffect(reload, [reload]);
  const replace = (member: StaffMember) =>
    setStaff((list) => (list?.some((m) => m.id === member.id) ? list.map((m) => (m.id === member.id ? member : m)) : [...(list ?? []), member]));
  return { staff, error, replace, reload };
}
