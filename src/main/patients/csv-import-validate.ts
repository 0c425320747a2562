// Reads a patient CSV (papaparse) and checks every row with the same rules as the patient form.
import Papa from 'papaparse';
import { CSV_REQUIRED_FIELDS, PATIENT_FIELD_LABELS, REPORT_LIMIT, type CsvField, type CsvMapping, type ImportDuplicateFlag, type ImportProblem, type ImportReport } from '../../shared/patient-csv';
import { patientFields, type PatientFields, type Sex } from '../../shared/patients';
import { normalizePhone, type PhoneCheck } from '../../shared/phone';
import { dateOrderOf, parseTypedDate } from '../../shared/search-date';
import { AppFailure } from '../ipc/errors';
import { fastPatientFields, type PatientTextCells } from './csv-import-fields';

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
  for (const f of CSV_REQUIRED_FIELDS) if (!mapping[f]) fields[`mapping.${f}`] = `Choose the column that holds ${PATIENT_FIELD_LABELS[f].toLowerCase()}.`;
  for (const [f, header] of Object.entries(mapping)) {
    if (header && !columns.includes(header)) fields[`mapping.${f}`] = `The file has no column named "${header}".`;
  }
  if (Object.keys(fields).length) throw new AppFailure('VALIDATION', Object.values(fields).join(' '), fields);
}


const SEX_WORDS: Record<string, Sex> = { '': 'unknown', f: 'female', female: 'female', w: 'female', woman: 'female', m: 'male', male: 'male', man: 'male', o: 'other', other: 'other', u: 'unknown', unknown: 'unknown', 'not stated': 'unknown' };

export type RowCheck = { ok: true; fields: PatientFields } | { ok: false; problems: ImportProblem[] };

/** Reads a typed phone as the form does (normalizePhone), answered once per distinct text and country. */
export type PhoneReader = (text: string, label: string) => PhoneCheck;

/**
 * normalizePhone is a pure function of the text and the country, and its libphonenumber parse is the dearest
 * check of a row: a number repeated in a file (a family's landline, a shared emergency contact) is parsed once.
 */
export function phoneReader(country: string): PhoneReader {
  const e164 = new Map<string, string | null>();
  return (text, label) => {
    const known = e164.get(text);
    if (known === undefined) {
      const check = normalizePhone(text, country, label);
      e164.set(text, check.ok ? check.e164 : null);
      return check;
    }
    // Only the verdict is kept: the message names the field, so a refusal is worded again for this label.
    return known === null ? normalizePhone(text, country, label) : { ok: true, e164: known };
  };
}

/** `fastPath` false: zod alone (the fast path's own test compares the two). */
export function checkRow(raw: Record<string, string>, row: number, mapping: CsvMapping, country: string, readPhone: PhoneReader = phoneReader(country), fastPath = true): RowCheck {
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
  const cells: PatientTextCells = {
    firstName: cell('firstName'),
    lastName: cell('lastName'),
    phone: cell('phone'),
    email: cell('email'),
    addressLine: cell('addressLine'),
    city: cell('city'),
    postalCode: cell('postalCode'),
    emergencyContactName: cell('emergencyContactName'),
    emergencyContactPhone: cell('emergencyContactPhone'),
    allergies: cell('allergies'),
    medicalHistory: cell('medicalHistory'),
  };
  // The fast path answers only for rows zod accepts; zod itself words every refusal.
  let fields = fastPath ? fastPatientFields(cells, dob ?? '1900-01-01', sex ?? 'unknown') : null;
  if (!fields) {
    const parsed = patientFields.safeParse({ ...cells, dateOfBirth: dob ?? '1900-01-01', sex: sex ?? 'unknown' });
    if (parsed.success) fields = parsed.data;
    else for (const issue of parsed.error.issues) problems.push({ row, field: (issue.path[0] as CsvField) ?? 'row', reason: issue.message });
  }
  const phone = readPhone(cells.phone, 'Mobile phone');
  if (!phone.ok && !problems.some((p) => p.field === 'phone')) problems.push({ row, field: 'phone', reason: phone.message });
  let emergency: string | null = null;
  if (cells.emergencyContactPhone) {
    const e = readPhone(cells.emergencyContactPhone, 'Emergency contact phone');
    if (e.ok) emergency = e.e164;
    else problems.push({ row, field: 'emergencyContactPhone', reason: e.message });
  }
  if (problems.length || !fields || !phone.ok) return { ok: false, problems };
  fields.phone = phone.e164;
  fields.emergencyContactPhone = emergency;
  return { ok: true, fields };
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
