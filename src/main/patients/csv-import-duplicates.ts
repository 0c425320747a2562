// Flags (never refuses) import rows that look like patients already registered or like an earlier row of the
// same file. Existing patients are looked up per row through the search indexes for a small file, or read once
// into maps for a file that is large next to the register: 100,000 rows × 3 index probes cost seconds, one
// scan of the register a few hundred milliseconds.
import type Database from 'better-sqlite3';
import type { ImportDuplicateFlag } from '../../shared/patient-csv';
import type { PatientFields } from '../../shared/patients';
import { foldedWords } from '../../shared/search-fold';
import { statement } from '../search/statements';

/** The record number of an existing patient with this phone (digits of E.164), email or birth date + folded name. */
export interface ExistingPatients {
  /** True when the register is known to be empty (a new clinic's first import): no lookup can answer. */
  readonly none?: boolean;
  byPhone(phoneDigits: string): string | undefined;
  byEmail(email: string): string | undefined;
  byNameAndBirth(dateOfBirth: string, nameFold: string): string | undefined;
}

const FIRST_MRN = (column: string) => `SELECT p.mrn FROM patient_search s JOIN patients p ON p.id = s.patient_id WHERE ${column} LIMIT 1`;

/** One indexed lookup per question: the cheap way when the file is small next to the register. */
export function probedPatients(sqlite: Database.Database): ExistingPatients {
  const mrn = (sql: string, ...args: string[]) => (statement(sqlite, sql).pluck().get(...args) as string | undefined) ?? undefined;
  return {
    byPhone: (digits) => mrn(FIRST_MRN('s.phone_digits = ?'), digits),
    byEmail: (email) => mrn(FIRST_MRN('s.email = ?'), email),
    byNameAndBirth: (dob, name) => mrn(FIRST_MRN('s.dob = ? AND s.name_fold = ?'), dob, name),
  };
}

/**
 * The register read once into maps, a page of patients per turn of the event loop (the window stays responsive
 * while 100,000 rows are read). Rows come in patient id order and the first one per key is kept, which is the
 * patient the indexed lookup finds first (index entries with equal keys are ordered by rowid).
 */
export async function scannedPatients(sqlite: Database.Database, nextTurn: () => Promise<void> = async () => {}, pageSize = SCAN_PAGE): Promise<ExistingPatients> {
  const phones = new Map<string, string>();
  const emails = new Map<string, string>();
  const names = new Map<string, string>();
  const page = sqlite.prepare(
    `SELECT s.patient_id, s.phone_digits, s.email, s.dob, s.name_fold, p.mrn FROM patient_search s JOIN patients p ON p.id = s.patient_id
     WHERE s.patient_id > ? ORDER BY s.patient_id LIMIT ?`,
  );
  for (let after = 0; ; await nextTurn()) {
    const rows = page.raw().all(after, pageSize) as [number, string, string | null, string, string, string][];
    for (const [, phone, email, dob, name, mrn] of rows) {
      if (!phones.has(phone)) phones.set(phone, mrn);
      if (email !== null && !emails.has(email)) emails.set(email, mrn);
      const key = `${dob}|${name}`;
      if (!names.has(key)) names.set(key, mrn);
    }
    if (rows.length < pageSize) break;
    after = rows[rows.length - 1]![0];
  }
  return {
    none: names.size === 0,
    byPhone: (digits) => phones.get(digits),
    byEmail: (email) => emails.get(email),
    byNameAndBirth: (dob, name) => names.get(`${dob}|${name}`),
  };
}

/** Register rows read per turn: about 50 ms of work. */
const SCAN_PAGE = 10_000;

/** Per-row probes cost about as much as reading this many register rows each, so scan once past that ratio. */
const SCAN_WHEN_REGISTER_UNDER_ROWS_TIMES = 5;

/** How the existing patients are best read for a file of `rows` rows. */
export async function existingPatientsFor(sqlite: Database.Database, rows: number, nextTurn?: () => Promise<void>): Promise<ExistingPatients> {
  const register = (sqlite.prepare('SELECT coalesce(sum(n), 0) FROM patient_counts').pluck().get() as number) ?? 0;
  return register <= rows * SCAN_WHEN_REGISTER_UNDER_ROWS_TIMES ? scannedPatients(sqlite, nextTurn) : probedPatients(sqlite);
}

export class DuplicateFlagger {
  /** Rows seen so far by phone, email, and sorted name words + birth date: one map each, so no key is built per row but the name's. */
  private readonly seenPhones = new Map<string, number>();
  private readonly seenEmails = new Map<string, number>();
  private readonly seenNames = new Map<string, number>();
  constructor(private readonly existing: ExistingPatients) {}

  /** first + last name → [words sorted, distinct words in order]; a register's names repeat a lot. */
  private readonly folds = new Map<string, [string, string]>();

  flag(row: number, f: PatientFields): ImportDuplicateFlag | null {
    const [sortedWords, nameFold] = this.fold(f.firstName, f.lastName);
    // Every key of the row is remembered; the first one an earlier row shares (phone, email, name) is the flag.
    let flag = seenBefore(this.seenPhones, f.phone, row, null);
    if (f.email) flag = seenBefore(this.seenEmails, f.email, row, flag);
    flag = seenBefore(this.seenNames, `${sortedWords}|${f.dateOfBirth}`, row, flag);
    return flag ?? (this.existing.none ? null : this.registered(row, f, nameFold));
  }

  // One fold per name serves both keys: sorted words (word order ignored) for the file, and the distinct words in
  // order — what the search index stores as name_fold (anteroom_name_fold) — for the register.
  private fold(firstName: string, lastName: string): [string, string] {
    const name = `${firstName} ${lastName}`;
    let folded = this.folds.get(name);
    if (!folded) {
      const words = foldedWords(name);
      this.folds.set(name, (folded = [[...words].sort().join(' '), [...new Set(words)].join(' ')]));
    }
    return folded;
  }

  private registered(row: number, f: PatientFields, nameFold: string): ImportDuplicateFlag | null {
    const byPhone = this.existing.byPhone(f.phone.slice(1));
    if (byPhone) return { row, reason: 'same-phone', existingMrn: byPhone, earlierRow: null };
    const byEmail = f.email ? this.existing.byEmail(f.email) : undefined;
    if (byEmail) return { row, reason: 'same-email', existingMrn: byEmail, earlierRow: null };
    const byName = this.existing.byNameAndBirth(f.dateOfBirth, nameFold);
    return byName ? { row, reason: 'same-name-and-birth-date', existingMrn: byName, earlierRow: null } : null;
  }
}

/** Remembers `key` for `row` unless an earlier row had it; then (if no flag yet) flags this row as a repeat of it. */
function seenBefore(seen: Map<string, number>, key: string, row: number, flag: ImportDuplicateFlag | null): ImportDuplicateFlag | null {
  const earlier = seen.get(key);
  if (earlier === undefined) {
    seen.set(key, row);
    return flag;
  }
  return flag ?? { row, reason: 'repeated-in-file', existingMrn: null, earlierRow: earlier };
}
