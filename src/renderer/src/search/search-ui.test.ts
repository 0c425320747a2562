// The search UI's pure rules: column guessing for CSV import, and what a bare Enter in the palette acts on.
import { describe, expect, it } from 'vitest';
import type { PatientSearchHit } from '../../../shared/search';
import { guessMapping, headerOf } from './import/guess-mapping';
import type { PaletteCommand } from './palette-commands';
import { defaultIndex, paletteItems } from './palette-items';

describe('CSV column guessing', () => {
  it('reads the header row, quotes and spaces included', () => {
    expect(headerOf('"First name", Surname ,DOB\r\nAnna,Berg,1980-01-01\r\n')).toEqual(['First name', 'Surname', 'DOB']);
    expect(headerOf('')).toEqual([]);
  });

  it('matches the names other systems export, each column at most once', () => {
    expect(guessMapping(['Given name', 'Family name', 'Date of Birth', 'Gender', 'Cell phone', 'E-mail', 'Post code', 'Notes', 'Other'])).toEqual({
      firstName: 'Given name',
      lastName: 'Family name',
      dateOfBirth: 'Date of Birth',
      sex: 'Gender',
      phone: 'Cell phone',
      email: 'E-mail',
      postalCode: 'Post code',
      medicalHistory: 'Notes',
    });
    expect(guessMapping(['Phone', 'Phone'])).toEqual({ phone: 'Phone' });
  });
});

const hit = (id: number) => ({ id }) as PatientSearchHit;
const command = (id: string, explicitOnly = false): PaletteCommand => ({ id, label: id, explicitOnly, run: { kind: 'shortcuts' } });

describe('palette Enter', () => {
  it('opens the top patient when there is one', () => {
    expect(defaultIndex(paletteItems([hit(7), hit(8)], [command('new-patient', true)]), 'mar')).toBe(0);
  });

  it('never falls through to "New patient" when nobody matches', () => {
    expect(defaultIndex(paletteItems([], [command('new-patient', true)]), 'new')).toBe(-1);
    expect(defaultIndex(paletteItems([], [command('new-patient', true), command('go-staff')]), 'n')).toBe(1);
  });

  it('acts on nothing before anything is typed', () => {
    expect(defaultIndex(paletteItems([], [command('go-staff')]), '  ')).toBe(-1);
  });
});
