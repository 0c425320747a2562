// The pieces of a search hit that tell two people apart — name, date of birth and age, phone, record no.,
// last visit — each with its matched part marked; shared by the palette and the dashboard's results.
import type { ReactNode } from 'react';
import type { PatientSearchHit } from '../../../shared/search';
import type { Privacy } from '../privacy/usePrivacy';
import { age, birthDate, dayOf } from './format-cache';
import { Highlighted, HighlightedWhole } from './Highlighted';

// Privacy screen, for search results (palette, patient search, booking picker): names stay in full — the user
// typed them to find one person, and the results go when the search does — but the details that would let a
// passer-by contact or identify someone are held back: age instead of date of birth, the phone's last two
// digits, no email. The record no. stays: it means nothing outside the clinic.
// The parts take the list's `privacy` (usePrivacy() once per list) rather than each subscribing to the store:
// a result list re-renders every row on every answer, and those subscriptions were a tenth of it.

/** "Lindqvist, Anna": lists sort and read by surname first. */
export function HitListName({ hit }: { hit: PatientSearchHit }) {
  return (
    <span className="patient-name">
      <Highlighted hit={hit} field="lastName" text={hit.lastName} />, <Highlighted hit={hit} field="firstName" text={hit.firstName} />
    </span>
  );
}

export function HitBirth({ hit, today, privacy }: { hit: PatientSearchHit; today: string; privacy: Privacy }) {
  if (privacy.on) return <span className="muted">{age(hit.dateOfBirth, today)}</span>;
  return (
    <>
      <HighlightedWhole on={hit.matchedField === 'dateOfBirth'} text={birthDate(hit.dateOfBirth)} />{' '}
      <span className="muted">· {age(hit.dateOfBirth, today)}</span>
    </>
  );
}

export function HitPhone({ hit, privacy }: { hit: PatientSearchHit; privacy: Privacy }) {
  return privacy.on ? <>{privacy.phone(hit.phoneDisplay)}</> : <Highlighted hit={hit} field="phoneDisplay" text={hit.phoneDisplay} />;
}
export const HitMrn = ({ hit }: { hit: PatientSearchHit }) => <Highlighted hit={hit} field="mrn" text={hit.mrn} />;

/** A one-line hit's facts (birth, phone, record no.), then whatever the list adds, such as the last visit. */
export function HitFacts({ hit, today, privacy, children }: { hit: PatientSearchHit; today: string; privacy: Privacy; children?: ReactNode }) {
  return (
    <span className="palette-hit-facts">
      <span>
        <HitBirth hit={hit} today={today} privacy={privacy} />
      </span>
      <span className="mono">
        <HitPhone hit={hit} privacy={privacy} />
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
