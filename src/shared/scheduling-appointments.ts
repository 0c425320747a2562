// Appointments: statuses and their allowed steps, booking/reschedule/cancel inputs, and what the calendar receives.
import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './fields';
import { APPOINTMENT_MODES, instant, money, type AppointmentMode } from './scheduling';

export const APPOINTMENT_STATUSES = ['booked', 'confirmed', 'arrived', 'in_consultation', 'completed', 'cancelled', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  confirmed: 'Confirmed',
  arrived: 'Arrived',
  in_consultation: 'In consultation',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

/** Statuses that hold the provider's time; cancelled and no-show free the slot. */
export const ACTIVE_STATUSES = ['booked', 'confirmed', 'arrived', 'in_consultation', 'completed'] as const satisfies readonly AppointmentStatus[];

/**
 * The one-click steps the desk may take. Going back (e.g. arrived → booked after a mis-click) is done with
 * appointments.undo, which restores the recorded previous state instead of pretending it was a forward step.
 * A no-show may still turn up late, so no_show → arrived is allowed.
 */
export const STATUS_TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: ['confirmed', 'arrived', 'cancelled', 'no_show'],
  confirmed: ['arrived', 'cancelled', 'no_show'],
  arrived: ['in_consultation', 'completed', 'cancelled'],
  in_consultation: ['completed'],
  completed: [],
  cancelled: [],
  no_show: ['arrived'],
};

export const canMoveTo = (from: AppointmentStatus, to: AppointmentStatus) => STATUS_TRANSITIONS[from].includes(to);

export interface Appointment {
  id: number;
  patientId: number;
  providerId: number;
  typeId: number | null;
  mode: AppointmentMode;
  startsAt: string;
  endsAt: string;
  reason: string | null;
  notes: string | null;
  /** Minor units of `currency`. */
  fee: number;
  currency: string;
  status: AppointmentStatus;
  arrivedAt: string | null;
  cancelledAt: string | null;
  cancelledBy: number | null;
  cancelReason: string | null;
  overrideDoubleBooking: boolean;
  overrideBy: number | null;
  seriesId: number | null;
  seriesIndex: number | null;
  createdAt: string;
  createdBy: number | null;
  updatedAt: string;
  updatedBy: number | null;
}

/** Names one recorded change; pass these to appointments.undo to revert it. */
export interface UndoToken {
  appointmentId: number;
  historyId: number;
}

/** Something the desk should know but that does not stop the booking. */
export interface BookingWarning {
  kind: 'patient_overlap' | 'outside_working_hours';
  message: string;
  /** For patient_overlap: the patient's other appointment. */
  appointmentId: number | null;
}

/** What every changing call answers. */
export interface AppointmentSaved {
  /** The appointment acted on (for a new series, its first occurrence). */
  appointment: Appointment;
  /** Every appointment the call changed, `appointment` included (several for a series or "this and following"). */
  changed: Appointment[];
  /** appointments.undo({ entries: undo }) reverts this whole call; its own answer carries the tokens to redo. */
  undo: UndoToken[];
  warnings: BookingWarning[];
}

export const repeatRule = z
  .object({
    everyWeeks: z.number({ error: 'Repeat must be a number of weeks.' }).int().min(1, 'Repeat every 1 to 12 weeks.').max(12, 'Repeat every 1 to 12 weeks.'),
    /** Last day (clinic time zone, inclusive) an occurrence may fall on. */
    until: isoDate('Repeat until').optional(),
    /** Number of occurrences, the first included. */
    count: z.number({ error: 'Number of appointments must be a number.' }).int().min(2, 'A series has at least 2 appointments.').max(104, 'A series has at most 104 appointments.').optional(),
  })
  .refine((r) => (r.until === undefined) !== (r.count === undefined), { message: 'Choose either an end date or a number of appointments.', path: ['count'] });

