// Front-desk patient search, duplicate check and merge: the shapes main and the renderer share.
import { z } from 'zod';
import { id } from './fields';

export const patientSearchInput = z.object({
  query: z.string({ error: 'Search must be text.' }).max(200, 'Search is at most 200 characters.'),
  limit: z.number().int().min(1).max(100).default(20),
  includeArchived: z.boolean().default(false),
});

/** Cheapest first: an exact record number / phone / email / date of birth beats a name prefix, and so on. */
export const SEARCH_TIERS = ['exact', 'prefix', 'contains', 'typo'] as const;
export type SearchTier = (typeof SEARCH_TIERS)[number];

export type SearchMatchedField = 'name' | 'phone' | 'email' | 'mrn' | 'dateOfBirth';

/** A highlighted range [start, end) in one displayed field of the hit. */
export interface SearchHighlight {
  field: 'firstName' | 'lastName' | 'phoneDisplay' | 'email' | 'mrn' | 'dateOfBirth';
  start: number;
  end: number;
}

export interface PatientSearchHit {
  id: number;
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  /** E.164, as stored. */
  phone: string;
  /** National format for the clinic's country, international otherwise — what highlights refer to. */
  phoneDisplay: string;
  email: string | null;
  archivedAt: string | null;
  /** Start of the latest past appointment that was not cancelled or missed (UTC ISO), if any. */
  lastVisitAt: string | null;
  tier: SearchTier;
  matchedField: SearchMatchedField;
  highlights: SearchHighlight[];
}

export interface PatientSearchResult {
  hits: PatientSearchHit[];
}

/** What the patient form has so far; any field may still be empty. */
export const duplicateCheckInput = z.object({
  firstName: z.string().max(100).default(''),
  lastName: z.string().max(100).default(''),
  dateOfBirth: z.string().max(10).default(''),
  phone: z.string().max(40).default(''),
  email: z.string().max(254).default(''),
  /** The patient being edited, so it does not match itself. */
  excludeId: id('Patient id').optional(),
  limit: z.number().int().min(1).max(20).default(5),
});
export type DuplicateCheck = z.input<typeof duplicateCheckInput>;

export const DUPLICATE_REASONS = ['same-phone', 'same-email', 'same-name-and-birth-date', 'similar-name-and-birth-date'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, string> = {
  'same-phone': 'Same mobile phone',
  'same-email': 'Same email',
  'same-name-and-birth-date': 'Same name and date of birth',
  'similar-name-and-birth-date': 'Similar name, same date of birth',
};

export interface DuplicateCandidate {
  id: number;
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  phone: string;
  email: string | null;
  archivedAt: string | null;
  reasons: DuplicateReason[];
  /** 0–100: how likely this is the same person. */
  score: number;
}

export const patientMergeInput = z
  .object({ keepId: id('Record to keep'), mergeId: id('Record to merge') })
  .refine((v) => v.keepId !== v.mergeId, { message: 'Choose two different records to merge.', path: ['mergeId'] });

/** Where a merged-away record now lives, for the banner on its (archived) page. */
export interface MergedInto {
  keptId: number;
  keptMrn: string;
}

export interface PatientMergeResult {
  keptId: number;
  mergedId: number;
  /** How many linked rows moved, per table (table names only — no patient data). */
  moved: { table: string; rows: number }[];
}
