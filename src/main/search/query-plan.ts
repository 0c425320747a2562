// Reads what the receptionist typed into the lookups worth trying: record number, phone, email, birth date, name words.
import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js/min';
import { foldedWords } from '../../shared/search-fold';
import { parseTypedDate } from '../../shared/search-date';

export interface PhoneLookup {
  /** Whole numbers (E.164 digits, no "+") the typed digits may stand for. */
  exact: string[];
  /** The stored number must end with these: a whole number without its trunk 0s, or the last digits as typed. */
  suffix: string;
}

export interface QueryPlan {
  /** Folded name words; punctuation and FTS operators only separate words. */
  words: string[];
  mrnNumber: number | null;
  phone: PhoneLookup | null;
  /** Lower-cased, as typed, when it could be (part of) an email address. */
  email: string | null;
  dateOfBirth: string | null;
}

const MRN = /^(?:p-?)?0*(\d{1,9})$/i;
const PHONE_CHARS = /^[+\d\s().\-/]+$/;
const EMAIL_PART = /^[^\s"]{3,}$/;
const HAS_LETTER = /\p{L}/u;

function callingCode(country: string): string | null {
  try {
    return getCountryCallingCode(country.toUpperCase() as CountryCode);
  } catch {
    return null;
  }
}

function phoneLookup(raw: string, country: string): PhoneLookup | null {
  if (!PHONE_CHARS.test(raw)) return null;
  const digits = raw.replace(/\D/g, '');
  const significant = digits.replace(/^0+/, '');
  if (digits.length < 4) return null;
  const international = raw.startsWith('+') || digits.startsWith('00');
  const exact = new Set<string>();
  if (international) exact.add(significant);
  else {
    // "07911 123456" → 44 7911123456; "447911123456" may already carry the country code.
    const cc = callingCode(country);
    if (cc) exact.add(cc + significant);
    if (significant.length >= 10) exact.add(significant);
  }
  // "0481", the last four digits of 07911 200481, keeps its zero; only a whole national number
  // ("07911…", 8+ digits) loses the trunk prefix its stored international form does not have.
  return { exact: [...exact], suffix: digits.length >= 8 ? significant : digits };
}

export function planQuery(query: string, country: string): QueryPlan {
  const raw = query.trim();
  const dateOfBirth = parseTypedDate(raw, country);
  const mrn = MRN.exec(raw);
  return {
    // No name holds an "@" or a record number: such queries skip every name tier.
    words: HAS_LETTER.test(raw) && !raw.includes('@') && !mrn ? [...new Set(foldedWords(raw))] : [],
    mrnNumber: mrn ? Number(mrn[1]) : null,
    phone: dateOfBirth ? null : phoneLookup(raw, country),
    email: EMAIL_PART.test(raw) && HAS_LETTER.test(raw) ? raw.toLowerCase() : null,
    dateOfBirth,
  };
}
