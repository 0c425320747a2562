// The pieces of a search hit that tell two people apart — name, date of birth and age, phone, record no.,
// last visit — each with its matched part marked; shared by the palette and the dashboard's results.
import type { ReactNode } from 'react';
import type { PatientSearchHit } from '../../../shared/search';
import { ageLabel } from '../format/dates';
import { usePrivacy } from '../privacy/usePrivacy';
import { birthDate, dayOf } from './format-cache';
import { Highlighted, HighlightedWhole } from './Highlighted';

// Privacy screen, for search results (palette, patient search, booking picker): names stay in full — the user
// typed them to find one person, and the results go when the search does — but the details that would let a
// passer-by contact or identify someone are held back: age instead of date of birth, the phone's last two
// digits, no email. The record no. stays: it means nothing outside the clinic.

/** "Lindqvist, Anna": lists sort and read by surname first. */
export function HitListName({ hit }: { hit: PatientSearchHit }) {
  return (
    <span className="patient-name">
      <Highlighted hit={hit} field="lastName" text={hit.lastName} />, <Highlighted hit={hit} field="firstName" text={hit.firstName} />
    </span>
  );
}

export function HitBirth({ hit, today }: { hit: PatientSearchHit; today: string }) {
  if (usePrivacy().on) return <span className="muted">{ageLabel(hit.dateOfBirth, today)}</span>;
  return (
    <>
      <HighlightedWhole on={hit.matchedField === 'dateOfBirth'} text={birthDate(hit.dateOfBirth)} />{' '}
      <span className="muted">· {ageLabel(hit.dateOfBirth, today)}</span>
    </>
  );
}

export function HitPhone({ hit }: { hit: PatientSearchHit }) {
  const privacy = usePrivacy();
  return privacy.on ? <>{privacy.phone(hit.phoneDisplay)}</> : <Highlighted hit={hit} field="phoneDisplay" text={hit.phoneDisplay} />;
}
export const HitMrn = ({ hit }: { hit: PatientSearchHit }) => <Highlighted hit={hit} field="mrn" text={hit.mrn} />;

/** A one-line hit's facts (birth, phone, record no.), then whatever the list adds, such as the last visit. */
export function HitFacts({ hit, today, children }: { hit: PatientSearchHit; today: string; children?: ReactNode }) {
  return (
    <span className="palette-hit-facts">
      <span>
        <HitBirth hit={hit} today={today} />
      </span>
      <span className="mono">
        <HitPhone hit={hit} />
      </span>
      <span className="mono">
        <HitMrn hit={hit} />
      </span>
      {children}
    </span>
  );
}

export function lastVisitText(hit: PatientSearchHit, timeZone: string): string {
  return hit.lastVisitAt ? dayOf(hit.lastVisitAt, timeZone) : 'No visits yet';
}
