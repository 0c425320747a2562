// Folds names for search: lower case, accents stripped, one letter per letter — so "jose" finds "José".
// The same code runs inside SQLite (as app-defined functions used by triggers) and on typed queries,
// so what is stored and what is searched can never drift apart.

/** Letters NFD does not decompose but a receptionist types without the mark. */
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};

const MARKS = /\p{M}/gu;

/** Each accented letter folded once: NFD plus a regex per letter is most of what folding a name costs. */
const folded = new Map<string, string>();

function foldChar(ch: string): string {
  let f = folded.get(ch);
  if (f === undefined) {
    const lower = ch.toLowerCase();
    f = SPECIAL[lower] ?? lower.normalize('NFD').replace(MARKS, '');
    // Names use a few hundred distinct letters; the bound only guards against pasted arbitrary text.
    if (folded.size < 10_000) folded.set(ch, f);
  }
  return f;
}

/** Plain ASCII (most names in many clinics) only needs lower-casing: the fast path triggers take on every write. */
const ASCII = /^[\x00-\x7f]*$/;

/** Folded text plus, for every folded character, the index of the original character it came from. */
export function foldWithMap(text: string): { folded: string; origin: number[] } {
  if (ASCII.test(text)) return { folded: text.toLowerCase(), origin: Array.from({ length: text.length }, (_, i) => i) };
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
    i += ch.length;
  }
  return { folded, origin };
}

export function foldText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** The words of a text, folded: punctuation (hyphens, apostrophes, quotes, FTS operators) only separates. */
export function foldedWords(text: string): string[] {
  return foldText(text)
    .split(NOT_WORD)
    .filter((w) => w.length > 0);
}

/** A patient's distinct name words, first name first. */
export function nameWords(firstName: string, lastName: string): string[] {
  return [...new Set(foldedWords(`${firstName} ${lastName}`))];
}

export function reverseText(text: string): string {
  return [...text].reverse().join('');
}
