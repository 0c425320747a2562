// Likely duplicates while a patient is typed in: reasons and scores over a real migrated database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuplicateCheck } from '../../shared/search';
import { seedSearchPatients } from '../search/search-fixtures';
import { createTestClinic, type TestClinic } from '../testing/test-core';

let clinic: TestClinic;
let ids: number[];
beforeAll(async () => {
  clinic = await createTestClinic();
  ids = await seedSearchPatients(clinic);
});
afterAll(() => clinic.close());

const check = (input: DuplicateCheck) => clinic.admin.must('patients.findDuplicates', input);

describe('patients.findDuplicates', () => {
  it.each([
    ['same phone in another format', { phone: '+44 7911 123456' }, ['same-phone'], 45],
    ['same email in capitals', { email: 'MARIA@example.com' }, ['same-email'], 45],
    ['same name without accents and same birth date', { firstName: 'Maria', lastName: 'Garcia', dateOfBirth: '1984-03-12' }, ['same-name-and-birth-date'], 70],
    ['names swapped, same birth date', { firstName: 'Garcia', lastName: 'Maria', dateOfBirth: '1984-03-12' }, ['same-name-and-birth-date'], 70],
    ['one typo in the name, same birth date', { firstName: 'Maria', lastName: 'Garcai', dateOfBirth: '1984-03-12' }, ['similar-name-and-birth-date'], 40],
    [
      'everything the same',
      { firstName: 'María', lastName: 'García', dateOfBirth: '1984-03-12', phone: '07911 123456', email: 'maria@example.com' },
      ['same-phone', 'same-email', 'same-name-and-birth-date'],
      100,
    ],
  ] as const)('%s', async (_what, input, reasons, score) => {
    const [first, ...rest] = await check(input);
    expect(first).toMatchObject({ id: ids[0], reasons, score });
    expect(rest).toEqual([]);
  });

  it.each([
    ['same name, other birth date', { firstName: 'María', lastName: 'García', dateOfBirth: '1984-03-13' }],
    ['different name, same birth date', { firstName: 'Pedro', lastName: 'Ruiz', dateOfBirth: '1984-03-12' }],
    ['nothing typed yet', {}],
    ['a phone that is not valid yet', { phone: '0791' }],
  ])('no match: %s', async (_what, input) => {
    expect(await check(input)).toEqual([]);
  });

  it('does not report the patient being edited as its own duplicate', async () => {
    expect(await check({ phone: '07911 123456', excludeId: ids[0] })).toEqual([]);
  });

  it('orders by score', async () => {
    // Shares a phone with María, and name + birth date with Maria Garcilaso.
    const found = await check({ firstName: 'Maria', lastName: 'Garcilaso', dateOfBirth: '1960-01-01', phone: '07911 123456' });
    expect(found.map((d) => [d.id, d.score])).toEqual([
      [ids[4], 70],
      [ids[0], 45],
    ]);
  });
});
