// The clinic's profile: who it is, where, and the conventions (country, time zone, currency) the desk works in.
import { z } from 'zod';
import { optionalEmail, optionalText, requiredText } from './fields';

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const clinicProfileInput = z.object({
  name: requiredText('Clinic name', 120),
  address: optionalText('Address', 400),
  phone: optionalText('Clinic phone', 40),
  email: optionalEmail('Clinic email'),
  country: z
    .string({ error: 'Country is required.' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'Country must be a two-letter code, e.g. GB, US, DE.'),
  timeZone: z.string({ error: 'Time zone is required.' }).trim().refine(isTimeZone, 'Time zone is not recognised, e.g. Europe/London.'),
  currency: z
    .string({ error: 'Currency is required.' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'Currency must be a three-letter code, e.g. GBP, USD, EUR.'),
  lockAfterMinutes: z
    .number({ error: 'Lock after must be a number of minutes.' })
    .int('Lock after must be whole minutes.')
    .min(1, 'Lock after must be at least 1 minute.')
    .max(240, 'Lock after must be at most 240 minutes.')
    .default(5),
});
export type ClinicProfileInput = z.input<typeof clinicProfileInput>;

export interface ClinicProfile {
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  country: string;
  timeZone: string;
  currency: string;
  lockAfterMinutes: number;
}
