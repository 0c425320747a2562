// Pure masking for the privacy screen: what a patient's name and phone look like on a desk facing the waiting room.

/** A letter with any accents riding on it ("É", or "E" + a combining accent). */
const LETTER = /\p{L}\p{M}*/u;

const letterOf = (word: string) => word.match(LETTER)?.[0].toLocaleUpperCase() ?? '';
const isCapitalised = (word: string) => {
  const l = word.match(LETTER)?.[0] ?? '';
  return l !== l.toLocaleLowerCase();
};

/**
 * "María García" → "M. G."; "Cher" → "C."; "" → "".
 * The first word gives the first initial. The surname's initial comes from the last capitalised word, so
 * particles ("Ana de la Cruz" → "A. C.") and middle names ("Mary Ann Smith" → "M. S.") do not stand in for it;
 * in a script without capitals (or a name typed all in lower case) the last word is used.
 */
export function initials(fullName: string): string {
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter((w) => LETTER.test(w));
  const [first, ...rest] = words;
  if (!first) return '';
  const surname = rest.findLast(isCapitalised) ?? rest.at(-1);
  return [first, surname]
    .filter((w): w is string => w !== undefined)
    .map((w) => `${letterOf(w)}.`)
    .join(' ');
}

/** Short numbers would be nearly given away by their last two digits, so they are hidden whole. */
const MIN_DIGITS_TO_HINT = 6;

/** "07911 123456" → "•••• 56": enough to confirm a number with the patient, too little to use it. "" for none. */
export function maskPhone(phone: string | null | undefined): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  if (!digits) return '';
  return digits.length < MIN_DIGITS_TO_HINT ? '••••' : `•••• ${digits.slice(-2)}`;
}
