// Clearly-marked sample patients for a newcomer's first run. Every one is named "(Sample)" in the notes
// and uses the reserved 555-01xx fictional numbers, so nothing here can reach a real person.
import type { Db } from '../db/client';
import { patients } from '../db/schema';
import { nextInSequence } from '../clinic/sequence';
import { formatMrn, sortNameOf } from '../patients/service';
import type { PatientFields } from '../../shared/patients';
import { loadSampleSchedule } from '../scheduling/sample';
import { writeWithoutLinks } from '../payments/link-queue';

const PEOPLE: [string, string, string, PatientFields['sex'], string | null][] = [
  ['María', 'García López', '1984-03-12', 'female', 'Penicillin'],
  ['José', 'Fernández', '1979-11-02', 'male', null],
  ['Aiko', 'Tanaka', '1992-07-23', 'female', null],
  ['Oluwaseun', 'Adeyemi', '1968-01-30', 'male', 'Latex'],
  ['Zoë', 'Müller', '2015-05-17', 'female', null],
  ['Liam', "O'Connor", '2001-09-09', 'male', null],
  ['Fatima', 'Haddad', '1955-12-24', 'female', 'Aspirin'],
  ['Chen', 'Wei', '1988-04-04', 'male', null],
  ['Søren', 'Kjær', '1974-08-15', 'male', null],
  ['Priya', 'Natarajan', '1996-02-28', 'female', 'Peanuts'],
  ['Élodie', 'Dubois', '1983-06-06', 'female', null],
  ['Mateo', 'Rossi', '2010-10-10', 'male', null],
];

export function loadSampleData(db: Db, by: number, now: Date): void {
  const at = now.toISOString();
  db.transaction((tx) => {
    PEOPLE.forEach(([firstName, lastName, dateOfBirth, sex, allergies], i) => {
      const mrn = formatMrn(nextInSequence(tx, 'mrn'));
      tx.insert(patients)
        .values({
          mrn,
          firstName,
          lastName,
          sortName: sortNameOf({ firstName, lastName }),
          dateOfBirth,
          sex,
          // +1 202 555 01xx is reserved for fiction in the North American plan.
          phone: `+1202555${String(100 + i).padStart(4, '0')}`,
          email: `sample${i + 1}@example.com`,
          allergies,
          medicalHistory: 'SAMPLE RECORD — fictional patient loaded to explore Anteroom. Archive it when you start for real.',
          createdAt: at,
          updatedAt: at,
          createdBy: by,
          updatedBy: by,
        })
        .run();
    });
    writeWithoutLinks(tx, at, () => loadSampleSchedule(tx, by, now));
  });
}
