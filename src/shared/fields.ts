// Reusable zod field rules whose messages name the field, shared by forms (renderer) and handlers (main).
import { z } from 'zod';

/** Required, trimmed text. */
export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`);

/** Optional text: blank becomes null so the database never stores empty strings. */
export const optionalText = (label: string, max = 2000) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .nullish()
    .transform((v) => (v ? v : null));

/** Built once: a zod schema costs more to build than to run, and this one checks every imported row. */
const EMAIL = z.email();

export const optionalEmail = (label = 'Email') =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(254, `${label} is too long.`)
    .nullish()
    .transform((v) => (v ? v.toLowerCase() : null))
    .refine((v) => v === null || EMAIL.safeParse(v).success, `${label} is not a valid email address, e.g. name@example.com.`);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when s is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

export const isoDate = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .refine(isIsoDate, `${label} must be a real date (YYYY-MM-DD).`);

export const dateOfBirth = (label = 'Date of birth') =>
  isoDate(label).refine((s) => {
    // The date it already is somewhere (UTC+14): this schema does not know the clinic's zone, and a clinic ahead of
    // UTC must be able to register a baby born this morning. A day too lenient west of UTC harms no one.
    const latestToday = new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);
    return s <= latestToday && s >= '1880-01-01';
  }, `${label} cannot be in the future or before 1880.`);

export const id = (label = 'Id') => z.number({ error: `${label} must be a number.` }).int(`${label} must be a whole number.`).positive(`${label} must be positive.`);

export const password = (label = 'Password') =>
  z
    .string({ error: `${label} is required.` })
    .min(10, `${label} must be at least 10 characters.`)
    .max(200, `${label} must be at most 200 characters.`);
