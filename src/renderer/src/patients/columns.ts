// The patient list's columns: which can be sorted and by what.
import type { PatientSort } from '../../../shared/patients';
import { roleAllows, type Permission, type Role } from '../../../shared/roles';

export interface Column {
  label: string;
  sort?: PatientSort;
  /** Shown (and sortable) only to staff with this permission; others see an empty column. */
  permission?: Permission;
  /** The heading while the privacy screen is on, when the column then shows something else (age, not the date). */
  privateLabel?: string;
}

export const COLUMNS: Column[] = [
  { label: 'Name', sort: 'name' },
  { label: 'Record no.', sort: 'mrn' },
  { label: 'Date of birth', sort: 'dateOfBirth', privateLabel: 'Age' },
  { label: 'Mobile phone' },
  { label: 'Added', sort: 'createdAt' },
  { label: 'Last visit', sort: 'lastVisit' },
  { label: 'Appts' },
  { label: 'Total spend', sort: 'totalSpend', permission: 'payments.read' },
];

export const columnAllowed = (c: Column, role: Role) => !c.permission || roleAllows(role, c.permission);
