// Guesses which CSV column holds which patient field from the header names, as other systems export them.
import Papa from 'papaparse';
import { CSV_FIELDS, type CsvField, type CsvMapping } from '../../../../shared/patient-csv';

/** Header spellings seen in exports (compared lower-case, letters and digits only). */
const SYNONYMS: Record<CsvField, string[]> = {
  firstName: ['firstname', 'first', 'givenname', 'given', 'forename', 'forenames', 'name1', 'fname'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'family', 'lname', 'name2'],
  dateOfBirth: ['dateofbirth', 'dob', 'birthdate', 'born', 'birthday', 'birth', 'datenaissance'],
  sex: ['sex', 'gender'],
  phone: ['phone', 'mobile', 'mobilephone', 'cell', 'cellphone', 'telephone', 'tel', 'phonenumber', 'mobilenumber'],
  email: ['email', 'emailaddress', 'mail', 'e-mail'],
  addressLine: ['address', 'addressline', 'street', 'streetaddress', 'address1', 'addressline1'],
  city: ['city', 'town'],
  postalCode: ['postalcode', 'postcode', 'zip', 'zipcode', 'postal'],
  emergencyContactName: ['emergencycontactname', 'emergencycontact', 'nextofkin', 'emergencyname'],
  emergencyContactPhone: ['emergencycontactphone', 'emergencyphone', 'nextofkinphone'],
  allergies: ['allergies', 'allergy', 'alerts'],
  medicalHistory: ['medicalhistory', 'history', 'notes', 'medicalnotes'],
};

const squash = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

export function guessMapping(columns: string[]): CsvMapping {
  const mapping: CsvMapping = {};
  const taken = new Set<string>();
  for (const field of CSV_FIELDS) {
    const names = SYNONYMS[field].map(squash);
    const column = columns.find((c) => !taken.has(c) && names.includes(squash(c)));
    if (column) {
      mapping[field] = column;
      taken.add(column);
    }
  }
  return mapping;
}

/** The header row of the file (the renderer needs it to offer the columns before main checks anything). */
export function headerOf(text: string): string[] {
  const out = Papa.parse<string[]>(text, { preview: 1, skipEmptyLines: 'greedy' });
  return (out.data[0] ?? []).map((h) => h.trim()).filter((h) => h.length > 0);
}

/** The form's own labels (shared with main's import messages). */
export { PATIENT_FIELD_LABELS as FIELD_LABELS } from '../../../../shared/patient-csv';
