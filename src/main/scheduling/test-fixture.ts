// Test support for scheduling: a clinic (Europe/London) with a doctor working Mon–Fri 09:00–17:00 with lunch,
// a 20-minute consultation type and two patients — all made through the real channels.
import { SAMPLE_PATIENT, type TestClinic } from '../testing/test-core';

export interface SchedulingFixture {
  providerId: number;
  otherProviderId: number;
  typeId: number;
  patientId: number;
  otherPatientId: number;
}

export const WEEKDAYS_9_TO_5 = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: '09:00', end: '17:00' },
  { kind: 'break' as const, weekday, start: '12:30', end: '13:30' },
]);

export async function setUpScheduling(clinic: TestClinic): Promise<SchedulingFixture> {
  const a = clinic.admin;
  const provider = await a.must('providers.create', { name: 'Dr Amara Okafor', specialization: 'General practice', consultationFee: 5000, color: '#2a7ab0' });
  const other = await a.must('providers.create', { name: 'Dr Ben Hughes', color: '#b0532a' });
  await a.must('providers.hoursSet', { providerId: provider.id, rows: WEEKDAYS_9_TO_5 });
  await a.must('providers.hoursSet', { providerId: other.id, rows: WEEKDAYS_9_TO_5 });
  const type = await a.must('appointmentTypes.create', { name: 'Consultation', durationMinutes: 20, fee: 6000 });
  const patient = await a.must('patients.create', SAMPLE_PATIENT);
  const otherPatient = await a.must('patients.create', { ...SAMPLE_PATIENT, firstName: 'José', lastName: 'Fernández', phone: '07911 123458' });
  return { providerId: provider.id, otherProviderId: other.id, typeId: type.id, patientId: patient.id, otherPatientId: otherPatient.id };
}
