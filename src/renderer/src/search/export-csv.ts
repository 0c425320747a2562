// Downloads the patient register as CSV (admins): main builds and audits the file, the renderer saves it
// through a Blob link, so no path on disk is ever named by the renderer.
import { api, unwrap } from '../api/client';

export async function downloadPatientsCsv(includeArchived = false): Promise<{ fileName: string; rows: number }> {
  const out = await unwrap(api.patients.exportCsv({ includeArchived }));
  const url = URL.createObjectURL(new Blob([out.csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = out.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Let the download start before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { fileName: out.fileName, rows: out.rows };
}
