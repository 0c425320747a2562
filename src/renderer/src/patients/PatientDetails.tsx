// Every field of the patient's record, grouped as on the form, plus the appointments section.
import type { Patient } from '../../../shared/patients';
import { formatPhone } from '../../../shared/phone';
import { formatInstant } from '../format/dates';
import { DetailSection } from './DetailSection';
import { PatientAppointmentsSection } from '../calendar/PatientAppointmentsSection';

export function PatientDetails({ patient, country, timeZone }: { patient: Patient; country: string; timeZone: string }) {
  const p = patient;
  return (
    <div className="detail-grid">
      <DetailSection
        title="Contact"
        rows={[
          ['Mobile phone', formatPhone(p.phone, country)],
          ['Email', p.email],
        ]}
      />
      <DetailSection
        title="Address"
        rows={[
          ['Street address', p.addressLine],
          ['City', p.city],
          ['Postal code', p.postalCode],
        ]}
      />
      <DetailSection
        title="Emergency contact"
        rows={[
          ['Name', p.emergencyContactName],
          ['Phone', formatPhone(p.emergencyContactPhone, country)],
        ]}
      />
      <DetailSection
        title="Clinical"
        rows={[
          ['Allergies', p.allergies ?? 'None known'],
          ['Medical history', p.medicalHistory && <span className="pre-line">{p.medicalHistory}</span>],
        ]}
      />
      <PatientAppointmentsSection patientId={p.id} patientName={`${p.firstName} ${p.lastName}`} archived={p.archivedAt !== null} />
      <DetailSection
        title="Record"
        rows={[
          ['Record no.', <span className="mono">{p.mrn}</span>],
          ['Added', formatInstant(p.createdAt, timeZone, false)],
          ['Last changed', formatInstant(p.updatedAt, timeZone, false)],
          ...(p.archivedAt ? [['Archived', formatInstant(p.archivedAt, timeZone, false)] as [string, string]] : []),
        ]}
      />
    </div>
  );
}
