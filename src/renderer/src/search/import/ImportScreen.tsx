// Importing patients from a CSV file: pick it, match its columns, see every problem row, then import all
// valid rows or nothing at all — with a progress bar and Cancel. Main rolls back anything unfinished.
import { useState, type ChangeEvent } from 'react';
import type { CsvMapping, ImportMode, ImportReport } from '../../../../shared/patient-csv';
import { ApiError, api, messageOf, unwrap } from '../../api/client';
import { useApp } from '../../app/store';
import { guessMapping, headerOf } from './guess-mapping';
import { ImportMapping } from './ImportMapping';
import { ImportProgress } from './ImportProgress';
import { ImportReportView } from './ImportReportView';
import { useImportJob } from './useImportJob';

interface CsvFile {
  name: string;
  text: string;
  columns: string[];
}

export function ImportScreen() {
  const navigate = useApp((s) => s.navigate);
  const [file, setFile] = useState<CsvFile | null>(null);
  const [mapping, setMapping] = useState<CsvMapping>({});
  const [report, setReport] = useState<ImportReport | null>(null);
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');
  const [problem, setProblem] = useState<string | null>(null);
  const [mappingErrors, setMappingErrors] = useState<Record<string, string>>({});
  const [checking, setChecking] = useState(false);
  const job = useImportJob();

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    setReport(null);
    setProblem(null);
    job.reset();
    if (!chosen) return setFile(null);
    const text = await chosen.text();
    const columns = headerOf(text);
    if (columns.length === 0) {
      setFile(null);
      return setProblem('That file has no header row. The first line must name the columns (for example First name, Last name, Date of birth, Mobile).');
    }
    setFile({ name: chosen.name, text, columns });
    setMapping(guessMapping(columns));
    setMappingErrors({});
  };

  const check = async () => {
    if (!file) return;
    setChecking(true);
    setProblem(null);
    try {
      setReport(await unwrap(api.patients.importPreview({ text: file.text, mapping })));
      setMappingErrors({});
    } catch (e) {
      setReport(null);
      setMappingErrors(e instanceof ApiError ? e.fields : {});
      setProblem(messageOf(e));
    } finally {
      setChecking(false);
    }
  };

  const changeMapping = (next: CsvMapping) => {
    setMapping(next);
    setReport(null); // the check no longer describes what would be imported
  };

  const locked = job.status !== null;
  return (
    <div className="screen import-screen">
      <header className="screen-header">
        <div>
          <h1 className="screen-title">Import patients</h1>
          <p className="screen-subtitle">From a CSV file exported by another system or a spreadsheet. Nothing is saved until you start the import.</p>
        </div>
        <button type="button" className="button" onClick={() => navigate({ name: 'patients' })} disabled={job.running}>
          Back to patients
        </button>
      </header>
      <section className="form-section import-file">
        <label className="field-label" htmlFor="import-file">
          CSV file
        </label>
        <input id="import-file" type="file" accept=".csv,text/csv" className="import-file-input" onChange={(e) => void pick(e)} disabled={job.running} autoFocus />
        {file && (
          <p className="muted">
            {file.name}: {file.columns.length} columns
          </p>
        )}
      </section>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {file && !locked && <ImportMapping columns={file.columns} mapping={mapping} errors={mappingErrors} onChange={changeMapping} />}
      {file && !report && !locked && (
        <div className="import-actions">
          <button type="button" className="button button-primary" onClick={() => void check()} disabled={checking}>
            {checking ? 'Checking every row…' : 'Check the file'}
          </button>
        </div>
      )}
      {report && <ImportReportView report={report} />}
      {file && report && !locked && (
        <fieldset className="form-section import-mode">
          <legend className="form-section-title">How to import</legend>
          <label className="radio-line">
            <input type="radio" name="import-mode" checked={mode === 'all-or-nothing'} onChange={() => setMode('all-or-nothing')} />
            Import only if every row is valid <span className="muted">— otherwise nothing is imported, so you can fix the file and try again</span>
          </label>
          <label className="radio-line">
            <input type="radio" name="import-mode" checked={mode === 'valid-only'} onChange={() => setMode('valid-only')} />
            Import all valid rows ({report.validRows.toLocaleString()}) <span className="muted">— and skip the {report.invalidRows.toLocaleString()} with problems</span>
          </label>
          <div className="import-actions">
            <button type="button" className="button button-primary" onClick={() => void job.start(file.text, mapping, mode)}>
              Start import
            </button>
          </div>
        </fieldset>
      )}
      {job.error && (
        <p className="form-error" role="alert">
          {job.error}
        </p>
      )}
      {job.status && (
        <ImportProgress
          status={job.status}
          cancelling={job.cancelling}
          onCancel={() => void job.cancel()}
          onDone={() => navigate({ name: 'patients' })}
          onAgain={job.reset}
        />
      )}
    </div>
  );
}
