// A fixed set of front-desk searches over the bench patients: every query kind, one in ten misspelled.
import { formatMrn } from '../src/main/patients/service';
import { pick, phoneAsTyped, seeded, type BenchPatient, type Rng } from './patients-data';

export type QueryKind =
  | 'name-prefix'
  | 'full-name'
  | 'reversed-name'
  | 'no-accents'
  | 'name-contains'
  | 'phone-typed'
  | 'phone-last-4'
  | 'email'
  | 'email-part'
  | 'record-number'
  | 'date-of-birth'
  | 'misspelled';

export interface BenchQuery {
  kind: QueryKind;
  text: string;
  /** Index of the patient the query was made from: a search should find them. */
  patient: number;
}

const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
const longestWord = (s: string) => s.split(/[\s-]+/).reduce((a, b) => (b.length > a.length ? b : a), '');

/** One edit — swap, drop, double or replace a letter — somewhere after the first letter. */
function misspell(word: string, rng: Rng): string {
  const i = 1 + Math.floor(rng() * (word.length - 2));
  switch (Math.floor(rng() * 4)) {
    case 0:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + word[i] + word.slice(i);
    default:
      return word.slice(0, i) + (word[i] === 'e' ? 'a' : 'e') + word.slice(i + 1);
  }
}

const KINDS: Exclude<QueryKind, 'misspelled'>[] = [
  'name-prefix',
  'full-name',
  'reversed-name',
  'no-accents',
  'name-contains',
  'phone-typed',
  'phone-last-4',
  'email',
  'email-part',
  'record-number',
  'date-of-birth',
];

function make(kind: QueryKind, p: BenchPatient, index: number, rng: Rng): string | null {
  const last = longestWord(p.lastName);
  switch (kind) {
    case 'name-prefix':
      return plain(last).toLowerCase().slice(0, 3 + Math.floor(rng() * 3));
    case 'full-name':
      return `${p.firstName} ${p.lastName}`;
    case 'reversed-name':
      return `${plain(p.lastName)} ${plain(p.firstName)}`.toLowerCase();
    case 'no-accents':
      return plain(`${p.firstName.split(' ')[0]} ${last}`).toUpperCase();
    case 'name-contains':
      return last.length >= 6 ? plain(last).toLowerCase().slice(1, 5) : null;
    case 'phone-typed':
      return phoneAsTyped(p.phone, rng);
    case 'phone-last-4':
      return p.phone.slice(-4 - Math.floor(rng() * 3));
    case 'email':
      return p.email;
    case 'email-part':
      return p.email ? p.email.slice(0, p.email.indexOf('@')) : null;
    case 'record-number':
      return rng() < 0.5 ? formatMrn(index + 1) : String(index + 1);
    case 'date-of-birth': {
      const [y, m, d] = p.dateOfBirth.split('-');
      return rng() < 0.7 ? `${d}/${m}/${y}` : p.dateOfBirth;
    }
    case 'misspelled': {
      const word = plain(last).toLowerCase();
      if (word.length < 6) return null;
      return rng() < 0.5 ? misspell(word, rng) : `${plain(p.firstName.split(' ')[0]!).toLowerCase()} ${misspell(word, rng)}`;
    }
  }
}

export function makeQueries(people: BenchPatient[], count: number, seed = 7): BenchQuery[] {
  const rng = seeded(seed);
  const out: BenchQuery[] = [];
  while (out.length < count) {
    const kind: QueryKind = out.length % 10 === 9 ? 'misspelled' : pick(rng, KINDS);
    const index = Math.floor(rng() * people.length);
    const text = make(kind, people[index]!, index, rng);
    if (text) out.push({ kind, text, patient: index });
  }
  return out;
}
