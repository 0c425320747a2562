// The clinic's currency and time zone once data rests on them: a currency change would re-read every stored
// amount, and a time-zone change moves every appointment's clock time, so neither happens silently.
import type { z } from 'zod';
import type { ClinicProfile, clinicUpdateInput } from '../../shared/clinic';
import type { Db } from '../db/client';
import { invalidField } from '../ipc/errors';

export interface ConventionChanges {
  /** The zone changes: the handler audits it apart, as the day book of every booked appointment shifts with it. */
  timeZoneChanged: boolean;
}

/** Refuses what cannot change; returns what does. Runs before the profile is written, in the same transaction. */
export function checkConventionChanges(db: Db, current: ClinicProfile, next: z.output<typeof clinicUpdateInput>): ConventionChanges {
  const sqlite = db.$client;
  if (next.currency !== current.currency) {
    // Amounts are integers in the currency's minor units: 5000 means £50.00 today and would mean €50.00 after.
    const hasMoney = sqlite.prepare('SELECT EXISTS (SELECT 1 FROM appointments WHERE fee > 0) OR EXISTS (SELECT 1 FROM payments)').pluck().get() === 1;
    if (hasMoney) {
      throw invalidField(
        'currency',
        `Currency cannot change from ${current.currency} to ${next.currency} once fees or payments are recorded: amounts are stored in minor units of ${current.currency}, so every fee and payment would be read as ${next.currency}. Keep ${current.currency}.`,
      );
    }
  }
  const timeZoneChanged = next.timeZone !== current.timeZone;
  if (timeZoneChanged && !next.confirmTimeZoneChange) {
    const hasAppointments = sqlite.prepare('SELECT EXISTS (SELECT 1 FROM appointments)').pluck().get() === 1;
    if (hasAppointments) {
      const message = `Appointments are booked: they keep their moment in time, and their clock times will show in ${next.timeZone}. Confirm the time zone change to save it.`;
      throw invalidField('timeZone', message);
    }
  }
  return { timeZoneChanged };
}
