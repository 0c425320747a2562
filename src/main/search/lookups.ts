// The bounded, indexed lookups each search tier is made of. Every one ends in LIMIT and none sorts by score:
// ranking comes from which tier answered, so a common word never costs more than reading `limit` index rows.
// Raw SQL with bound parameters on the hot path; what the user typed is only ever a parameter.
import type Database from 'better-sqlite3';
import { statement } from './statements';

/** Archived patients are left out unless asked for; `p` is the patients row joined by id. */
const ACTIVE = '(? = 1 OR p.archived_at IS NULL)';

export interface LookupScope {
  sqlite: Database.Database;
  includeArchived: boolean;
}

type Ids = number[];

const ids = (rows: unknown[]): Ids => (rows as { id: number }[]).map((r) => r.id);
const flag = (s: LookupScope) => (s.includeArchived ? 1 : 0);

function bySearchColumn(s: LookupScope, column: 'mrn_number' | 'phone_digits' | 'email' | 'dob', value: string | number, limit: number): Ids {
  const sql = `SELECT s.patient_id AS id FROM patient_search s JOIN patients p ON p.id = s.patient_id
    WHERE s.${column} = ? AND ${ACTIVE} LIMIT ?`;
  return ids(statement(s.sqlite, sql).all(value, flag(s), limit));
}

export const byMrnNumber = (s: LookupScope, n: number, limit: number) => bySearchColumn(s, 'mrn_number', n, limit);
export const byPhoneDigits = (s: LookupScope, digits: string, limit: number) => bySearchColumn(s, 'phone_digits', digits, limit);
export const byEmail = (s: LookupScope, email: string, limit: number) => bySearchColumn(s, 'email', email, limit);
export const byDateOfBirth = (s: LookupScope, iso: string, limit: number) => bySearchColumn(s, 'dob', iso, limit);

/** Numbers ending in these digits: a prefix range over the reversed digits. */
export function byPhoneEnding(s: LookupScope, digits: string, limit: number): Ids {
  const rev = [...digits].reverse().join('');
  const sql = `SELECT s.patient_id AS id FROM patient_search s JOIN patients p ON p.id = s.patient_id
    WHERE s.phone_rev >= ? AND s.phone_rev < ? AND ${ACTIVE} LIMIT ?`;
  return ids(statement(s.sqlite, sql).all(rev, `${rev}\uffff`, flag(s), limit));
}

export function byEmailStart(s: LookupScope, text: string, limit: number): Ids {
  const sql = `SELECT s.patient_id AS id FROM patient_search s JOIN patients p ON p.id = s.patient_id
    WHERE s.email >= ? AND s.email < ? AND ${ACTIVE} LIMIT ?`;
  return ids(statement(s.sqlite, sql).all(text, `${text}\uffff`, flag(s), limit));
}

/**
 * How one typed word may match a name word: a word starting with `prefix`; with `inside`, a word containing it
 * anywhere (the contains tier); or exactly one of `exact` (the typo tier's corrections).
 */
export interface WordMatch {
  prefix: string;
  inside: boolean;
  exact: string[];
}

/** SQL true when the patient's spaced folded name (`n.spaced_name`, " maria jose garcia ") has a word matching m. */
function nameHas(m: WordMatch, params: unknown[]): string {
  const parts = [`instr(n.spaced_name, ?) > 0`];
  // Name words are separated (and surrounded) by single spaces: " garc" starts a word, " garcia " is one.
  params.push(m.inside ? m.prefix : ` ${m.prefix}`);
  // Words containing an `inside` word are all seen by the instr() above; only corrections need their own check.
  for (const w of m.inside ? [] : m.exact) {
    parts.push('instr(n.spaced_name, ?) > 0');
    params.push(` ${w} `);
  }
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

/**
 * Patients having, for every typed word, a name word that matches it — in any order. Only the lead word (the
 * first, which the caller makes the most selective) is looked up in the index: its prefix range, then each of
 * its exact words, one simple range per query (an OR of ranges would make SQLite scan the table). The other
 * words are checked on the same index row, which carries the whole folded name, so a candidate costs no
 * further index probe and the walk stops as soon as `limit` patients are found.
 */
export function byNameWords(s: LookupScope, matches: WordMatch[], limit: number): Ids {
  const [lead, ...rest] = matches;
  if (!lead) return [];
  const others: unknown[] = [];
  const checks = rest.map((m) => ` AND ${nameHas(m, others)}`).join('');
  const from = 'SELECT n.patient_id AS id FROM patient_name_index n JOIN patients p ON p.id = n.patient_id WHERE';
  const tail = `${checks} AND ${ACTIVE} LIMIT ?`;
  const out: Ids = [];
  const seen = new Set<number>();
  const take = (rows: unknown[]) => {
    for (const id of ids(rows)) {
      if (seen.has(id) || out.length >= limit) continue;
      seen.add(id);
      out.push(id);
    }
  };
  // A patient met through two of the lead's words is counted once, so each range asks for the full limit.
  take(statement(s.sqlite, `${from} n.word >= ? AND n.word < ?${tail}`).all(lead.prefix, `${lead.prefix}\uffff`, ...others, flag(s), limit));
  for (const word of lead.exact) {
    if (out.length >= limit) break;
    take(statement(s.sqlite, `${from} n.word = ?${tail}`).all(word, ...others, flag(s), limit));
  }
  return out;
}

/**
 * Whether any name word in use starts with `prefix`, from the small vocabulary (which keeps every word it has
 * seen): a typed word no name can match empties a whole tier, and saves walking the other words' patients.
 */
export function anyWordStarting(s: LookupScope, prefix: string): boolean {
  const sql = 'SELECT 1 FROM name_vocabulary WHERE word >= ? AND word < ? LIMIT 1';
  return statement(s.sqlite, sql).get(prefix, `${prefix}\uffff`) !== undefined;
}

/** FTS5 string literal: the text is matched as-is, never read as query syntax (quotes doubled). */
export const ftsLiteral = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** Name words in use that contain `part` (≥ 3 characters: trigrams cannot see shorter), from the small vocabulary index. */
export function wordsContaining(s: LookupScope, part: string, limit: number): string[] {
  const sql = 'SELECT word FROM name_vocabulary_fts WHERE name_vocabulary_fts MATCH ? LIMIT ?';
  return statement(s.sqlite, sql).pluck().all(ftsLiteral(part), limit) as string[];
}
