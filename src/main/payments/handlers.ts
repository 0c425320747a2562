// IPC handlers of payments. Network work is async (own transactions); everything else runs in the dispatcher's transaction.
import { userOf } from '../ipc/context';
import { notFound } from '../ipc/errors';
import type { HandlersFor } from '../ipc/handler-types';
import { logError } from '../log';
import { accountsForNewKey } from './account-check';
import { savePaymentSettings, testStripeConnection } from './connection';
import { earnings } from './earnings';
import { linkJobKey } from './link-planner';
import { linkQr } from './link-qr';
import { recordManualPayment } from './manual';
import { receiptData } from './receipt-data';
import { renderReceiptPdf } from './receipt-pdf';
import { paymentRow } from './records';
import { refreshAppointmentPayments } from './refresh';
import { refundJobKey } from './refund-job-key';
import { requestRefund, settleRefundByHand } from './refunds';
import { paymentsOf, wakeAfterCommit } from './runtime';
import { paymentSettings, savedAccountId } from './settings';
import { appointmentPayments, patientPayments, toPayment } from './view';

export const paymentHandlers: HandlersFor<'payments'> = {
  'payments.settingsGet': (_input, ctx) => paymentSettings(ctx.db, paymentsOf(ctx.db).secrets),
  'payments.settingsSave': async (input, ctx) => {
    const rt = paymentsOf(ctx.db);
    // Stripe is asked which account a new key belongs to before anything is written (no transaction held open).
    const accounts = await accountsForNewKey(rt, input);
    return ctx.db.$client.transaction(() => {
      const saved = savePaymentSettings(rt, input, accounts);
      ctx.audit('update', 'settings', null);
      return saved;
    }).immediate();
  },
  'payments.testConnection': async (_input, ctx) => testStripeConnection(paymentsOf(ctx.db)),
  'payments.forAppointment': (input, ctx) => appointmentPayments(ctx.db, input.appointmentId, ctx.now()),
  'payments.forPatient': (input, ctx) => patientPayments(ctx.db, input.patientId, ctx.now()),
  'payments.refresh': async (input, ctx) => {
    appointmentPayments(ctx.db, input.appointmentId, ctx.now()); // NOT_FOUND before any network
    const problem = await refreshAppointmentPayments(paymentsOf(ctx.db), input.appointmentId);
    return appointmentPayments(ctx.db, input.appointmentId, ctx.now(), problem);
  },
  'payments.retry': async (input, ctx) => {
    appointmentPayments(ctx.db, input.appointmentId, ctx.now());
    await paymentsOf(ctx.db).runner.runNow(linkJobKey(input.appointmentId));
    return appointmentPayments(ctx.db, input.appointmentId, ctx.now());
  },
  'payments.recordManual': (input, ctx) => {
    const payment = recordManualPayment(ctx.db, input, userOf(ctx).id, ctx.now());
    ctx.audit('create', 'payment', payment.id);
    wakeAfterCommit(paymentsOf(ctx.db)); // a withdrawn link is deactivated on Stripe at once
    return payment;
  },
  'payments.refund': async (input, ctx) => {
    const rt = paymentsOf(ctx.db);
    // The refund row, its audit entry and its queued Stripe call land together, or not at all.
    const { refundId, viaStripe } = ctx.db.$client.transaction(() => {
      const requested = requestRefund(ctx.db, input, userOf(ctx).id, ctx.now().toISOString());
      ctx.audit('create', 'payment', requested.refundId);
      return requested;
    })();
    // The refund is saved and queued by now: if it cannot be sent this instant (say the write lock is taken),
    // the queue sends it on its next pass — answering with an error here would invite a second refund.
    if (viaStripe) await rt.runner.runNow(refundJobKey(refundId)).catch((e: unknown) => logError('payments.refund: sending now failed; left queued', e));
    const row = paymentRow(ctx.db, refundId);
    if (!row) throw notFound('That refund');
    return toPayment(ctx.db, row);
  },
  'payments.settleRefund': (input, ctx) => {
    const row = settleRefundByHand(ctx.db, input, savedAccountId(ctx.db), ctx.now().toISOString());
    ctx.audit('status-change', 'payment', row.id);
    return toPayment(ctx.db, row);
  },
  'payments.receiptPdf': async (input, ctx) => {
    const data = receiptData(ctx.db, input.paymentId);
    const bytes = await renderReceiptPdf(data);
    ctx.audit('export', 'payment', input.paymentId);
    return { fileName: `receipt-${data.receiptNumber}.pdf`, base64: Buffer.from(bytes).toString('base64') };
  },
  'payments.linkQr': async (input, ctx) => linkQr(ctx.db, input.paymentId),
  'payments.summary': (input, ctx) => earnings(ctx.db, input),
};
