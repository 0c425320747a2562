// Likely existing records for a patient being typed in: same phone, same email, same name and birth date,
// or a similar name with the same birth date. Three indexed lookups, scored in TypeScript.
import type { DuplicateCandidate, DuplicateReason, duplicateCheckInput } from '../../shared/search';
import { normalizePhone } from '../../shared/phone';
import { isIsoDate } from '../../shared/fields';
import { foldedWords } from '../../shared/search-fold';
import type { z } from 'zod';
import type { Db } from '../db/client';
import { statement } from '../search/statements';
import { withinOneEdit } from '../search/typo';

const WEIGHTS: Record<DuplicateReason, number> = {
  'same-phone': 45,
  'same-email': 45,
  'same-name-and-birth-date': 70,
  'similar-name-and-birth-date': 40,
};

const MAX_PER_LOOKUP = 50;

interface Row {
  id: number;
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  phone: string;
  email: string | null;
  archivedAt: string | null;
  phoneDigits: string;
  searchEmail: string | null;
}

const SELECT = `SELECT p.id, p.mrn, p.first_name AS firstName, p.last_name AS lastName, p.date_of_birth AS dateOfBirth,
  p.phone, p.email, p.archived_at AS archivedAt, s.phone_digits AS phoneDigits, s.email AS searchEmail
  FROM patient_search s JOIN patients p ON p.id = s.patient_id`;

const fold = (first: string, last: string) => foldedWords(`${first} ${last}`).sort().join(' ');

/** Whole names one typo apart, word order ignored (García María ~ Maria Garcia). */
function similarNames(a: string, b: string): boolean {
  const x = a.split(' ');
  const y = b.split(' ');
  if (x.length !== y.length) return withinOneEdit(a, b);
  let edits = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === y[i]) continue;
    if (!withinOneEdit(x[i]!, y[i]!)) return false;
    edits++;
  }
  return edits <= 1;
}

export function findDuplicates(db: Db, input: z.output<typeof duplicateCheckInput>, country: string): DuplicateCandidate[] {
  const sqlite = db.$client;
  const phone = input.phone.trim() ? normalizePhone(input.phone, country) : null;
  const phoneDigits = phone?.ok ? phone.e164.slice(1) : null;
  const email = input.email.trim().toLowerCase() || null;
  const dob = isIsoDate(input.dateOfBirth.trim()) ? input.dateOfBirth.trim() : null;
  const name = fold(input.firstName, input.lastName);

  const rows: Row[] = [];
  if (phoneDigits) rows.push(...(statement(sqlite, `${SELECT} WHERE s.phone_digits = ? LIMIT ${MAX_PER_LOOKUP}`).all(phoneDigits) as Row[]));
  if (email) rows.push(...(statement(sqlite, `${SELECT} WHERE s.email = ? LIMIT ${MAX_PER_LOOKUP}`).all(email) as Row[]));
  if (dob && name) rows.push(...(statement(sqlite, `${SELECT} WHERE s.dob = ? LIMIT 500`).all(dob) as Row[]));

  const byId = new Map<number, DuplicateCandidate>();
  for (const r of rows) {
    if (r.id === input.excludeId || byId.has(r.id)) continue;
    const reasons: DuplicateReason[] = [];
    if (phoneDigits && r.phoneDigits === phoneDigits) reasons.push('same-phone');
    if (email && r.searchEmail === email) reasons.push('same-email');
    if (dob && name && r.dateOfBirth === dob) {
      const theirs = fold(r.firstName, r.lastName);
      if (theirs === name) reasons.push('same-name-and-birth-date');
      else if (similarNames(name, theirs)) reasons.push('similar-name-and-birth-date');
    }
    if (reasons.length === 0) continue;
    const score = Math.min(100, reasons.reduce((sum, why) => sum + WEIGHTS[why], 0));
    const { phoneDigits: _d, searchEmail: _e, ...patient } = r;
    byId.set(r.id, { ...patient, reasons, score });
  }
  return [...byId.values()].sort((a, b) => b.score - a.score || a.id - b.id).slice(0, input.limit);
}
