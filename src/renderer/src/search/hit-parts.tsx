// The pieces of a search hit that tell two people apart — name, date of birth and age, phone, record no.,
// last visit — each with its matched part marked; shared by the palette and the dashboard's results.
import type { PatientSearchHit } from '../../../shared/search';
import { ageLabel } from '../format/dates';
import { birthDate, dayOf } from './format-cache';
import { Highlighted, HighlightedWhole } from './Highlighted';

/** "Lindqvist, Anna": lists sort and read by surname first. */
export function HitListName({ hit }: { hit: PatientSearchHit }) {
  return (
    <span className="patient-name">
      <Highlighted hit={hit} field="lastName" text={hit.lastName} />, <Highlighted hit={hit} field="firstName" text={hit.firstName} />
    </span>
  );
}

export function HitBirth({ hit, today }: { hit: PatientSearchHit; today: string }) {
  return (
    <>
      <HighlightedWhole on={hit.matchedField === 'dateOfBirth'} text={birthDate(hit.dateOfBirth)} />{' '}
      <span className="muted">· {ageLabel(hit.dateOfBirth, today)}</span>
    </>
  );
}

export const HitPhone = ({ hit }: { hit: PatientSearchHit }) => <Highlighted hit={hit} field="phoneDisplay" text={hit.phoneDisplay} />;
export const HitMrn = ({ hit }: { hit: PatientSearchHit }) => <Highlighted hit={hit} field="mrn" text={hit.mrn} />;

export function lastVisitText(hit: PatientSearchHit, timeZone: string): string {
  return hit.lastVisitAt ? dayOf(hit.lastVisitAt, timeZone) : 'No visits yet';
}
