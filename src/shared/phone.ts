// Phone numbers are stored in E.164 (+441632960001) so search and messaging see one format.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

export type PhoneCheck = { ok: true; e164: string } | { ok: false; message: string };

/** Parses what a receptionist typed, assuming the clinic's country when no +code is given. */
export function normalizePhone(raw: string, defaultCountry: string, label = 'Phone'): PhoneCheck {
  const text = raw.trim();
  if (!text) return { ok: false, message: `${label} is required.` };
  const parsed = parsePhoneNumberFromString(text, defaultCountry.toUpperCase() as CountryCode);
  if (!parsed || !parsed.isValid()) {
    return { ok: false, message: `${label} is not a valid phone number for ${defaultCountry.toUpperCase()} (add +country code for abroad).` };
  }
  return { ok: true, e164: parsed.number };
}

/** For display: national format for the clinic's own country, international otherwise. */
export function formatPhone(e164: string | null | undefined, clinicCountry: string): string {
  if (!e164) return '';
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === clinicCountry.toUpperCase() ? parsed.formatNational() : parsed.formatInternational();
}
