// The patient register's shapes, shared by the form (renderer) and the service (main).
import { z } from 'zod';
import { dateOfBirth, id, optionalEmail, optionalText, requiredText } from './fields';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];
export const SEX_LABELS: Record<Sex, string> = { female: 'Female', male: 'Male', other: 'Other', unknown: 'Not stated' };

/** What the form collects. The phone is checked and normalised against the clinic's country in main. */
export const patientFields = z.object({
  firstName: requiredText('First name', 100),
  lastName: requiredText('Last name', 100),
  dateOfBirth: dateOfBirth(),
  sex: z.enum(SEXES, { error: 'Sex must be one of female, male, other or not stated.' }),
  phone: requiredText('Mobile phone', 40),
  email: optionalEmail(),
  addressLine: optionalText('Address', 200),
  city: optionalText('City', 100),
  postalCode: optionalText('Postal code', 20),
  emergencyContactName: optionalText('Emergency contact name', 120),
  emergencyContactPhone: optionalText('Emergency contact phone', 40),
  allergies: optionalText('Allergies', 2000),
  medicalHistory: optionalText('Medical history', 10000),
});
export type PatientFields = z.output<typeof patientFields>;
export type PatientFormValues = z.input<typeof patientFields>;

export const patientCreateInput = patientFields;
export const patientUpdateInput = z.object({
  id: id('Patient id'),
  fields: patientFields,
  /** The record's updatedAt when the form was filled: main refuses the save if someone has changed it since. */
  loadedUpdatedAt: z.iso.datetime({ error: 'Open the patient again before saving: the version you edited is missing.' }),
});
/** The field a refused stale save names (CONFLICT): the form then offers to load the other desk's changes. */
export const STALE_EDIT_FIELD = 'loadedUpdatedAt';
/** The field a save to a merged-away record names (CONFLICT): the form then offers the record kept instead. */
export const MERGED_AWAY_FIELD = 'mergedInto';
export const patientIdInput = z.object({ id: id('Patient id') });

/** `totalSpend` is for staff who may see payments; main refuses it to others. */
export const PATIENT_SORTS = ['name', 'createdAt', 'dateOfBirth', 'mrn', 'lastVisit', 'totalSpend'] as const;
export type PatientSort = (typeof PATIENT_SORTS)[number];

export const patientListInput = z.object({
  query: z.string().max(200, 'Search is at most 200 characters.').default(''),
  status: z.enum(['active', 'archived', 'all']).default('active'),
  sort: z.enum(PATIENT_SORTS).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  /** Only patients with an appointment booked for now or later. */
  upcoming: z.boolean().default(false),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type PatientListQuery = z.input<typeof patientListInput>;

export interface Patient extends PatientFields {
  id: number;
  mrn: string;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PatientSummary {
  id: number;
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  phone: string;
  email: string | null;
  archivedAt: string | null;
  createdAt: string;
  /** Start of the latest past visit (not cancelled or missed), UTC ISO. */
  lastVisitAt: string | null;
  /** Net paid, minor units of the clinic's currency; null for staff who may not see payments. */
  totalSpend: number | null;
  /** Appointments booked for this patient, not counting cancelled ones; null where the list does not know it
   *  (ranked search results). */
  appointmentCount: number | null;
}

export interface PatientPage {
  rows: PatientSummary[];
  total: number;
}
