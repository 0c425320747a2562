// Registers the deterministic SQL functions the patient-search triggers call (SQLite has no unaccent).
// Every connection that writes patients must call this before touching the table — openDatabase() does —
// so the patients table can only be written by Anteroom itself (or by a tool that registers the same functions).
import type Database from 'better-sqlite3';
import { nameWords, reverseText } from '../../shared/search-fold';

const text = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));

export function registerSearchFunctions(sqlite: Database.Database): void {
  const opts = { deterministic: true, directOnly: false } as const;
  /** "María", "García-López" → "maria garcia lopez": what the trigram index and the typo check read. */
  sqlite.function('anteroom_name_fold', opts, (first: unknown, last: unknown) => nameWords(text(first), text(last)).join(' '));
  /** The same words as a JSON array, expanded into rows with json_each() by the triggers. */
  sqlite.function('anteroom_name_words', opts, (first: unknown, last: unknown) => JSON.stringify(nameWords(text(first), text(last))));
  /** Reversed digits turn "last four digits" into an indexed prefix lookup. */
  sqlite.function('anteroom_reverse', opts, (v: unknown) => (v == null ? null : reverseText(text(v))));
}
