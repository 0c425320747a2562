// The front-desk search: tries cheap tiers in order (exact → prefix → contains → typo), keeps the first
// `limit` distinct patients, then loads just those rows. Each tier is a bounded indexed lookup.
import type Database from 'better-sqlite3';
import type { PatientSearchHit, PatientSearchResult, SearchMatchedField, SearchTier } from '../../shared/search';
import { formatPhone } from '../../shared/phone';
import type { Db } from '../db/client';
import { highlightsFor } from './highlight';
import * as look from './lookups';
import { planQuery, type QueryPlan } from './query-plan';
import { hasTable, statement } from './statements';
import { corrections, TYPO_MIN_LENGTH } from './typo';

export interface SearchOptions {
  query: string;
  limit: number;
  includeArchived: boolean;
}

interface Found {
  id: number;
  tier: SearchTier;
  field: SearchMatchedField;
}

/** Collects distinct patients in the order the tiers find them, up to the limit. */
class Collector {
  readonly found = new Map<number, Found>();
  constructor(readonly limit: number) {}
  get full() {
    return this.found.size >= this.limit;
  }
  /** How many rows to ask a lookup for: what is missing, plus slack for patients already found. */
  get want() {
    return this.limit - this.found.size + 8;
  }
  add(ids: number[], tier: SearchTier, field: SearchMatchedField): void {
    for (const id of ids) {
      if (this.full) return;
      if (!this.found.has(id)) this.found.set(id, { id, tier, field });
    }
  }
}

function clinicCountry(sqlite: Database.Database): string {
  const row = statement(sqlite, 'SELECT country FROM clinic WHERE id = 1').get() as { country: string } | undefined;
  return row?.country ?? 'GB';
}

/** Longest typed word first: it has the fewest matching names, so it leads the index walk. */
const byLength = (a: look.WordMatch, b: look.WordMatch) => b.prefix.length - a.prefix.length;
/**
 * The lead walks one index range per alternative, so fewest alternatives first, then longest; a word of one or
 * two letters leads only when nothing else can (its range holds a large part of the register).
 */
const bySelectivity = (a: look.WordMatch, b: look.WordMatch) =>
  Number(a.prefix.length < 3) - Number(b.prefix.length < 3) || a.exact.length - b.exact.length || byLength(a, b);

function runTiers(s: look.LookupScope, plan: QueryPlan, c: Collector): void {
  const steps: (() => void)[] = [
    // exact
    () => plan.mrnNumber !== null && c.add(look.byMrnNumber(s, plan.mrnNumber, c.want), 'exact', 'mrn'),
    () => plan.phone?.exact.forEach((d) => c.add(look.byPhoneDigits(s, d, c.want), 'exact', 'phone')),
    () => plan.email?.includes('@') && c.add(look.byEmail(s, plan.email, c.want), 'exact', 'email'),
    () => plan.dateOfBirth && c.add(look.byDateOfBirth(s, plan.dateOfBirth, c.want), 'exact', 'dateOfBirth'),
    // prefix
    () => prefixName(s, plan, c),
    () => plan.phone && c.add(look.byPhoneEnding(s, plan.phone.suffix, c.want), 'prefix', 'phone'),
    () => plan.email && c.add(look.byEmailStart(s, plan.email, c.want), 'prefix', 'email'),
    // contains
    () => containsName(s, plan, c),
    // typo
    () => typoName(s, plan, c),
  ];
  for (const step of steps) {
    if (c.full) return;
    step();
  }
}

/** Every typed word starts a word of the name, in any order. */
function prefixName(s: look.LookupScope, plan: QueryPlan, c: Collector): void {
  if (plan.words.length === 0 || !plan.words.every((w) => look.anyWordStarting(s, w))) return;
  c.add(look.byNameWords(s, plan.words.map((w) => ({ prefix: w, inside: false, exact: [] })).sort(byLength), c.want), 'prefix', 'name');
}

/** Any part of a name: each typed word of 3+ letters may also be inside a name word. */
function containsName(s: look.LookupScope, plan: QueryPlan, c: Collector): void {
  let widened = false;
  let unmatched = false;
  const matches = plan.words.map((w): look.WordMatch => {
    if (w.length < 3) {
      unmatched ||= !look.anyWordStarting(s, w);
      return { prefix: w, inside: false, exact: [] };
    }
    const holding = look.wordsContaining(s, w, MAX_CONTAINING);
    unmatched ||= holding.length === 0;
    // The words containing it, for when it leads the index walk; the prefix tier has seen those starting with it.
    const inside = holding.filter((v) => !v.startsWith(w));
    if (inside.length) widened = true;
    return { prefix: w, inside: true, exact: inside };
  });
  // No name word holds a typed word in its middle: this tier would find what the prefix tier found. A typed
  // word no name word holds at all: nobody matches.
  if (widened && !unmatched) c.add(look.byNameWords(s, matches.sort(bySelectivity), c.want), 'contains', 'name');
}

