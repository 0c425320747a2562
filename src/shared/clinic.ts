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

/** Changing the profile later (clinic settings): a new time zone must be confirmed once appointments exist. */
export const clinicUpdateInput = clinicProfileInput.extend({
  /** The administrator agreed that booked appointments keep their moment in time and show at new clock times. */
  confirmTimeZoneChange: z.boolean({ error: 'Confirm time zone change must be true or false.' }).default(false),
});

/** What the settings screen asks before a new time zone is saved. */
export const timeZoneChangeQuestion = (zone: string) =>
  `Appointments keep their moment in time; their clock times will show in ${zone}. Change the time zone?`;

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
