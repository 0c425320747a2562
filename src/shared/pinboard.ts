// The pinboard: appointments a desk user lifted off their slot to place on another day, and the calls that keep it.
import { z } from 'zod';
import { id } from './fields';
import type { AppointmentMode } from './scheduling';
import type { AppointmentStatus } from './scheduling-appointments';

/** Only these can be moved, so only these can sit on the pinboard; any other status drops the pin. */
export const PINNABLE_STATUSES = ['booked', 'confirmed'] as const satisfies readonly AppointmentStatus[];

/** A card on the pinboard. The appointment is still booked at startsAt–endsAt until it is placed. */
export interface PinnedAppointment {
  appointmentId: number;
  patientId: number;
  patientName: string;
  mrn: string;
  providerId: number;
  providerName: string;
  providerColor: string;
  typeName: string | null;
  mode: AppointmentMode;
  status: AppointmentStatus;
  startsAt: string;
  endsAt: string;
  seriesId: number | null;
  pinnedAt: string;
}

export const pinboardListInput = z.object({});
export const pinInput = z.object({ appointmentId: id('Appointment') });
