// One row of the patient list; a placeholder shimmer while its page is still loading.
import type { PatientSummary } from '../../../shared/patients';
import { formatMoney } from '../../../shared/payments-format';
import { formatPhone } from '../../../shared/phone';
import { useSession } from '../app/store';
import { ageLabel, formatDate, formatDayOf } from '../format/dates';
import { usePrivacy } from '../privacy/usePrivacy';
import { fullName, listName } from './patient-text';

interface PatientRowProps {
  index: number;
  patient: PatientSummary | undefined;
  selected: boolean;
  top: number;
  height: number;
  today: string;
  country: string;
  timeZone: string;
  onOpen(patient: PatientSummary): void;
  onSelect(index: number): void;
}

export function PatientRow({ index, patient, selected, top, height, today, country, timeZone, onOpen, onSelect }: PatientRowProps) {
  const currency = useSession().clinic.currency;
  const privacy = usePrivacy();
  const style = { transform: `translateY(${top}px)`, height };
  if (!patient) {
    return (
      <div className="patient-row patient-row-loading" role="row" aria-rowindex={index + 2} style={style}>
        <div role="gridcell" className="cell-skeleton" />
      </div>
    );
  }
  return (
    <div
      id={`patient-row-${index}`}
      className={`patient-row${selected ? ' is-selected' : ''}${patient.archivedAt ? ' is-archived' : ''}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      style={style}
      onClick={() => onOpen(patient)}
      onMouseMove={() => !selected && onSelect(index)}
    >
      <div role="gridcell" className="cell-name">
        {/* Privacy screen: initials, age without the date of birth, the phone's last two digits. */}
        <span className="patient-name">{privacy.on ? privacy.name(fullName(patient)) : listName(patient)}</span>
        {patient.archivedAt && <span className="tag">Archived</span>}
      </div>
      <div role="gridcell" className="cell-mono">
        {patient.mrn}
      </div>
      <div role="gridcell">
        {privacy.on ? (
          <span className="muted">{ageLabel(patient.dateOfBirth, today)}</span>
        ) : (
          <>
            {formatDate(patient.dateOfBirth)} <span className="muted">· {ageLabel(patient.dateOfBirth, today)}</span>
          </>
        )}
      </div>
      <div role="gridcell" className="cell-mono">
        {privacy.on ? privacy.phone(patient.phone) : formatPhone(patient.phone, country)}
      </div>
      <div role="gridcell" className="muted">
        {formatDayOf(patient.createdAt, timeZone)}
      </div>
      <div role="gridcell" className="muted">
        {patient.lastVisitAt ? formatDayOf(patient.lastVisitAt, timeZone) : '—'}
      </div>
      <div role="gridcell" className="cell-count" title={patient.appointmentCount === null ? undefined : `${patient.appointmentCount} appointments`}>
        {patient.appointmentCount ?? ''}
      </div>
      <div role="gridcell" className="cell-money">
        {patient.totalSpend === null ? '' : formatMoney(patient.totalSpend, currency)}
      </div>
    </div>
  );
}
