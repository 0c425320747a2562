// Patient CSV export (admins only, audited by the handler): the same columns the import reads, plus record numbers.
import Papa from 'papaparse';
import { CSV_FIELDS, type PatientCsvExport } from '../../shared/patient-csv';
import type { Db } from '../db/client';
import { patients } from '../db/schema';

const COLUMNS = ['mrn', ...CSV_FIELDS, 'archivedAt', 'createdAt'] as const;
/** Field → register column, read from the drizzle schema so export and import name the same columns. */
const SQL_COLUMNS = Object.fromEntries(COLUMNS.map((c) => [c, patients[c].name])) as Record<(typeof COLUMNS)[number], string>;

/** Free text that a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe. */
const FORMULA = /^[=+\-@\t\r]/;
const PHONE_COLUMNS = new Set(['phone', 'emergencyContactPhone']);
const defuse = (column: string, v: unknown) => (typeof v === 'string' && !PHONE_COLUMNS.has(column) && FORMULA.test(v) ? `'${v}` : v);

/** `day`: the clinic's calendar day (YYYY-MM-DD), for the file's name. */
export function exportPatientsCsv(db: Db, includeArchived: boolean, day: string): PatientCsvExport {
  const select = COLUMNS.map((c) => `${SQL_COLUMNS[c]} AS "${c}"`).join(', ');
  const rows = db.$client
    .prepare(`SELECT ${select} FROM patients ${includeArchived ? '' : 'WHERE archived_at IS NULL'} ORDER BY id`)
    .all() as Record<string, unknown>[];
  const data = rows.map((r) => COLUMNS.map((c) => defuse(c, r[c]) ?? ''));
  const csv = Papa.unparse({ fields: [...COLUMNS], data }, { newline: '\r\n' });
  return { fileName: `patients-${day}.csv`, rows: rows.length, csv };
}
