// Sample schedule for a newcomer's first run: three doctors, their hours, three appointment types and a week
// of appointments around "now" for the sample patients. Called from loadSampleData in the same transaction.
import { asc, like } from 'drizzle-orm';
import type { Db } from '../db/client';
import { appointmentHistory, appointments, appointmentTypes, clinic, patients, providers, workingHours } from '../db/schema';
import { diffRows } from './history';
import { DAY, dateOfDayNumber, localDayOf, wallClockToInstant, weekdayOf } from './time';

type Tx = Pick<Db, 'select' | 'insert'>;

const DOCTORS = [
  { name: 'Dr Amara Okafor (Sample)', specialization: 'General practice', yearsOfExperience: 12, consultationFee: 6000, color: '#2a7ab0' },
  { name: 'Dr Ben Hughes (Sample)', specialization: 'Paediatrics', yearsOfExperience: 7, consultationFee: 5500, color: '#b0532a' },
  { name: 'Dr Chiara Rossi (Sample)', specialization: 'Dermatology', yearsOfExperience: 20, consultationFee: 8000, color: '#5a8f3c' },
];

const TYPES = [
  { name: 'Consultation', durationMinutes: 20, fee: 6000, mode: 'in_person' as const },
  { name: 'Follow-up', durationMinutes: 10, fee: 3500, mode: 'in_person' as const },
  { name: 'Video visit', durationMinutes: 15, fee: 4500, mode: 'video' as const },
];

const REASONS = ['Annual check-up', 'Follow-up on test results', 'Persistent cough', 'Skin rash', 'Vaccination', 'Back pain', null];

export function loadSampleSchedule(tx: Tx, by: number, now: Date): void {
  const at = now.getTime();
  const profile = tx.select({ timeZone: clinic.timeZone, currency: clinic.currency }).from(clinic).get();
  const sampleIds = tx.select({ id: patients.id }).from(patients).where(like(patients.medicalHistory, 'SAMPLE RECORD%')).orderBy(asc(patients.id)).all().map((p) => p.id);
  if (!profile || sampleIds.length === 0) return;
  const tz = profile.timeZone;
  const today = localDayOf(tz, at);
  const monday = dateOfDayNumber(today - weekdayOf(today) + 1);

  const doctorIds = DOCTORS.map((d) => tx.insert(providers).values({ ...d, createdAt: at, updatedAt: at }).returning({ id: providers.id }).get().id);
  doctorIds.forEach((providerId, i) => {
    for (let weekday = 1; weekday <= 5; weekday++) {
      // The dermatologist works mornings only; the others full days with lunch.
      const end = i === 2 ? 13 * 60 : 17 * 60;
      tx.insert(workingHours).values({ providerId, kind: 'work', weekday, startMinute: 9 * 60, endMinute: end, everyWeeks: 1, anchorDate: monday }).run();
      if (i !== 2) tx.insert(workingHours).values({ providerId, kind: 'break', weekday, startMinute: 12 * 60 + 30, endMinute: 13 * 60 + 30, everyWeeks: 1, anchorDate: monday }).run();
    }
  });
  // A fortnightly Saturday clinic, to show repeating patterns.
  tx.insert(workingHours).values({ providerId: doctorIds[1]!, kind: 'work', weekday: 6, startMinute: 9 * 60, endMinute: 12 * 60, everyWeeks: 2, anchorDate: monday }).run();

  const typeIds = TYPES.map((t) => tx.insert(appointmentTypes).values({ ...t, createdAt: at, updatedAt: at }).returning({ id: appointmentTypes.id }).get().id);

  let n = 0;
  for (let day = today - 3; day <= today + 4; day++) {
    if (weekdayOf(day) > 5) continue;
    doctorIds.forEach((providerId, d) => {
      let minute = 9 * 60 + d * 10;
      for (let k = 0; k < 5; k++, n++) {
        const t = n % TYPES.length;
        const start = wallClockToInstant(tz, day, minute);
        const end = start + TYPES[t]!.durationMinutes * 60_000;
        minute += TYPES[t]!.durationMinutes + 25;
        const past = end <= at;
        const status = !past ? (start - at < DAY && n % 3 === 0 ? 'confirmed' : 'booked') : n % 9 === 4 ? 'no_show' : n % 11 === 5 ? 'cancelled' : 'completed';
        const row = tx
          .insert(appointments)
          .values({
            patientId: sampleIds[n % sampleIds.length]!,
            providerId,
            typeId: typeIds[t]!,
            mode: TYPES[t]!.mode,
            startsAt: start,
            endsAt: end,
            reason: REASONS[n % REASONS.length] ?? null,
            fee: TYPES[t]!.fee,
            currency: profile.currency,
            status,
            arrivedAt: status === 'completed' ? start - 5 * 60_000 : null,
            cancelledAt: status === 'cancelled' ? start - DAY : null,
            cancelledBy: status === 'cancelled' ? by : null,
            cancelReason: status === 'cancelled' ? 'Sample: patient called to cancel' : null,
            createdAt: at,
            createdBy: by,
            updatedAt: at,
            updatedBy: by,
          })
          .returning()
          .get();
        tx.insert(appointmentHistory).values({ appointmentId: row.id, at, by, action: 'booked', changes: JSON.stringify(diffRows(null, row)) }).run();
      }
    });
  }
}

