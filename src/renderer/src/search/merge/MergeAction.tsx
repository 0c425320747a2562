// "Merge with another record…" on a patient's page, for the roles allowed to merge (admins).
import { useState } from 'react';
import type { Patient } from '../../../../shared/patients';
import { roleAllows } from '../../../../shared/roles';
import { useApp, useSession } from '../../app/store';
import { toast } from '../../ui/toasts';
import { MergeDialog } from './MergeDialog';

export function MergeAction({ patient }: { patient: Patient }) {
  const session = useSession();
  const navigate = useApp((s) => s.navigate);
  const [open, setOpen] = useState(false);
  if (!roleAllows(session.user.role, 'patients.merge') || patient.archivedAt) return null;

  const merged = (keptId: number, moved: number) => {
    setOpen(false);
    toast(`Records merged: ${moved} linked ${moved === 1 ? 'item' : 'items'} moved to the kept record.`);
    // The page shows the kept record afresh (its appointments and payments have changed). Going through the
    // register first remounts the page even when the kept record is the one already on screen.
    navigate({ name: 'patients' });
    requestAnimationFrame(() => navigate({ name: 'patient', id: keptId }));
  };

  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Merge with another record…
      </button>
      {open && (
        <MergeDialog patient={patient} country={session.clinic.country} timeZone={session.clinic.timeZone} onMerged={merged} onClose={() => setOpen(false)} />
      )}
    </>
  );
}
