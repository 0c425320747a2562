// The payment keys of the appointment panel, for the ? overlay (AppointmentPaymentSection runs them).
export const PAYMENT_SHORTCUTS: [string[], string][] = [
  [['L'], 'Appointment panel: copy the payment link'],
  [['Q'], 'Appointment panel: show the payment link as a QR code'],
];
