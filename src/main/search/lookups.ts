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
  /** Per search: each word's patients, read once although several tiers ask (key: p:prefix or e:word). */
  memo?: Map<string, number[]>;
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

/** How one typed word may match a name word: starts with `prefix`, or is exactly one of `exact`. */
export interface WordMatch {
  prefix: string | null;
  exact: string[];
}

function wordClause(alias: string, m: WordMatch, params: unknown[]): string {
  const parts: string[] = [];
  if (m.prefix !== null) {
    parts.push(`(${alias}.word >= ? AND ${alias}.word < ?)`);
    params.push(m.prefix, `${m.prefix}\uffff`);
  }
  for (const w of m.exact) {
    parts.push(`${alias}.word = ?`);
    params.push(w);
  }
  return `(${parts.join(' OR ')})`;
}

/**
 * Patients having, for every typed word, a name word that matches it — in any order. The lead word
 * (the most selective) walks its index ranges, one simple range per query (an OR of ranges would make
 * SQLite scan the table); the other words are checked per candidate on (patient_id, word).
 */
export function byNameWords(s: LookupScope, matches: WordMatch[], limit: number): Ids {
  if (matches.length === 0) return [];
  if (matches.length > 1) {
    // Several words: read each word's patients (bounded) and intersect them in memory — a few thousand index
    // entries instead of a probe per candidate of the lead word. Too common a word falls back to probing.
    const lists = matches.map((m) => patientsMatching(s, m));
    if (lists.some((l) => l !== null && l.length === 0)) return [];
    if (lists.every((l) => l !== null)) return intersect(s, lists as number[][], limit);
    const sizes = new Map(matches.map((m, i) => [m, lists[i]?.length ?? Number.MAX_SAFE_INTEGER]));
    matches = [...matches].sort((a, b) => sizes.get(a)! - sizes.get(b)! || byLength(a, b));
  }
  const [lead, ...rest] = matches;
  const others: unknown[] = [];
  const exists = rest
    .map((m, i) => {
      const a = `w${i + 1}`;
      return ` AND EXISTS (SELECT 1 FROM patient_name_words ${a} WHERE ${a}.patient_id = w0.patient_id AND ${wordClause(a, m, others)})`;
    })
    .join('');
  const tail = `${exists} AND ${ACTIVE} LIMIT ?`;
  const from = 'SELECT w0.patient_id AS id FROM patient_name_words w0 JOIN patients p ON p.id = w0.patient_id WHERE';
  const out: Ids = [];
  const seen = new Set<number>();
  const take = (rows: unknown[]) => {
    for (const id of ids(rows)) {
      if (seen.has(id) || out.length >= limit) continue;
      seen.add(id);
      out.push(id);
    }
  };
  if (lead!.prefix !== null) {
    take(statement(s.sqlite, `${from} w0.word >= ? AND w0.word < ?${tail}`).all(lead!.prefix, `${lead!.prefix}\uffff`, ...others, flag(s), limit));
  }
  for (const word of lead!.exact) {
    if (out.length >= limit) break;
    take(statement(s.sqlite, `${from} w0.word = ?${tail}`).all(word, ...others, flag(s), limit - out.length));
  }
  return out;
}

/** A word matching more patients than this is left to the per-candidate probe. */
const INTERSECT_CAP = 4000;

const byLength = (a: WordMatch, b: WordMatch) => (b.prefix?.length ?? 0) - (a.prefix?.length ?? 0);

/** The patients (in index order) with a name word matching m, or null when more than INTERSECT_CAP. */
function patientsMatching(s: LookupScope, m: WordMatch): number[] | null {
  const out: number[] = [];
  const read = (key: string, sql: string, ...args: unknown[]) => {
    let found = s.memo?.get(key);
    if (!found) {
      found = statement(s.sqlite, sql).pluck().all(...args, INTERSECT_CAP + 1) as number[];
      s.memo?.set(key, found);
    }
    for (const id of found) out.push(id);
  };
  if (m.prefix !== null) read(`p:${m.prefix}`, 'SELECT patient_id FROM patient_name_words WHERE word >= ? AND word < ? LIMIT ?', m.prefix, `${m.prefix}\uffff`);
  for (const w of m.exact) {
    if (out.length > INTERSECT_CAP) break;
    read(`e:${w}`, 'SELECT patient_id FROM patient_name_words WHERE word = ? LIMIT ?', w);
  }
  return out.length > INTERSECT_CAP ? null : out;
}

/** Patients in every list, in the order of the shortest, archived ones left out unless asked for. */
function intersect(s: LookupScope, lists: number[][], limit: number): Ids {
  // One bit per word in a byte per patient id: far cheaper than building Sets of thousands of ids.
  if (lists.length > 8) lists = lists.slice(0, 8);
  let max = 0;
  for (const l of lists) for (const id of l) if (id > max) max = id;
  const marks = new Uint8Array(max + 1);
  lists.forEach((l, i) => {
    for (const id of l) marks[id]! |= 1 << i;
  });
  const all = (1 << lists.length) - 1;
  const shortest = lists.reduce((a, b) => (b.length < a.length ? b : a));
  const both: number[] = [];
  for (const id of shortest) {
    if (marks[id] === all) {
      both.push(id);
      marks[id] = 0; // once each
    }
  }
  if (both.length === 0) return [];
  const sql = `SELECT p.id AS id FROM json_each(?) j JOIN patients p ON p.id = j.value WHERE ${ACTIVE} ORDER BY j.key LIMIT ?`;
  return ids(statement(s.sqlite, sql).all(JSON.stringify(both), flag(s), limit));
}

/** FTS5 string literal: the text is matched as-is, never read as query syntax (quotes doubled). */
export const ftsLiteral = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** Name words in use that contain `part` (≥ 3 characters: trigrams cannot see shorter), from the small vocabulary index. */
export function wordsContaining(s: LookupScope, part: string, limit: number): string[] {
  const sql = 'SELECT word FROM name_vocabulary_fts WHERE name_vocabulary_fts MATCH ? LIMIT ?';
  return statement(s.sqlite, sql).pluck().all(ftsLiteral(part), limit) as string[];
}
