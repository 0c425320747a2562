// Step 3: what main found in the file — counts, every bad row with its reason, and likely duplicates.
import type { ImportDuplicateFlag, ImportReport } from '../../../../shared/patient-csv';
import { FIELD_LABELS } from './guess-mapping';

const DUPLICATE_WORDS: Record<ImportDuplicateFlag['reason'], string> = {
  'same-phone': 'Same mobile phone as',
  'same-email': 'Same email as',
  'same-name-and-birth-date': 'Same name and date of birth as',
  'repeated-in-file': 'Repeats',
};

const fieldName = (f: string) => (f === 'row' ? 'Whole row' : (FIELD_LABELS as Record<string, string>)[f] ?? f);

export function ImportReportView({ report }: { report: ImportReport }) {
  const shown = (n: number, total: number) => (total > n ? ` (first ${n.toLocaleString()} of ${total.toLocaleString()} shown)` : '');
  return (
    <section className="import-report" aria-label="Check of the file">
      <dl className="import-counts">
        <div>
          <dt>Rows</dt>
          <dd>{report.totalRows.toLocaleString()}</dd>
        </div>
        <div className="is-ok">
          <dt>Ready to import</dt>
          <dd>{report.validRows.toLocaleString()}</dd>
        </div>
        <div className={report.invalidRows ? 'is-bad' : ''}>
          <dt>With problems</dt>
          <dd>{report.invalidRows.toLocaleString()}</dd>
        </div>
        <div className={report.duplicateCount ? 'is-warn' : ''}>
          <dt>Possible duplicates</dt>
          <dd>{report.duplicateCount.toLocaleString()}</dd>
        </div>
      </dl>
      {report.problems.length > 0 && (
        <div className="import-table-wrap">
          <h3 className="import-table-title">Rows with problems{shown(report.problems.length, report.problemCount)}</h3>
          <table className="import-table" aria-label="Rows with problems">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Field</th>
                <th scope="col">What to fix</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((p, i) => (
                <tr key={`${p.row}-${p.field}-${i}`}>
                  <td className="mono">{p.row}</td>
                  <td>{fieldName(p.field)}</td>
                  <td>{p.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.duplicates.length > 0 && (
        <div className="import-table-wrap">
          <h3 className="import-table-title">Possible duplicates{shown(report.duplicates.length, report.duplicateCount)}</h3>
          <p className="muted">These rows are valid and will be imported; check them afterwards and merge any that are the same person.</p>
          <table className="import-table" aria-label="Possible duplicates">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Looks like</th>
              </tr>
            </thead>
            <tbody>
              {report.duplicates.map((d, i) => (
                <tr key={`${d.row}-${d.reason}-${i}`}>
                  <td className="mono">{d.row}</td>
                  <td>
                    {DUPLICATE_WORDS[d.reason]} {d.existingMrn ? <span className="mono">{d.existingMrn}</span> : d.earlierRow ? `row ${d.earlierRow}` : 'another row'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