const bookFields = {
  patientId: id('Patient'),
  providerId: id('Doctor'),
  typeId: id('Appointment type').nullish().transform((v) => v ?? null),
  startsAt: instant('Start'),
  /** Defaults to start + the type's duration (the provider's own duration when set). */
  endsAt: instant('End').optional(),
  /** Defaults to the type's mode, else in person. */
  mode: z.enum(APPOINTMENT_MODES, { error: 'Mode must be in person or video.' }).optional(),
  reason: optionalText('Reason', 500),
  notes: optionalText('Notes', 4000),
  /** Defaults to the provider's fee for the type, else the type's fee, else the provider's consultation fee. */
  fee: money('Fee').optional(),
  /** Administrators only (schedule.override): book even though the doctor is busy or off. Recorded. */
  overrideDoubleBooking: z.boolean().default(false),
};

const endAfterStart = (a: { startsAt: string; endsAt?: string }) => a.endsAt === undefined || Date.parse(a.endsAt) > Date.parse(a.startsAt);
const endMessage = { message: 'End must be after start.', path: ['endsAt'] };

export const bookInput = z.object({ ...bookFields, repeat: repeatRule.optional() }).refine(endAfterStart, endMessage);
export type BookInput = z.input<typeof bookInput>;
export const previewSeriesInput = z.object({ ...bookFields, repeat: repeatRule }).refine(endAfterStart, endMessage);

export interface SeriesClash {
  kind: 'appointment' | 'time_off' | 'closure';
  /** Names the clashing time in the clinic's time zone; no patient details. */
  message: string;
}

export interface SeriesPreview {
  occurrences: { index: number; startsAt: string; endsAt: string; clashes: SeriesClash[] }[];
  clashCount: number;
}

export const SERIES_SCOPES = ['this', 'following'] as const;
const scope = z.enum(SERIES_SCOPES, { error: 'Choose this appointment or this and following.' }).default('this');

export const rescheduleInput = z
  .object({
    id: id('Appointment'),
    startsAt: instant('Start'),
    /** Defaults to keeping the appointment's length. */
    endsAt: instant('End').optional(),
    /** Move to another doctor. */
    providerId: id('Doctor').optional(),
    /** For a series: this one, or this and every later one (moved by the same amount). */
    scope,
    overrideDoubleBooking: z.boolean().default(false),
  })
  .refine(endAfterStart, endMessage);

export const cancelInput = z.object({ id: id('Appointment'), reason: requiredText('Reason for cancelling', 500), scope });

export const SETTABLE_STATUSES = ['confirmed', 'arrived', 'in_consultation', 'completed', 'no_show'] as const;
export const setStatusInput = z.object({
  id: id('Appointment'),
  status: z.enum(SETTABLE_STATUSES, { error: 'Status must be confirmed, arrived, in consultation, completed or no-show (use cancel to cancel).' }),
});

/** Fields present are changed; absent ones are kept. */
export const appointmentUpdateInput = z.object({
  id: id('Appointment'),
  typeId: id('Appointment type').nullable().optional(),
  mode: z.enum(APPOINTMENT_MODES, { error: 'Mode must be in person or video.' }).optional(),
  reason: optionalText('Reason', 500).optional(),
  notes: optionalText('Notes', 4000).optional(),
  fee: money('Fee').optional(),
});

export const undoInput = z.object({
  entries: z
    .array(z.object({ appointmentId: id('Appointment'), historyId: id('History entry') }))
    .min(1, 'Nothing to undo.')
    .max(200, 'At most 200 changes can be undone at once.'),
});

export const appointmentIdInput = z.object({ id: id('Appointment') });

export interface HistoryEntry {
  id: number;
  at: string;
  by: number | null;
  byName: string | null;
  action: 'booked' | 'rescheduled' | 'status' | 'cancelled' | 'updated' | 'undo';
  /** field → [before, after]; instants as ISO strings. Text fields (reason, notes) are named with [null, null]. */
  changes: Record<string, [unknown, unknown]>;
}

export interface AppointmentDetail extends Appointment {
  patientName: string;
  mrn: string;
  providerName: string;
  typeName: string | null;
  history: HistoryEntry[];
  /** Statuses setStatus accepts from here. */
  nextStatuses: AppointmentStatus[];
}

// The read side lives in its own file; re-exported so one import serves the whole appointment vocabulary.
export * from './scheduling-calendar';
