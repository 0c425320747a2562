// What the calendar, the check-in list, the month navigator, the patient's detail and the free-slot finder read.
import { z } from 'zod';
import { id, isoDate } from './fields';
import { instant, type AppointmentMode } from './scheduling';
import type { AppointmentStatus } from './scheduling-appointments';
import type { AppointmentPaymentState } from './payments';

/**
 * One block in the calendar (and a row of the check-in list): what it draws and says aloud, nothing more. A busy
 * week is ~1,100 of these, built in main and copied to the window on every re-read, so each field costs twice;
 * the side panel reads the rest (record no., reason, fee) with appointments.get.
 */
export interface CalendarAppointment {
  id: number;
  patientName: string;
  providerId: number;
  typeName: string | null;
  mode: AppointmentMode;
  startsAt: string;
  endsAt: string;
  status: AppointmentStatus;
  arrivedAt: string | null;
  /*
   * The yes/no facts are present only when true (absent = no): every property of ~1,100 blocks is copied to the
   * window on each re-read, and leaving out the falses makes that copy ~20 % cheaper.
   */
  /** An administrator booked it over another appointment on purpose. */
  overrideDoubleBooking?: true;
  /** Part of a repeating series (the block shows "Repeats"). */
  inSeries?: true;
  hasNotes?: true;
  /** The patient has allergies recorded: the block shows an alert (the allergy itself stays on the patient page). */
  hasAllergies?: true;
  /** No earlier kept appointment: the patient is new to the clinic ("New patient"). Known on every block. */
  firstVisit?: true;
  /** Paid / unpaid / waiting for a link, so the block shows checkout state by itself. */
  payment: AppointmentPaymentState;
}

/** A row of the patient's own appointment list: a block plus what that list shows and books from. */
export interface PatientAppointment extends CalendarAppointment {
  patientId: number;
  mrn: string;
  typeId: number | null;
  reason: string | null;
  fee: number;
  currency: string;
  seriesId: number | null;
}

export const rangeInput = z
  .object({
    from: instant('From'),
    to: instant('To'),
    /** Omitted: every provider. */
    providerIds: z.array(id('Doctor')).max(100).optional(),
    includeCancelled: z.boolean().default(false),
  })
  .refine((r) => Date.parse(r.to) > Date.parse(r.from), { message: 'To must be after from.', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 62 * 86_400_000, { message: 'Show at most 62 days at once.', path: ['to'] });

/** For the month navigator: how many appointments each local day holds. */
export const dayCountsInput = z
  .object({
    from: isoDate('From'),
    /** Inclusive. */
    to: isoDate('To'),
    providerIds: z.array(id('Doctor')).max(100).optional(),
  })
  .refine((r) => r.to >= r.from, { message: 'To must be on or after from.', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 62 * 86_400_000, { message: 'Count at most 62 days at once.', path: ['to'] });

/** Days with no appointments are left out. Cancelled and no-show appointments are not counted. */
export interface DayCount {
  date: string;
  count: number;
}

export const forPatientInput = z.object({ patientId: id('Patient'), limit: z.number().int().min(1).max(500).default(100) });

export interface PatientAppointments {
  upcoming: PatientAppointment[];
  past: PatientAppointment[];
  /** Cancelled appointments are listed but not counted in total/upcoming/past. */
  counts: { total: number; upcoming: number; past: number; noShows: number; cancelled: number };
}

export const todayInput = z.object({
  /** A day in the clinic's time zone; default today. */
  date: isoDate('Date').optional(),
  providerIds: z.array(id('Doctor')).max(100).optional(),
});

export interface CheckInRow extends CalendarAppointment {
  providerName: string;
  /** Minutes since arrival for patients still waiting (arrived, not yet in consultation); else null. */
  waitingMinutes: number | null;
}

export interface CheckInList {
  date: string;
  rows: CheckInRow[];
}

export const slotsFindInput = z
  .object({
    /** Omitted: any active provider ("first available with anyone"). */
    providerId: id('Doctor').optional(),
    typeId: id('Appointment type').optional(),
    durationMinutes: z.number({ error: 'Duration must be a number of minutes.' }).int().min(5, 'Duration must be at least 5 minutes.').max(720, 'Duration must be at most 12 hours.').optional(),
    from: instant('From'),
    /** Default: 28 days after from. */
    until: instant('Until').optional(),
    /** 1 = "first available". */
    limit: z.number().int().min(1).max(500).default(10),
  })
  .refine((s) => s.typeId !== undefined || s.durationMinutes !== undefined, { message: 'Choose an appointment type or a duration.', path: ['typeId'] })
  .refine((s) => s.until === undefined || Date.parse(s.until) > Date.parse(s.from), { message: 'Until must be after from.', path: ['until'] })
  .refine((s) => s.until === undefined || Date.parse(s.until) - Date.parse(s.from) <= 92 * 86_400_000, { message: 'Search at most 92 days ahead.', path: ['until'] });

export interface FreeSlot {
  providerId: number;
  providerName: string;
  startsAt: string;
  endsAt: string;
}
