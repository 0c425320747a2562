// Where a hit matched, as [start, end) ranges over the fields the result list shows.
import type { SearchHighlight, SearchMatchedField } from '../../shared/search';
import { foldWithMap } from '../../shared/search-fold';
import type { QueryPlan } from './query-plan';
import { TYPO_MIN_LENGTH, withinOneEdit } from './typo';

type NameField = 'firstName' | 'lastName';
const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const ASCII = /^[\x00-\x7f]*$/;

interface FoldedField {
  field: NameField;
  folded: string;
  /** Index in the displayed text of each folded character; null when folding kept every position (ASCII). */
  origin: number[] | null;
}

function foldField(field: NameField, text: string): FoldedField {
  if (ASCII.test(text)) return { field, folded: text.toLowerCase(), origin: null };
  const { folded, origin } = foldWithMap(text);
  return { field, folded, origin };
}

/** [start, end) over the folded text → the same characters of the displayed text. */
function span(f: FoldedField, start: number, end: number): SearchHighlight {
  return f.origin ? { field: f.field, start: f.origin[start]!, end: f.origin[end - 1]! + 1 } : { field: f.field, start, end };
}

const startsWord = (text: string, i: number) => i === 0 || !WORD_CHAR.test(text[i - 1]!);

/** The first place a typed word matches a name: start of a word, else anywhere, else a word one typo away. */
function nameRange(f: FoldedField, word: string): SearchHighlight | null {
  const first = f.folded.indexOf(word);
  for (let at = first; at >= 0; at = f.folded.indexOf(word, at + 1)) if (startsWord(f.folded, at)) return span(f, at, at + word.length);
  if (first >= 0) return span(f, first, first + word.length);
  if (word.length >= TYPO_MIN_LENGTH) {
    for (const m of f.folded.matchAll(WORD)) if (withinOneEdit(word, m[0])) return span(f, m.index, m.index + m[0].length);
  }
  return null;
}

function nameHighlights(first: string, last: string, words: string[]): SearchHighlight[] {
  const fields = [foldField('firstName', first), foldField('lastName', last)] as const;
  const out: SearchHighlight[] = [];
  for (const w of words) {
    const h = nameRange(fields[0], w) ?? nameRange(fields[1], w);
    if (h) out.push(h);
  }
  return out;
}

/** The last `count` digits of the displayed number, however it is spaced. */
function phoneHighlight(display: string, count: number): SearchHighlight[] {
  const positions: number[] = [];
  for (let i = 0; i < display.length; i++) if (display[i]! >= '0' && display[i]! <= '9') positions.push(i);
  const take = positions.slice(Math.max(0, positions.length - count));
  if (take.length === 0) return [];
  return [{ field: 'phoneDisplay', start: take[0]!, end: take[take.length - 1]! + 1 }];
}

export interface HighlightSubject {
  firstName: string;
  lastName: string;
  phoneDisplay: string;
  email: string | null;
  mrn: string;
  dateOfBirth: string;
}

export function highlightsFor(field: SearchMatchedField, p: HighlightSubject, plan: QueryPlan): SearchHighlight[] {
  switch (field) {
    case 'name':
      return nameHighlights(p.firstName, p.lastName, plan.words);
    case 'phone':
      return phoneHighlight(p.phoneDisplay, plan.phone?.suffix.length ?? 0);
    case 'email': {
      const at = plan.email && p.email ? p.email.indexOf(plan.email) : -1;
      return at >= 0 && plan.email ? [{ field: 'email', start: at, end: at + plan.email.length }] : [];
    }
    case 'mrn':
      return [{ field: 'mrn', start: 0, end: p.mrn.length }];
    case 'dateOfBirth':
      return [{ field: 'dateOfBirth', start: 0, end: p.dateOfBirth.length }];
  }
}
