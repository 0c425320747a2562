// The new-patient form starts from what was typed in the booking's patient box.
import { describe, expect, it } from 'vitest';
import { newPatientPrefill } from './new-patient-prefill';

const blank = { firstName: '', lastName: '', phone: '', dateOfBirth: '' };

describe('newPatientPrefill', () => {
  it('splits a name into first and last, the last word being the surname', () => {
    expect(newPatientPrefill('  Zed Quill ')).toEqual({ ...blank, firstName: 'Zed', lastName: 'Quill' });
    expect(newPatientPrefill('Mary Ann Smith')).toEqual({ ...blank, firstName: 'Mary Ann', lastName: 'Smith' });
  });
  it('keeps surname particles with the surname', () => {
    expect(newPatientPrefill('Ana de la Cruz')).toEqual({ ...blank, firstName: 'Ana', lastName: 'de la Cruz' });
    expect(newPatientPrefill('Jan van der Berg')).toEqual({ ...blank, firstName: 'Jan', lastName: 'van der Berg' });
  });
  it('reads "Surname, First" the way lists write it', () => {
    expect(newPatientPrefill('Quill, Zed')).toEqual({ ...blank, firstName: 'Zed', lastName: 'Quill' });
  });
  it('capitalises a name typed all in lowercase, and leaves capitals as typed', () => {
    expect(newPatientPrefill('søren o’neil-kjær')).toEqual({ ...blank, firstName: 'Søren', lastName: 'O’Neil-Kjær' });
    expect(newPatientPrefill('ana de la cruz')).toEqual({ ...blank, firstName: 'Ana', lastName: 'de la Cruz' });
    expect(newPatientPrefill('Ronan McDonagh')).toEqual({ ...blank, firstName: 'Ronan', lastName: 'McDonagh' });
  });
  it('one word is the first name', () => {
    expect(newPatientPrefill('Zed')).toEqual({ ...blank, firstName: 'Zed' });
  });
  it('puts digits into the phone, beside or instead of a name', () => {
    expect(newPatientPrefill('07700 900123')).toEqual({ ...blank, phone: '07700 900123' });
    expect(newPatientPrefill('Zed Quill +44 7700 900123')).toEqual({ firstName: 'Zed', lastName: 'Quill', phone: '+44 7700 900123', dateOfBirth: '' });
  });
  it('takes an ISO date as the date of birth', () => {
    expect(newPatientPrefill('Zed Quill 1984-02-29')).toEqual({ ...blank, firstName: 'Zed', lastName: 'Quill', dateOfBirth: '1984-02-29' });
  });
  it('leaves the fields empty for what is not a name (a record number, an email, a short number)', () => {
    expect(newPatientPrefill('MRN-000123')).toEqual(blank);
    expect(newPatientPrefill('zed@example.com')).toEqual(blank);
    expect(newPatientPrefill('1234')).toEqual(blank);
  });
});
