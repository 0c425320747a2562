// The job that sends one refund to Stripe: its kind and key, shared by the refund service and the payment view.
export const REFUND_JOB = 'payments.refund';
export const refundJobKey = (refundId: number) => `refund:${refundId}`;
