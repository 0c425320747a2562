// The clinic's currency and time zone once data rests on them: a currency change would re-read every stored
// amount, and a time-zone change moves every appointment's clock time, so neither happens silently.
import type { z } from 'zod';
import type { ClinicProfile, clinicUpdateInput } from '../../shared/clinic';
import type { Db } from '../db/client';
import { invalidField } from '../ipc/errors';
import { minorDigits } from '../../shared/payments-format';

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
    // No money yet, but the doctors' and types' default fees are numbers in the old currency's minor units too. With
    // the same number of decimals (GBP → EUR) they read as typed; with another (GBP → JPY) £50.00 would become ¥5,000.
    if (minorDigits(next.currency) !== minorDigits(current.currency)) {
      const hasDefaultFees =
        sqlite
          .prepare(
            `SELECT EXISTS (SELECT 1 FROM providers WHERE consultation_fee > 0) OR EXISTS (SELECT 1 FROM appointment_types WHERE fee > 0)
               OR EXISTS (SELECT 1 FROM provider_appointment_types WHERE fee > 0)`,
          )
          .pluck()
          .get() === 1;
      if (hasDefaultFees) {
        throw invalidField(
          'currency',
          `Doctors' or appointment types' fees are set in ${current.currency}, which has ${minorDigits(current.currency)} decimals; ${next.currency} has ${minorDigits(next.currency)}, so those fees would change value. Set them to 0 first, change the currency, then enter them again in ${next.currency}.`,
        );
      }
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
