// The import's fast path for the form's field rules agrees with zod (patientFields) — accepts exactly what zod
// accepts, outputs exactly what zod outputs — over many generated rows, valid and invalid; and whole rows are
// checked (verdicts, fields, problems and their wording) exactly as zod alone checks them.
import { describe, expect, it } from 'vitest';
import { CSV_FIELDS, type CsvMapping } from '../../shared/patient-csv';
import { patientFields, SEXES, type Sex } from '../../shared/patients';
import { checkRow, phoneReader } from './csv-import-validate';
import { fastPatientFields, type PatientTextCells } from './csv-import-fields';

/** mulberry32: the same rows on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rng = seeded(5);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const chance = (p: number) => rng() < p;

/** Text around a field's limit, blank, padded, accented, or odd — the edges a rule could disagree on. */
function textNear(max: number): string {
  if (chance(0.9)) return pick(['María José', "O'Brien", 'Zoë', 'Straße 5', 'Nguyễn Văn An', 'Seán "Jack"']);
  const base = pick(['María', 'Seán "Jack"', "O'Brien", 'Zoë', 'İlkay', 'Straße', 'x', 'Nguyễn Văn', '12 High St', '\u00a0', '\t', 'a\u200bb']);
  const len = pick([0, 1, max - 1, max, max + 1, 3, 20]);
  let s = base.repeat(Math.ceil(Math.max(1, len) / base.length)).slice(0, Math.max(0, len));
  if (chance(0.1)) s = ` ${s} `;
  if (chance(0.05)) s = '';
  return s;
}

function emailLike(): string {
  if (chance(0.6)) return pick(['', 'amara@example.com']);
  return pick([
    '',
    'amara@example.com',
    'Amara.Okafor+clinic@Example.CO.UK',
    'not-an-email',
    'a@b',
    'a@b.c',
    '.lead@example.com',
    'two..dots@example.com',
    "o'neil@example.ie",
    'İlkay@example.com',
    'x@exa_mple.com',
    'x@-example.com',
    ' padded@example.com ',
    `${'l'.repeat(250)}@example.com`,
    `${'l'.repeat(240)}@example.com`,
    'trailing.@example.com',
    'josé@example.es',
  ]);
}

function dateLike(): string {
  if (chance(0.7)) return '1984-12-31';
  return pick(['1984-12-31', '1880-01-01', '1879-12-31', '2026-02-29', '2024-02-29', '2999-01-01', '1984-13-01', '84-12-31', ' 1984-12-31', new Date().toISOString().slice(0, 10), '1900-01-01']);
}

function cellsOf(): PatientTextCells {
  return {
    firstName: textNear(100),
    lastName: textNear(100),
    phone: chance(0.8) ? '07911 123456' : pick(['+44 7911 123456', '', 'x'.repeat(40), 'x'.repeat(41), ' 07911 ']),
    email: emailLike(),
    addressLine: chance(0.5) ? '' : textNear(200),
    city: chance(0.5) ? '' : textNear(100),
    postalCode: chance(0.5) ? '' : textNear(20),
    emergencyContactName: chance(0.5) ? '' : textNear(120),
    emergencyContactPhone: chance(0.5) ? '' : textNear(40),
    allergies: chance(0.5) ? '' : textNear(2000),
    medicalHistory: chance(0.7) ? '' : textNear(10000),
  };
}

describe('the fast path for the form rules', () => {
  it('accepts exactly the (trimmed) rows zod accepts, with exactly its output, over 20,000 generated rows', () => {
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const cells = cellsOf();
      const dateOfBirth = dateLike();
      const sex: Sex = pick(SEXES);
      const fast = fastPatientFields(cells, dateOfBirth, sex);
      const zod = patientFields.safeParse({ ...cells, dateOfBirth, sex });
      const row = JSON.stringify({ cells, dateOfBirth, sex });
      // Cells come trimmed from checkRow; the fast path leaves anything else to zod.
      const trimmed = Object.values(cells).every((v) => v === v.trim()) && dateOfBirth === dateOfBirth.trim();
      if (trimmed) expect(fast !== null, row).toBe(zod.success);
      else expect(fast, row).toBeNull();
      if (fast && zod.success) {
        accepted++;
        // Same values and the same key order.
        expect(JSON.stringify(fast), row).toBe(JSON.stringify(zod.data));
      }
    }
    // Both kinds were really generated.
    expect(accepted).toBeGreaterThan(2_000);
    expect(accepted).toBeLessThan(18_000);
  });
});

describe('checkRow', () => {
  const mapping: CsvMapping = Object.fromEntries(CSV_FIELDS.map((f) => [f, f]));

  it('gives every generated row the verdict, fields and problems zod alone gives it', () => {
    const readPhone = phoneReader('GB');
    const verdicts = new Set<boolean>();
    for (let i = 0; i < 5_000; i++) {
      const c = cellsOf();
      const raw: Record<string, string> = {
        ...c,
        phone: pick(['07911 123456', '+44 7911 123456', '12', '', '(07911) 200300', '+45 20 12 34 56']),
        emergencyContactPhone: pick(['', '07911 123457', '99']),
        dateOfBirth: pick(['31/12/1984', '1984-12-31', '31/02/1990', '', '01/01/2999', '02/05/1990']),
        sex: pick(['F', 'male', '', 'x', 'Not stated']),
      };
      const fast = checkRow(raw, i + 2, mapping, 'GB', readPhone);
      const byZod = checkRow(raw, i + 2, mapping, 'GB', readPhone, false);
      expect(JSON.stringify(fast), JSON.stringify(raw)).toBe(JSON.stringify(byZod));
      verdicts.add(fast.ok);
    }
    expect([...verdicts].sort()).toEqual([false, true]);
  });

  it("words a row's problems with zod's own messages", () => {
    const raw = { firstName: '', lastName: 'x'.repeat(101), dateOfBirth: '1984-12-31', sex: 'F', phone: '07911 123456', email: 'not-an-email' };
    const check = checkRow(raw, 2, mapping, 'GB');
    expect(check.ok).toBe(false);
    const zodMessages = patientFields.safeParse({ ...raw, sex: 'female' }).error!.issues.map((i) => [i.path[0], i.message]);
    expect(check.ok ? [] : check.problems.map((p) => [p.field, p.reason])).toEqual(zodMessages);
  });
});
