// The patient register's file tools: import from CSV (staff who may add patients) and export (admins, audited).
import { useState } from 'react';
import { roleAllows } from '../../../shared/roles';
import { messageOf } from '../api/client';
import { useApp, useSession } from '../app/store';
import { toast } from '../ui/toasts';
import { downloadPatientsCsv } from './export-csv';

export function RegisterTools() {
  const session = useSession();
  const navigate = useApp((s) => s.navigate);
  const [exporting, setExporting] = useState(false);
  const canImport = roleAllows(session.user.role, 'patients.write');
  const canExport = roleAllows(session.user.role, 'patients.export');

  const exportCsv = async () => {
    setExporting(true);
    try {
      const r = await downloadPatientsCsv();
      toast(`Exported ${r.rows.toLocaleString()} ${r.rows === 1 ? 'patient' : 'patients'} to ${r.fileName}.`);
    } catch (e) {
      toast(messageOf(e), 'error');
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      {canImport && (
        <button type="button" className="button" onClick={() => navigate({ name: 'patient-import' })}>
          Import CSV…
        </button>
      )}
      {canExport && (
        <button type="button" className="button" onClick={() => void exportCsv()} disabled={exporting}>
          {exporting ? 'Exporting…' : 'Export CSV'}
        </button>
      )}
    </>
  );
}
