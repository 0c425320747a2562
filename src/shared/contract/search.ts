// Channels of front-desk search, duplicate check, merge and CSV import/export (all under `patients.`).
import type { ImportJobStatus, ImportReport, PatientCsvExport } from '../patient-csv';
import { exportCsvInput, importJobInput, importPreviewInput, importStartInput } from '../patient-csv';
import { patientIdInput } from '../patients';
import type { DuplicateCandidate, MergedInto, PatientMergeResult, PatientSearchResult } from '../search';
import { duplicateCheckInput, patientMergeInput, patientSearchInput } from '../search';
import { channel } from './define';

export const patientSearchChannels = {
  /** Every keystroke of the search box: not audited (searching is not opening a record). */
  'patients.search': channel<PatientSearchResult>()({ input: patientSearchInput, permission: 'patients.read' }),
  'patients.findDuplicates': channel<DuplicateCandidate[]>()({ input: duplicateCheckInput, permission: 'patients.read' }),
  'patients.merge': channel<PatientMergeResult>()({ input: patientMergeInput, permission: 'patients.merge' }),
  /** null unless the record was merged into another; then the kept record, so its page can point there. */
  'patients.mergedInto': channel<MergedInto | null>()({ input: patientIdInput, permission: 'patients.read' }),
  'patients.importPreview': channel<ImportReport>()({ input: importPreviewInput, permission: 'patients.write' }),
  'patients.importStart': channel<ImportJobStatus>()({ input: importStartInput, permission: 'patients.write' }),
  /** Background: the import screen follows its job every 100 ms. */
  'patients.importStatus': channel<ImportJobStatus>()({ input: importJobInput, permission: 'patients.write', background: true }),
  'patients.importCancel': channel<ImportJobStatus>()({ input: importJobInput, permission: 'patients.write' }),
  'patients.exportCsv': channel<PatientCsvExport>()({ input: exportCsvInput, permission: 'patients.export' }),
};
