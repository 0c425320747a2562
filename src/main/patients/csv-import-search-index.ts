// During a CSV import, writes the search index of each inserted chunk with two set-based statements instead of
// firing the per-patient search trigger 100,000 times. The trigger's derived values (folded name, name words,
// reversed phone digits) are computed in JavaScript while rows are staged — by the same functions the trigger
// calls, once per distinct name — so SQLite never calls back into JavaScript for them: measured at 100,000 rows,
// ~2.2 s of index writing fell to ~1.3 s (CPU). The name vocabulary still fills through its own trigger.
//
// Safe by construction (csv-import-triggers.ts): the trigger is dropped and restored inside the import's
// transaction, and only while its SQL is exactly the one mirrored here (migrations 0012/0016);
// csv-import-insert.test.ts compares every search table of an imported clinic with a typed-in one, and fails
// when this fast path is no longer taken.
import type Database from 'better-sqlite3';
import type { PatientFields } from '../../shared/patients';
import { nameWords, reverseText } from '../../shared/search-fold';
import { takeOverTrigger } from './csv-import-triggers';

const TRIGGER = 'patients_search_insert';

/** sha256 of sqlite_master.sql of patients_search_insert as created by migration 0012. */
export const MIRRORED_TRIGGER_SHA256 = 'bdf5ff7cc27821500651751c43183f9f1e36ef4466c64a1dc2de3237113b07a7';

/** A row's values for SEARCH_STAGING_COLUMNS. */
export type SearchValues = [nameFold: string, nameWords: string, phoneDigits: string, phoneRev: string];

/** Staging-table columns holding what the trigger derives from a patient row, in the order searchValues gives them. */
export const SEARCH_STAGING_COLUMNS = ['name_fold', 'name_words', 'phone_digits', 'phone_rev'] as const;

/**
 * What patients_search_insert derives from a row: anteroom_name_fold, anteroom_name_words (sql-functions.ts) and
 * anteroom_reverse(replace(phone, '+', '')). Names repeat a lot in a register, so each is folded once per import.
 */
export function searchValuesOf(): (f: PatientFields) => SearchValues {
  const names = new Map<string, [string, string]>();
  return (f) => {
    const key = `${f.firstName}\u0000${f.lastName}`;
    let name = names.get(key);
    if (!name) {
      const words = nameWords(f.firstName, f.lastName);
      names.set(key, (name = [words.join(' '), JSON.stringify(words)]));
    }
    const digits = f.phone.replaceAll('+', '');
    return [name[0], name[1], digits, reverseText(digits)];
  };
}

export interface ChunkSearchIndex {
  /** Indexes the staged chunk, whose row `seq` became patient `firstId + seq`, as the trigger would have. */
  indexStaged(firstId: number): void;
  /** Recreates the trigger, inside the same transaction, before COMMIT. */
  restoreTrigger(): void;
}

/**
 * Call inside the import's write transaction, once temp.import_rows exists. Drops the per-patient search trigger
 * and returns the set-based stand-in, or null (trigger left in place) when the trigger is not the one mirrored here.
 */
export function takeOverSearchIndex(sqlite: Database.Database): ChunkSearchIndex | null {
  const triggerSql = takeOverTrigger(sqlite, TRIGGER, MIRRORED_TRIGGER_SHA256);
  if (triggerSql === null) return null;
  // The trigger's first statement, for every staged patient in id order. The staged mrn, email and date of birth
  // are the very values moved into patients, so lower() and the cast see what they would see in `new`.
  const searchRows = sqlite.prepare(
    `INSERT INTO patient_search (patient_id, name_fold, phone_digits, phone_rev, email, mrn_number, dob)
     SELECT ? + seq, name_fold, phone_digits, phone_rev, lower(email), CAST(substr(mrn, 3) AS INTEGER), date_of_birth
     FROM temp.import_rows ORDER BY rowid`,
  );
  // Its second: each patient's name words in the trigger's order (patient by patient, words as listed), so new
  // words reach the vocabulary — and its rowids — in the same order as typed-in patients' would.
  const nameRows = sqlite.prepare(
    `INSERT INTO patient_name_index (word, patient_id, spaced_name)
     SELECT j.value, ? + s.seq, ' ' || s.name_fold || ' '
     FROM temp.import_rows s, json_each(s.name_words) j
     ORDER BY s.rowid, j.key`,
  );
  return {
    indexStaged(firstId) {
      searchRows.run(firstId);
      nameRows.run(firstId);
    },
    restoreTrigger() {
      sqlite.exec(triggerSql);
    },
  };
}
