// Patient CSV import and export: column mapping, per-row report and job progress shared by main and renderer.
import { z } from 'zod';

/** Patient fields a CSV column can be mapped to, in export order. */
export const CSV_FIELDS = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'sex',
  'phone',
  'email',
  'addressLine',
  'city',
  'postalCode',
  'emergencyContactName',
  'emergencyContactPhone',
  'allergies',
  'medicalHistory',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

export const CSV_REQUIRED_FIELDS: readonly CsvField[] = ['firstName', 'lastName', 'dateOfBirth', 'phone'];

/** Each patient field as the patient form labels it: the import's column choices, its report and its messages say the same. */
export const PATIENT_FIELD_LABELS: Record<CsvField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  phone: 'Mobile phone',
  email: 'Email',
  addressLine: 'Street address',
  city: 'City',
  postalCode: 'Postal code',
  emergencyContactName: 'Emergency contact name',
  emergencyContactPhone: 'Emergency contact phone',
  allergies: 'Allergies',
  medicalHistory: 'Medical history',
};

/** 20 MB of text is roughly 150,000 patients; larger files should be split. */
const MAX_CSV_CHARS = 20_000_000;

export const IMPORT_MODES = ['all-or-nothing', 'valid-only'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** Field → the header of the CSV column that holds it. Unmapped (absent or blank) optional fields stay empty. */
export const csvMapping = z.partialRecord(z.enum(CSV_FIELDS), z.string().trim().max(200).optional());
export type CsvMapping = z.output<typeof csvMapping>;

export const importPreviewInput = z.object({
  /** The file's text, read by the renderer: main never opens a path the renderer names. */
  text: z.string({ error: 'Choose a CSV file.' }).min(1, 'The file is empty.').max(MAX_CSV_CHARS, 'The file is too large; split it into files of under 20 MB.'),
  mapping: csvMapping,
});

export const importStartInput = importPreviewInput.extend({
  mode: z.enum(IMPORT_MODES, { error: 'Choose whether to import all rows or only the valid ones.' }),
});

export const importJobInput = z.object({ jobId: z.string().min(1).max(100) });

export interface ImportProblem {
  /** Spreadsheet row: the header is row 1, the first patient row 2. */
  row: number;
  field: CsvField | 'row';
  reason: string;
}

export interface ImportDuplicateFlag {
  row: number;
  reason: 'same-phone' | 'same-email' | 'same-name-and-birth-date' | 'repeated-in-file';
  /** The existing patient it may duplicate (record number), or the earlier row of the file. */
  existingMrn: string | null;
  earlierRow: number | null;
}

/** Lists are capped so a bad 100,000-row file does not flood the window; counts are exact. */
export const REPORT_LIMIT = 500;

export interface ImportReport {
  columns: string[];
  totalRows: number;
  validRows: number;
  invalidRows: number;
  problems: ImportProblem[];
  problemCount: number;
  duplicates: ImportDuplicateFlag[];
  duplicateCount: number;
}

export const IMPORT_STATES = ['validating', 'importing', 'done', 'cancelled', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

export interface ImportJobStatus {
  jobId: string;
  state: ImportState;
  /** 0–100 across validating and importing. */
  percent: number;
  imported: number;
  report: ImportReport | null;
  /** Why the job failed, in words for the desk (never patient data). */
  message: string | null;
}

export const exportCsvInput = z.object({ includeArchived: z.boolean().default(false) });

export interface PatientCsvExport {
  fileName: string;
  rows: number;
  csv: string;
}
