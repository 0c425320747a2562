// A plain-function fast path for the patient form's field rules (patientFields, zod) on an import row. It only
// ever answers "valid, and this is exactly zod's output"; a row it does not accept goes through zod itself, so
// every refusal — and its wording — stays zod's. zod remains the one definition: csv-import-fields.test.ts
// checks over many generated rows, valid and invalid, that this path accepts exactly what zod accepts and
// outputs exactly what zod outputs. At 100,000 rows zod cost ~1.4 s of an import's validation; this ~0.1 s.
import { z } from 'zod';
import type { PatientFields, Sex } from '../../shared/patients';
import { isIsoDate } from '../../shared/fields';

/** The text fields of patientFields, as an import row gives them (trimmed cells, '' when blank or unmapped). */
export interface PatientTextCells {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  addressLine: string;
  city: string;
  postalCode: string;
  emergencyContactName: string;
  emergencyContactPhone: string;
  allergies: string;
  medicalHistory: string;
}

/** The pattern z.email() checks (fields.ts's optionalEmail refines with it). */
const EMAIL = z.regexes.email;

/** The UTC date zod's dateOfBirth rule compares with, worked out again only when a UTC day has passed. */
let todayIso = '';
let todayEndsAt = 0;
function today(): string {
  const now = Date.now();
  if (now >= todayEndsAt) {
    todayIso = new Date(now).toISOString().slice(0, 10);
    todayEndsAt = Date.parse(`${todayIso}T00:00:00Z`) + 86_400_000;
  }
  return todayIso;
}

/** requiredText(label, max): trimmed, 1..max characters. */
const required = (v: string, max: number) => v.length >= 1 && v.length <= max && v === v.trim();
/** optionalText(label, max): trimmed, at most max characters; blank becomes null. */
const optional = (v: string, max: number): string | null | undefined => (v.length > max || v !== v.trim() ? undefined : v || null);

/**
 * patientFields.parse({...cells, dateOfBirth, sex}) when zod would accept it, else null (ask zod). The limits
 * mirror src/shared/patients.ts and fields.ts; the test proves they still do.
 */
export function fastPatientFields(c: PatientTextCells, dateOfBirth: string, sex: Sex): PatientFields | null {
  if (!required(c.firstName, 100) || !required(c.lastName, 100) || !required(c.phone, 40)) return null;
  if (dateOfBirth !== dateOfBirth.trim() || !isIsoDate(dateOfBirth)) return null;
  if (dateOfBirth > today() || dateOfBirth < '1880-01-01') return null;
  let email: string | null = null;
  if (c.email) {
    if (c.email.length > 254 || c.email !== c.email.trim()) return null;
    email = c.email.toLowerCase();
    if (!EMAIL.test(email)) return null;
  }
  const addressLine = optional(c.addressLine, 200);
  const city = optional(c.city, 100);
  const postalCode = optional(c.postalCode, 20);
  const emergencyContactName = optional(c.emergencyContactName, 120);
  const emergencyContactPhone = optional(c.emergencyContactPhone, 40);
  const allergies = optional(c.allergies, 2000);
  const medicalHistory = optional(c.medicalHistory, 10000);
  if (addressLine === undefined || city === undefined || postalCode === undefined || emergencyContactName === undefined) return null;
  if (emergencyContactPhone === undefined || allergies === undefined || medicalHistory === undefined) return null;
  // zod's key order (the schema's), so the two outputs are alike to the byte.
  return { firstName: c.firstName, lastName: c.lastName, dateOfBirth, sex, phone: c.phone, email, addressLine, city, postalCode, emergencyContactName, emergencyContactPhone, allergies, medicalHistory };
}
