// Channels of payments: Stripe settings, links, manual payments, refunds, receipts and earnings.
import { empty } from '../auth';
import type { AppointmentPayments, ConnectionCheck, EarningsRow, PatientPayments, Payment, PaymentSettings } from '../payments';
import {
  appointmentIdInput,
  earningsInput,
  patientPaymentsInput,
  paymentIdInput,
  paymentSettingsSaveInput,
  recordManualInput,
  refundInput,
  settleRefundInput,
} from '../payments';
import { channel } from './define';

export const paymentChannels = {
  'payments.settingsGet': channel<PaymentSettings>()({ input: empty, permission: 'payments.settings' }),
  'payments.settingsSave': channel<PaymentSettings>()({ input: paymentSettingsSaveInput, permission: 'payments.settings' }),
  'payments.testConnection': channel<ConnectionCheck>()({ input: empty, permission: 'payments.settings' }),
  /** Background: the open appointment's panel re-reads it every few seconds. */
  'payments.forAppointment': channel<AppointmentPayments>()({ input: appointmentIdInput, permission: 'payments.read', background: true }),
  'payments.forPatient': channel<PatientPayments>()({ input: patientPaymentsInput, permission: 'payments.read' }),
  /** Asks Stripe now whether the appointment's link was paid. */
  'payments.refresh': channel<AppointmentPayments>()({ input: appointmentIdInput, permission: 'payments.read' }),
  /** Retries a link waiting for Stripe right away instead of at its next scheduled attempt. */
  'payments.retry': channel<AppointmentPayments>()({ input: appointmentIdInput, permission: 'payments.write' }),
  'payments.recordManual': channel<Payment>()({ input: recordManualInput, permission: 'payments.write' }),
  'payments.refund': channel<Payment>()({ input: refundInput, permission: 'payments.refund' }),
  /** Marks a refund left on a previous Stripe account refunded or failed, as that account's Dashboard shows. */
  'payments.settleRefund': channel<Payment>()({ input: settleRefundInput, permission: 'payments.refund' }),
  /** A numbered receipt as base64 PDF bytes. */
  'payments.receiptPdf': channel<{ fileName: string; base64: string }>()({ input: paymentIdInput, permission: 'payments.read' }),
  /** The payment link as an SVG QR code the patient can scan at the desk (also as a data URL for an <img>). */
  'payments.linkQr': channel<{ url: string; svg: string; dataUrl: string }>()({ input: paymentIdInput, permission: 'payments.read' }),
  'payments.summary': channel<EarningsRow[]>()({ input: earningsInput, permission: 'reports.read' }),
};
