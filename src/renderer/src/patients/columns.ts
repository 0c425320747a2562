// The patient list's columns: which can be sorted and by what.
import type { PatientSort } from '../../../shared/patients';

export interface Column {
  label: string;
  sort?: PatientSort;
}

export const COLUMNS: Column[] = [
  { label: 'Name', sort: 'name' },
  { label: 'Record no.', sort: 'mrn' },
  { label: 'Date of birth', sort: 'dateOfBirth' },
  { label: 'Mobile phone' },
  { label: 'Added', sort: 'createdAt' },
];
