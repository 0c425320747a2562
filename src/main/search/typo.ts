// One-typo tolerance: finds the name words in use that are one edit (Damerau–Levenshtein) from a typed word.
import type Database from 'better-sqlite3';
import { reverseText } from '../../shared/search-fold';
import { statement } from './statements';

/** Typed words shorter than this are matched by prefix only: too many short names are one edit apart. */
export const TYPO_MIN_LENGTH = 5;
const MAX_CORRECTIONS = 16;

/** True when a and b differ by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1); // deletion / insertion
}

const range = (prefix: string) => [prefix, `${prefix}\uffff`] as const;

/**
 * Words in the name vocabulary one edit from `word`. One edit leaves either the first two or the last two
 * letters of a word of five or more intact, so two indexed range reads over the (small) vocabulary cover it.
 */
export function corrections(sqlite: Database.Database, word: string): string[] {
  if (word.length < TYPO_MIN_LENGTH) return [];
  const byStart = statement(
    sqlite,
    'SELECT word FROM name_vocabulary WHERE word >= ? AND word < ? AND length(word) BETWEEN ? AND ? LIMIT 2000',
  );
  const byEnd = statement(
    sqlite,
    'SELECT word FROM name_vocabulary WHERE reversed >= ? AND reversed < ? AND length(word) BETWEEN ? AND ? LIMIT 2000',
  );
  const [min, max] = [word.length - 1, word.length + 1];
  const seen = new Set<string>();
  for (const stmt of [
    [byStart, range(word.slice(0, 2))],
    [byEnd, range(reverseText(word).slice(0, 2))],
  ] as const) {
    for (const row of stmt[0].all(stmt[1][0], stmt[1][1], min, max) as { word: string }[]) {
      if (row.word !== word && withinOneEdit(word, row.word)) seen.add(row.word);
      if (seen.size >= MAX_CORRECTIONS) return [...seen];
    }
  }
  return [...seen];
}
