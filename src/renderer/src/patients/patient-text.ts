// How a patient's name and form values are written on screen.
import type { Patient, PatientFormValues, PatientSummary } from '../../../shared/patients';
import { formatPhone } from '../../../shared/phone';

export const fullName = (p: Pick<PatientSummary, 'firstName' | 'lastName'>) => `${p.firstName} ${p.lastName}`;
/** Lists sort by surname, so they show it first. */
export const listName = (p: Pick<PatientSummary, 'firstName' | 'lastName'>) => `${p.lastName}, ${p.firstName}`;

export const EMPTY_PATIENT_FORM: PatientFormValues = {
  firstName: '',
  lastName: '',
  dateOfBirth: '',
  sex: 'unknown',
  phone: '',
  email: '',
  addressLine: '',
  city: '',
  postalCode: '',
  emergencyContactName: '',
  emergencyContactPhone: '',
  allergies: '',
  medicalHistory: '',
};

/** A saved patient as the edit form shows it: blanks for nulls, phones in the clinic's familiar format. */
export function formValuesOf(p: Patient, country: string): PatientFormValues {
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
    phone: formatPhone(p.phone, country),
    email: p.email ?? '',
    addressLine: p.addressLine ?? '',
    city: p.city ?? '',
    postalCode: p.postalCode ?? '',
    emergencyContactName: p.emergencyContactName ?? '',
    emergencyContactPhone: formatPhone(p.emergencyContactPhone, country),
    allergies: p.allergies ?? '',
    medicalHistory: p.medicalHistory ?? '',
  };
}

export const PATIENT_FIELD_NAMES = Object.keys(EMPTY_PATIENT_FORM);
