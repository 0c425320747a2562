// In-process notice that an appointment changed, raised inside the writing transaction so that
// listeners (payment links, reminders) can queue their own work atomically with the change.
import type { Db } from '../db/client';

export type AppointmentChange =
  | {
      type: 'booked';
      appointmentId: number;
      /**
       * Only when the row was just inserted (not a cancellation undone). Its payment link is planned right after the
       * commit (payments/link-queue.ts), so the booking's own transaction carries only the appointment.
       */
      isNew?: true;
    }
  | { type: 'updated'; appointmentId: number; feeChanged: boolean; timeChanged: boolean }
  | { type: 'cancelled'; appointmentId: number }
  | { type: 'status'; appointmentId: number; status: string };

/** The transaction handle passed to listeners: a drizzle db/tx usable for queries and inserts. */
export type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'run' | 'get' | 'all'>;

type Listener = (tx: Tx, change: AppointmentChange) => void;
const listeners: Listener[] = [];

export function onAppointmentChange(listener: Listener): () => void {
  listeners.push(listener);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}

/** Call inside the transaction that made the change; a throwing listener rolls the change back. */
export function appointmentChanged(tx: Tx, change: AppointmentChange): void {
  for (const l of listeners) l(tx, change);
}
