// Reads a patient CSV (papaparse), checks every row with the same rules as the patient form, and flags
// likely duplicates — of existing patients and of earlier rows in the same file.
import Papa from 'papaparse';
import type Database from 'better-sqlite3';
import { CSV_REQUIRED_FIELDS, REPORT_LIMIT, type CsvField, type CsvMapping, type ImportDuplicateFlag, type ImportProblem, type ImportReport } from '../../shared/patient-csv';
import { patientFields, type PatientFields, type Sex } from '../../shared/patients';
import { normalizePhone } from '../../shared/phone';
import { dateOrderOf, parseTypedDate } from '../../shared/search-date';
import { foldedWords, nameWords } from '../../shared/search-fold';
import { AppFailure } from '../ipc/errors';
import { statement } from '../search/statements';

export interface ParsedCsv {
  columns: string[];
  rows: Record<string, string>[];
  /** Rows papaparse could not split cleanly (index into rows → reason). */
  broken: Map<number, string>;
}

export function parseCsv(text: string): ParsedCsv {
  const out = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  const broken = new Map<number, string>();
  for (const e of out.errors) {
    if (typeof e.row === 'number' && !broken.has(e.row)) {
      broken.set(e.row, e.code === 'TooFewFields' || e.code === 'TooManyFields' ? 'This row has a different number of columns than the header.' : 'This row could not be read (check its quotes).');
    }
  }
  return { columns: out.meta.fields ?? [], rows: out.data, broken };
}

/** Every required field is mapped, and every mapped column exists in the file. */
export function checkMapping(columns: string[], mapping: CsvMapping): void {
  const fields: Record<string, string> = {};
  for (const f of CSV_REQUIRED_FIELDS) if (!mapping[f]) fields[`mapping.${f}`] = `Choose the column that holds ${LABELS[f].toLowerCase()}.`;
  for (const [f, header] of Object.entries(mapping)) {
    if (header && !columns.includes(header)) fields[`mapping.${f}`] = `The file has no column named "${header}".`;
  }
  if (Object.keys(fields).length) throw new AppFailure('VALIDATION', Object.values(fields).join(' '), fields);
}

const LABELS: Record<CsvField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  phone: 'Mobile phone',
  email: 'Email',
  addressLine: 'Address',
  city: 'City',
  postalCode: 'Postal code',
  emergencyContactName: 'Emergency contact name',
  emergencyContactPhone: 'Emergency contact phone',
  allergies: 'Allergies',
  medicalHistory: 'Medical history',
};

const SEX_WORDS: Record<string, Sex> = { '': 'unknown', f: 'female', female: 'female', w: 'female', woman: 'female', m: 'male', male: 'male', man: 'male', o: 'other', other: 'other', u: 'unknown', unknown: 'unknown', 'not stated': 'unknown' };

export type RowCheck = { ok: true; fields: PatientFields } | { ok: false; problems: ImportProblem[] };

export function checkRow(raw: Record<string, string>, row: number, mapping: CsvMapping, country: string): RowCheck {
  const cell = (f: CsvField) => {
    const header = mapping[f];
    return header ? (raw[header] ?? '').trim() : '';
  };
  const problems: ImportProblem[] = [];
  const dob = parseTypedDate(cell('dateOfBirth'), country);
  if (!dob) {
    const example = dateOrderOf(country) === 'MDY' ? '12/31/1984' : '31/12/1984';
    problems.push({ row, field: 'dateOfBirth', reason: `Date of birth must be a real date, e.g. ${example} or 1984-12-31.` });
  }
  const sex = SEX_WORDS[cell('sex').toLowerCase()];
  if (!sex) problems.push({ row, field: 'sex', reason: 'Sex must be female, male, other or unknown (or F, M, O, U).' });
  const candidate = Object.fromEntries(CSV_FIELDS_NO_SPECIAL.map((f) => [f, cell(f)]));
  const parsed = patientFields.safeParse({ ...candidate, dateOfBirth: dob ?? '1900-01-01', sex: sex ?? 'unknown' });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ row, field: (issue.path[0] as CsvField) ?? 'row', reason: issue.message });
  }
  const phone = normalizePhone(cell('phone'), country, 'Mobile phone');
  if (!phone.ok && !problems.some((p) => p.field === 'phone')) problems.push({ row, field: 'phone', reason: phone.message });
  let emergency: string | null = null;
  if (cell('emergencyContactPhone')) {
    const e = normalizePhone(cell('emergencyContactPhone'), country, 'Emergency contact phone');
    if (e.ok) emergency = e.e164;
    else problems.push({ row, field: 'emergencyContactPhone', reason: e.message });
  }
  if (problems.length || !parsed.success || !phone.ok) return { ok: false, problems };
  return { ok: true, fields: { ...parsed.data, phone: phone.e164, emergencyContactPhone: emergency } };
}

