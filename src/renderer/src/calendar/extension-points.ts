// Where other features add to the calendar without editing it: payments registers the section shown in
// an appointment's side panel (payment link, QR, receipt) with registerAppointmentPayment(Component).
import { createElement, type ComponentType, type ReactNode } from 'react';

export interface AppointmentPaymentProps {
  appointmentId: number;
}

let paymentSection: ComponentType<AppointmentPaymentProps> | null = null;

/** Payments calls this once at start-up (e.g. from payments/register.ts imported by main.tsx). */
export function registerAppointmentPayment(component: ComponentType<AppointmentPaymentProps>): void {
  paymentSection = component;
}

/** Rendered by the appointment side panel; nothing until payments registers its section. */
export function AppointmentPaymentSlot({ appointmentId }: AppointmentPaymentProps): ReactNode {
  return paymentSection ? createElement(paymentSection, { appointmentId }) : null;
}
