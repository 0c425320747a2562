// The strip on top of a patient's page: who this is at a glance, with any allergy alert impossible to miss.
import type { Patient } from '../../../shared/patients';
import { SEX_LABELS } from '../../../shared/patients';
import { formatPhone } from '../../../shared/phone';
import { ageLabel, formatDate, todayIn } from '../format/dates';
import { fullName } from './patient-text';

export function IdentityStrip({ patient, country, timeZone }: { patient: Patient; country: string; timeZone: string }) {
  return (
    <section className="identity-strip" aria-label="Patient identity">
      <div className="identity-main">
        <h1 className="identity-name">{fullName(patient)}</h1>
        <dl className="identity-facts">
          <div>
            <dt>Age</dt>
            <dd>{ageLabel(patient.dateOfBirth, todayIn(timeZone))}</dd>
          </div>
          <div>
            <dt>Date of birth</dt>
            <dd>{formatDate(patient.dateOfBirth)}</dd>
          </div>
          <div>
            <dt>Sex</dt>
            <dd>{SEX_LABELS[patient.sex]}</dd>
          </div>
          <div>
            <dt>Record no.</dt>
            <dd className="mono">{patient.mrn}</dd>
          </div>
          <div>
            <dt>Mobile</dt>
            <dd className="mono">{formatPhone(patient.phone, country)}</dd>
          </div>
        </dl>
      </div>
      {patient.allergies && (
        <p className="alert-badge" role="note">
          <span className="alert-icon" aria-hidden="true">
            !
          </span>
          <span>
            <strong>Allergies:</strong> {patient.allergies}
          </span>
        </p>
      )}
    </section>
  );
}
