// What the patient list is showing (search, filter, sort, selection), kept while the user visits a patient.
import { create } from 'zustand';
import type { PatientSort } from '../../../shared/patients';

export type PatientStatus = 'active' | 'archived' | 'all';
export type Direction = 'asc' | 'desc';

interface PatientListState {
  query: string;
  status: PatientStatus;
  sort: PatientSort;
  direction: Direction;
  /** Only patients with an appointment booked for now or later. */
  upcoming: boolean;
  selected: number;
  setQuery(query: string): void;
  setStatus(status: PatientStatus): void;
  setUpcoming(upcoming: boolean): void;
  sortBy(sort: PatientSort): void;
  select(index: number): void;
}

export const usePatientList = create<PatientListState>()((set, get) => ({
  query: '',
  status: 'active',
  sort: 'name',
  direction: 'asc',
  upcoming: false,
  selected: 0,
  setQuery: (query) => set({ query, selected: 0 }),
  setStatus: (status) => set({ status, selected: 0 }),
  setUpcoming: (upcoming) => set({ upcoming, selected: 0 }),
  // Clicking the sorted column again flips the direction; a new column starts ascending.
  sortBy: (sort) => set({ sort, direction: get().sort === sort && get().direction === 'asc' ? 'desc' : 'asc', selected: 0 }),
  select: (selected) => set({ selected }),
}));
