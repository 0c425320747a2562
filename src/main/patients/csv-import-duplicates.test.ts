// Import duplicate flags over a real migrated register: per-row index lookups and the one-scan maps give the same
// answer (the first registered patient per phone, email, or name + birth date); repeated typed phones read once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientFields } from '../../shared/patients';
import { normalizePhone } from '../../shared/phone';
import { createTestClinic, SAMPLE_PATIENT, type TestClinic } from '../testing/test-core';
import { DuplicateFlagger, existingPatientsFor, probedPatients, scannedPatients } from './csv-import-duplicates';
import { phoneReader } from './csv-import-validate';

let clinic: TestClinic;
beforeAll(async () => {
  clinic = await createTestClinic();
  const register = [
    SAMPLE_PATIENT, // María García, +447911123456, maria@example.com, 1984-03-12 → P-000001
    { ...SAMPLE_PATIENT, firstName: 'Mario', email: 'mario@example.com' }, // same phone, later → P-000002
    { ...SAMPLE_PATIENT, firstName: 'Ana', lastName: 'Ruiz', phone: '07911 200500', email: 'ana@example.com', dateOfBirth: '1990-01-01' }, // P-000003
    { ...SAMPLE_PATIENT, firstName: 'María', lastName: 'García', phone: '07911 200600', email: null, dateOfBirth: '1990-01-01' }, // P-000004
  ];
  for (const p of register) await clinic.admin.must('patients.create', p);
  await clinic.admin.must('patients.archive', { id: 3 }); // archived patients still count as registered
});
afterAll(() => clinic.close());

const row = (over: Partial<PatientFields>): PatientFields => ({
  firstName: 'New',
  lastName: 'Person',
  dateOfBirth: '2000-02-02',
  sex: 'unknown',
  phone: '+447911200999',
  email: null,
  addressLine: null,
  city: null,
  postalCode: null,
  emergencyContactName: null,
  emergencyContactPhone: null,
  allergies: null,
  medicalHistory: null,
  ...over,
});

const FILE: PatientFields[] = [
  row({ phone: '+447911123456', firstName: 'One' }), // same phone as two patients: the first registered
  row({ phone: '+447911200701', firstName: 'Two', email: 'ana@example.com' }), // archived patient's email
  row({ phone: '+447911200702', firstName: 'Maria', lastName: 'Garcia', dateOfBirth: '1990-01-01' }), // without accents
  row({ phone: '+447911200703', firstName: 'MARIA', lastName: 'garcía', dateOfBirth: '1984-03-12' }), // case and accents
  row({ phone: '+447911200704', firstName: 'Five' }), // nobody
  row({ phone: '+447911200704', firstName: 'Six' }), // repeats the previous row's phone
];

describe('import duplicate flags', () => {
  it('name the first registered patient, or the earlier row, whichever way the register is read', async () => {
    const sqlite = clinic.core.db.$client;
    const flags = (existing: ReturnType<typeof probedPatients>) => {
      const flagger = new DuplicateFlagger(existing);
      return FILE.map((f, i) => flagger.flag(i + 2, f));
    };
    const probed = flags(probedPatients(sqlite));
    expect(probed).toEqual([
      { row: 2, reason: 'same-phone', existingMrn: 'P-000001', earlierRow: null },
      { row: 3, reason: 'same-email', existingMrn: 'P-000003', earlierRow: null },
      { row: 4, reason: 'same-name-and-birth-date', existingMrn: 'P-000004', earlierRow: null },
      { row: 5, reason: 'same-name-and-birth-date', existingMrn: 'P-000001', earlierRow: null },
      null,
      { row: 7, reason: 'repeated-in-file', existingMrn: null, earlierRow: 6 },
    ]);
    expect(flags(await scannedPatients(sqlite))).toEqual(probed);
    expect(flags(await scannedPatients(sqlite, async () => {}, 1))).toEqual(probed); // a page per patient
  });

  it('reads the register once when the file is large next to it, and probes it for a small file', async () => {
    const sqlite = clinic.core.db.$client;
    // Four registered patients: a one-row file probes, a file of a hundred rows scans — same answers.
    for (const rows of [1, 100]) expect(new DuplicateFlagger(await existingPatientsFor(sqlite, rows)).flag(2, FILE[0]!)?.existingMrn).toBe('P-000001');
  });

  it('in a new clinic (empty register) flags only rows repeated in the file', async () => {
    const empty = await createTestClinic();
    try {
      const existing = await scannedPatients(empty.core.db.$client);
      expect(existing.none).toBe(true);
      expect((await scannedPatients(clinic.core.db.$client)).none).toBe(false);
      const flagger = new DuplicateFlagger(existing);
      expect(FILE.map((f, i) => flagger.flag(i + 2, f))).toEqual([null, null, null, null, null, { row: 7, reason: 'repeated-in-file', existingMrn: null, earlierRow: 6 }]);
    } finally {
      empty.close();
    }
  });
});

describe('phoneReader', () => {
  it('answers like normalizePhone for every text, asked once or many times, with the asking field in the message', () => {
    const read = phoneReader('GB');
    for (const text of ['07911 123456', '07911 123456', '+44 7911 123456', '12', '12', '']) {
      for (const label of ['Mobile phone', 'Emergency contact phone']) expect(read(text, label)).toEqual(normalizePhone(text, 'GB', label));
    }
  });
});