const CSV_FIELDS_NO_SPECIAL: CsvField[] = ['firstName', 'lastName', 'phone', 'email', 'addressLine', 'city', 'postalCode', 'emergencyContactName', 'emergencyContactPhone', 'allergies', 'medicalHistory'];

/** Flags (never refuses) rows that look like patients already registered or like an earlier row. */
export class DuplicateFlagger {
  private readonly seen = new Map<string, number>();
  constructor(private readonly sqlite: Database.Database) {}

  flag(row: number, f: PatientFields): ImportDuplicateFlag | null {
    const name = `${foldedWords(`${f.firstName} ${f.lastName}`).sort().join(' ')}|${f.dateOfBirth}`;
    const keys = [`p:${f.phone}`, f.email ? `e:${f.email}` : null, `n:${name}`].filter((k): k is string => k !== null);
    let flag: ImportDuplicateFlag | null = null;
    for (const k of keys) {
      const earlier = this.seen.get(k);
      if (earlier !== undefined && !flag) flag = { row, reason: 'repeated-in-file', existingMrn: null, earlierRow: earlier };
      if (earlier === undefined) this.seen.set(k, row);
    }
    return flag ?? this.existing(row, f);
  }

  private existing(row: number, f: PatientFields): ImportDuplicateFlag | null {
    const sql = (col: string) => `SELECT p.mrn FROM patient_search s JOIN patients p ON p.id = s.patient_id WHERE s.${col} = ? LIMIT 1`;
    const byPhone = statement(this.sqlite, sql('phone_digits')).get(f.phone.slice(1)) as { mrn: string } | undefined;
    if (byPhone) return { row, reason: 'same-phone', existingMrn: byPhone.mrn, earlierRow: null };
    const byEmail = f.email ? (statement(this.sqlite, sql('email')).get(f.email) as { mrn: string } | undefined) : undefined;
    if (byEmail) return { row, reason: 'same-email', existingMrn: byEmail.mrn, earlierRow: null };
    const folded = nameWords(f.firstName, f.lastName).join(' ');
    const byName = statement(
      this.sqlite,
      'SELECT p.mrn FROM patient_search s JOIN patients p ON p.id = s.patient_id WHERE s.dob = ? AND s.name_fold = ? LIMIT 1',
    ).get(f.dateOfBirth, folded) as { mrn: string } | undefined;
    return byName ? { row, reason: 'same-name-and-birth-date', existingMrn: byName.mrn, earlierRow: null } : null;
  }
}

/** Accumulates the per-row report; keeps the first REPORT_LIMIT entries of each list and exact counts. */
export class ReportBuilder {
  readonly report: ImportReport;
  constructor(columns: string[], totalRows: number) {
    this.report = { columns, totalRows, validRows: 0, invalidRows: 0, problems: [], problemCount: 0, duplicates: [], duplicateCount: 0 };
  }
  invalid(problems: ImportProblem[]): void {
    this.report.invalidRows++;
    this.report.problemCount += problems.length;
    for (const p of problems) if (this.report.problems.length < REPORT_LIMIT) this.report.problems.push(p);
  }
  valid(flag: ImportDuplicateFlag | null): void {
    this.report.validRows++;
    if (!flag) return;
    this.report.duplicateCount++;
    if (this.report.duplicates.length < REPORT_LIMIT) this.report.duplicates.push(flag);
  }
}
