// The two records side by side before a merge; lines that differ are bold so the desk sees what is at stake.
import type { Patient } from '../../../../shared/patients';
import { formatPhone } from '../../../../shared/phone';
import { formatDate, formatDayOf } from '../../format/dates';

type Line = [label: string, value: (p: Patient, country: string, timeZone: string) => string];

const LINES: Line[] = [
  ['Name', (p) => `${p.firstName} ${p.lastName}`],
  ['Record no.', (p) => p.mrn],
  ['Date of birth', (p) => formatDate(p.dateOfBirth)],
  ['Mobile', (p, c) => formatPhone(p.phone, c)],
  ['Email', (p) => p.email ?? '—'],
  ['Address', (p) => [p.addressLine, p.city, p.postalCode].filter(Boolean).join(', ') || '—'],
  ['Allergies', (p) => p.allergies ?? '—'],
  ['Added', (p, _c, tz) => formatDayOf(p.createdAt, tz)],
];

function Card({ patient, other, kept, country, timeZone }: { patient: Patient; other: Patient; kept: boolean; country: string; timeZone: string }) {
  return (
    <section className={`merge-card${kept ? ' is-kept' : ''}`} aria-label={kept ? 'Record to keep' : 'Record to merge and archive'}>
      <h3 className="merge-card-title">{kept ? 'Keep this record' : 'Merge and archive this one'}</h3>
      <dl>
        {LINES.map(([label, value]) => {
          const mine = value(patient, country, timeZone);
          const different = label !== 'Record no.' && label !== 'Added' && mine !== value(other, country, timeZone);
          return (
            <div key={label}>
              <dt>{label}</dt>
              <dd className={different ? 'is-different' : undefined}>{mine}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

export function MergeCompare({ keep, merge, country, timeZone }: { keep: Patient; merge: Patient; country: string; timeZone: string }) {
  return (
    <div className="merge-compare">
      <Card patient={keep} other={merge} kept country={country} timeZone={timeZone} />
      <Card patient={merge} other={keep} kept={false} country={country} timeZone={timeZone} />
    </div>
  );
}
