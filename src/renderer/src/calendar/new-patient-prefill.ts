// What the desk typed into the booking's patient box, turned into a start on the new-patient form:
// a name split into first and last, a run of digits into the phone, an ISO date into the date of birth.
import type { PatientFormValues } from '../../../shared/patients';

/** Words that begin a surname ("Ana de la Cruz", "Jan van der Berg"): the last name starts there, not at the last word. */
const SURNAME_PARTICLES = new Set(['de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'des', 'dos', 'das', 'la', 'le', 'van', 'von', 'ter', 'ten', 'bin', 'ibn', 'al', 'el', 'mac']);
// Whole words only: the digits of a record number ("MRN-000123") are not a phone.
const PHONE = /(?:^|\s)(\+?\d[\d\s().-]{4,}\d)(?=\s|$)/;
const ISO_DATE = /\b(\d{4}-\d{2}-\d{2})\b/;
const NAME = /^[\p{L}\p{M}'’.\- ,]+$/u;

type Prefill = Pick<PatientFormValues, 'firstName' | 'lastName' | 'phone' | 'dateOfBirth'>;

/** All-lowercase typing ("john smith") is capitalised; anything with a capital already is left exactly as typed. */
function capitalised(words: string[]): string[] {
  if (words.some((w) => w !== w.toLowerCase())) return words;
  return words.map((w, i) => (i > 0 && SURNAME_PARTICLES.has(w) ? w : w.replace(/(^|[-'’])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())));
}

function splitName(text: string): Pick<Prefill, 'firstName' | 'lastName'> {
  // "Smith, John" — the way lists and forms write a name surname first.
  const comma = text.indexOf(',');
  if (comma >= 0) {
    const [last, first] = [text.slice(0, comma), text.slice(comma + 1)].map((s) => capitalised(s.trim().split(/\s+/).filter(Boolean)).join(' '));
    return { firstName: first ?? '', lastName: last ?? '' };
  }
  const words = capitalised(text.split(/\s+/).filter(Boolean));
  if (words.length <= 1) return { firstName: words[0] ?? '', lastName: '' };
  const particle = words.findIndex((w, i) => i > 0 && SURNAME_PARTICLES.has(w.toLowerCase()));
  const cut = particle > 0 ? particle : words.length - 1;
  return { firstName: words.slice(0, cut).join(' '), lastName: words.slice(cut).join(' ') };
}

export function newPatientPrefill(typed: string): Prefill {
  let rest = typed.trim();
  const out: Prefill = { firstName: '', lastName: '', phone: '', dateOfBirth: '' };
  const date = ISO_DATE.exec(rest);
  if (date) {
    out.dateOfBirth = date[1]!;
    rest = rest.replace(date[0], ' ');
  }
  const phone = PHONE.exec(rest);
  if (phone && phone[1]!.replace(/\D/g, '').length >= 6) {
    out.phone = phone[1]!;
    rest = rest.replace(phone[1]!, ' ');
  }
  rest = rest.replace(/\s+/g, ' ').trim();
  // A record number, an email or other odd text is not a name: better an empty field than a wrong one.
  if (rest && NAME.test(rest)) Object.assign(out, splitName(rest.replace(/^[\s,]+|[\s,]+$/g, '')));
  return out;
}
