// Test patients for search, duplicate and merge tests: accents, apostrophes, near-miss names, several phone formats.
import type { PatientFormValues } from '../../shared/patients';
import type { TestClinic } from '../testing/test-core';

type Seed = Pick<PatientFormValues, 'firstName' | 'lastName' | 'dateOfBirth' | 'phone'> & { email?: string };

/** Created in this order: record numbers P-000001 … follow it. */
export const SEARCH_PATIENTS: Seed[] = [
  { firstName: 'María', lastName: 'García', dateOfBirth: '1984-03-12', phone: '07911 123456', email: 'maria@example.com' },
  { firstName: 'José', lastName: 'Fernández', dateOfBirth: '1975-07-01', phone: '07911 200001', email: 'jose.f@mail.example' },
  { firstName: 'Søren', lastName: 'Kierkegaard', dateOfBirth: '1990-05-05', phone: '+45 20 12 34 56', email: 'soren@example.dk' },
  { firstName: 'Zoë', lastName: "O'Brien", dateOfBirth: '2001-12-31', phone: '07911 200002' },
  { firstName: 'Maria', lastName: 'Garcilaso', dateOfBirth: '1960-01-01', phone: '07911 200003' },
  { firstName: 'Amélie', lastName: 'Dubois', dateOfBirth: '1988-08-08', phone: '07911 200004', email: 'amelie.dubois@example.fr' },
  { firstName: 'Chidi', lastName: 'Okonkwo', dateOfBirth: '1979-02-02', phone: '07911 201234' },
  { firstName: 'Hiroshi', lastName: 'Tanaka', dateOfBirth: '1970-10-10', phone: '07911 200005' },
  { firstName: 'Yuki', lastName: 'Mitanaka', dateOfBirth: '1971-11-11', phone: '07911 200006' },
  { firstName: 'Kenji', lastName: 'Tanaja', dateOfBirth: '1972-12-12', phone: '07911 200007' },
  { firstName: 'Lars', lastName: 'Ångström', dateOfBirth: '1965-06-06', phone: '07911 200008', email: 'garcia.fan@example.com' },
  { firstName: 'Archie', lastName: 'Archived', dateOfBirth: '1950-01-01', phone: '07911 200009' },
];

export const ARCHIVED_INDEX = 11;

export async function seedSearchPatients(clinic: TestClinic): Promise<number[]> {
  const ids: number[] = [];
  for (const p of SEARCH_PATIENTS) {
    const created = await clinic.admin.must('patients.create', { sex: 'unknown', ...p });
    ids.push(created.id);
  }
  await clinic.admin.must('patients.archive', { id: ids[ARCHIVED_INDEX]! });
  return ids;
}