/** Words of a name that contain a typed fragment; more than this and the fragment says little. */
const MAX_CONTAINING = 64;

function typoName(s: look.LookupScope, plan: QueryPlan, c: Collector): void {
  let corrected = false;
  let unmatched = false;
  const matches = plan.words.map((w): look.WordMatch => {
    // A correction starting with the typed word ("maria" → "mariam") was already a prefix match.
    const exact = w.length >= TYPO_MIN_LENGTH ? corrections(s.sqlite, w).filter((v) => !v.startsWith(w)) : [];
    if (exact.length) corrected = true;
    else unmatched ||= !look.anyWordStarting(s, w);
    return { prefix: w, inside: false, exact };
  });
  if (!corrected || unmatched) return;
  c.add(look.byNameWords(s, matches.sort(bySelectivity), c.want), 'typo', 'name');
}

interface HitRow {
  id: number;
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  phone: string;
  email: string | null;
  archivedAt: string | null;
}

/** Formatting a number costs libphonenumber a full parse (~50 µs): the desk sees the same patients keystroke after keystroke. */
const displayCache = new Map<string, string>();
function phoneDisplay(e164: string, country: string): string {
  const key = `${country}|${e164}`;
  let shown = displayCache.get(key);
  if (shown === undefined) {
    if (displayCache.size >= 20_000) displayCache.clear();
    displayCache.set(key, (shown = formatPhone(e164, country)));
  }
  return shown;
}

function loadHits(sqlite: Database.Database, found: Found[], plan: QueryPlan, country: string, now: Date): PatientSearchHit[] {
  if (found.length === 0) return [];
  const idsJson = JSON.stringify(found.map((f) => f.id));
  const rows = statement(
    sqlite,
    `SELECT id, mrn, first_name AS firstName, last_name AS lastName, date_of_birth AS dateOfBirth, phone, email, archived_at AS archivedAt
     FROM patients WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(idsJson) as HitRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const visits = hasTable(sqlite, 'appointments') ? lastVisits(sqlite, idsJson, now) : new Map<number, string>();
  return found.flatMap((f) => {
    const row = byId.get(f.id);
    if (!row) return [];
    const subject = { ...row, phoneDisplay: phoneDisplay(row.phone, country) };
    return [
      {
        ...subject,
        lastVisitAt: visits.get(row.id) ?? null,
        tier: f.tier,
        matchedField: f.field,
        highlights: highlightsFor(f.field, subject, plan),
      },
    ];
  });
}

/**
 * Per patient: the latest appointment before now that was not cancelled or missed. One query for all hits; each
 * patient's appointments are walked backwards from now on (patient_id, starts_at, status), so usually one row is read.
 */
function lastVisits(sqlite: Database.Database, idsJson: string, now: Date): Map<number, string> {
  const rows = statement(
    sqlite,
    `SELECT j.value AS id, (
       SELECT a.starts_at FROM appointments a
       WHERE a.patient_id = j.value AND a.starts_at < ? AND a.status NOT IN ('cancelled', 'no_show')
       ORDER BY a.starts_at DESC LIMIT 1
     ) AS at FROM json_each(?) j`,
  ).all(now.getTime(), idsJson) as { id: number; at: number | null }[];
  return new Map(rows.flatMap((r) => (r.at === null ? [] : [[r.id, new Date(r.at).toISOString()] as const])));
}

/** Ids only, in rank order — for callers that page or sort the matches themselves (the patient list). */
export function findPatientIds(db: Db, opts: SearchOptions): { ids: number[]; plan: QueryPlan; found: Found[]; country: string } {
  const sqlite = db.$client;
  const country = clinicCountry(sqlite);
  const plan = planQuery(opts.query, country);
  const c = new Collector(opts.limit);
  runTiers({ sqlite, includeArchived: opts.includeArchived }, plan, c);
  const found = [...c.found.values()];
  return { ids: found.map((f) => f.id), plan, found, country };
}

export function searchPatients(db: Db, opts: SearchOptions, now: Date): PatientSearchResult {
  const { plan, found, country } = findPatientIds(db, opts);
  return { hits: loadHits(db.$client, found, plan, country, now) };
}
