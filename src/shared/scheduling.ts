// Doctors, their working hours and time off, and appointment types: shapes shared by the calendar (renderer) and main.
import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './fields';

export const APPOINTMENT_MODES = ['in_person', 'video'] as const;
export type AppointmentMode = (typeof APPOINTMENT_MODES)[number];
export const MODE_LABELS: Record<AppointmentMode, string> = { in_person: 'In person', video: 'Video' };

/** An instant as an ISO string; UTC ("Z") or with an offset. Main stores epoch ms, and answers in UTC ("…Z"). */
export const instant = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label} must be a date and time, e.g. 2026-05-04T09:30:00Z.` });

/** Money in minor units (pence, cents) of the clinic's currency. */
export const money = (label: string) =>
  z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be whole minor units (e.g. pence).`)
    .min(0, `${label} cannot be negative.`)
    .max(100_000_000, `${label} is too large.`);

const color = z
  .string({ error: 'Colour is required.' })
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Colour must be written #rrggbb, e.g. #2a7ab0.')
  .transform((c) => c.toLowerCase());

export const providerFields = z.object({
  name: requiredText('Name', 120),
  specialization: optionalText('Specialization', 120),
  yearsOfExperience: z
    .number({ error: 'Years of experience must be a number.' })
    .int('Years of experience must be whole years.')
    .min(0, 'Years of experience cannot be negative.')
    .max(80, 'Years of experience must be at most 80.')
    .nullish()
    .transform((v) => v ?? null),
  consultationFee: money('Consultation fee').default(0),
  color,
  staffId: id('Staff account').nullish().transform((v) => v ?? null),
  active: z.boolean().default(true),
});
export type ProviderFields = z.output<typeof providerFields>;
export type ProviderFormValues = z.input<typeof providerFields>;

export interface Provider extends ProviderFields {
  id: number;
}

export const providerListInput = z.object({ includeInactive: z.boolean().default(false) });
export const providerCreateInput = providerFields;
export const providerUpdateInput = z.object({ id: id('Provider id'), fields: providerFields });
export const providerIdInput = z.object({ providerId: id('Provider id') });

/** "HH:MM" local wall-clock time; "24:00" is allowed as an end of day. */
const wallClock = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, `${label} must be a time written HH:MM, e.g. 09:00.`);

export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const hhmmOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const WEEKDAY_LABELS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export const workingHoursRow = z
  .object({
    /** `work` opens time for bookings; `break` closes part of it (lunch). */
    kind: z.enum(['work', 'break'], { error: 'Kind must be work or break.' }).default('work'),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: z.number({ error: 'Weekday must be 1 (Monday) to 7 (Sunday).' }).int().min(1, 'Weekday must be 1 (Monday) to 7 (Sunday).').max(7, 'Weekday must be 1 (Monday) to 7 (Sunday).'),
    start: wallClock('Start'),
    end: wallClock('End'),
    /** 1 = every week, 2 = fortnightly, … */
    everyWeeks: z.number({ error: 'Repeat must be a number of weeks.' }).int().min(1, 'Repeat must be every 1 to 12 weeks.').max(12, 'Repeat must be every 1 to 12 weeks.').default(1),
    /** A date inside a week in which the pattern applies; needed when everyWeeks > 1. */
    anchorDate: isoDate('Anchor week').nullish().transform((v) => v ?? null),
    effectiveFrom: isoDate('Effective from').nullish().transform((v) => v ?? null),
    effectiveUntil: isoDate('Effective until').nullish().transform((v) => v ?? null),
  })
  .refine((r) => minutesOf(r.start) < minutesOf(r.end), { message: 'End must be after start.', path: ['end'] })
  .refine((r) => r.everyWeeks === 1 || r.anchorDate !== null, { message: 'Pick a week the pattern starts in (anchor week) when it repeats every few weeks.', path: ['anchorDate'] })
  .refine((r) => !r.effectiveFrom || !r.effectiveUntil || r.effectiveFrom <= r.effectiveUntil, { message: 'Effective until must be on or after effective from.', path: ['effectiveUntil'] });
export type WorkingHoursRowInput = z.input<typeof workingHoursRow>;

export interface WorkingHours {
  id: number;
  providerId: number;
  kind: 'work' | 'break';
  weekday: number;
  start: string;
  end: string;
  everyWeeks: number;
  anchorDate: string;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
}

/** Replaces all of a provider's weekly hours and breaks at once: the form edits the whole week. */
export const hoursSetInput = z.object({ providerId: id('Provider id'), rows: z.array(workingHoursRow).max(200, 'At most 200 rows of hours.') });

export interface TimeOff {
  id: number;
  /** null: the whole clinic is closed. */
  providerId: number | null;
  startsAt: string;
  endsAt: string;
  reason: string | null;
}

export const timeOffListInput = z.object({
  from: instant('From'),
  to: instant('To'),
  /** Only this provider's time off (clinic closures are always included). */
  providerId: id('Provider id').optional(),
});
export const timeOffCreateInput = z
  .object({
    providerId: id('Provider').nullable(),
    startsAt: instant('Start'),
    endsAt: instant('End'),
    reason: optionalText('Reason', 200),
  })
  .refine((t) => Date.parse(t.startsAt) < Date.parse(t.endsAt), { message: 'End must be after start.', path: ['endsAt'] });
export const timeOffIdInput = z.object({ id: id('Time off id') });

export interface TimeOffCreated {
  timeOff: TimeOff;
  /** Booked appointments inside the new time off: the desk should move them. */
  clashingAppointmentIds: number[];
}

export const appointmentTypeFields = z.object({
  name: requiredText('Name', 80),
  durationMinutes: z
    .number({ error: 'Duration must be a number of minutes.' })
    .int('Duration must be whole minutes.')
    .min(5, 'Duration must be at least 5 minutes.')
    .max(720, 'Duration must be at most 12 hours.'),
  fee: money('Fee').default(0),
  mode: z.enum(APPOINTMENT_MODES, { error: 'Mode must be in person or video.' }).default('in_person'),
  active: z.boolean().default(true),
});

export interface AppointmentType extends z.output<typeof appointmentTypeFields> {
  id: number;
  /** True when the provider asked for (appointmentTypes.list with providerId) has their own duration or fee. */
  overridden: boolean;
}

export const appointmentTypeListInput = z.object({
  includeInactive: z.boolean().default(false),
  /** Answer with this provider's own durations and fees where set. */
  providerId: id('Provider id').optional(),
});
export const appointmentTypeCreateInput = appointmentTypeFields;
export const appointmentTypeUpdateInput = z.object({ id: id('Appointment type id'), fields: appointmentTypeFields });
export const appointmentTypeOverrideInput = z.object({
  providerId: id('Provider id'),
  typeId: id('Appointment type id'),
  /** null: use the type's default. */
  durationMinutes: z.number({ error: 'Duration must be a number of minutes.' }).int().min(5, 'Duration must be at least 5 minutes.').max(720, 'Duration must be at most 12 hours.').nullable(),
  fee: money('Fee').nullable(),
});
