// The link job: outside any transaction, makes Stripe match the appointment's link rows — create new, deactivate replaced.
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { getClinic } from '../clinic/service';
import { payments } from '../db/schema';
import { createPaymentLink, deactivatePaymentLink, findPaidSession, type PaidSession } from '../integrations/stripe/gateway';
import { planPaymentLink } from './link-planner';
import { stripeLinkRows, type PaymentRow } from './records';
import type { PaymentsRuntime } from './runtime';
import { installIdOf } from './settings';
import { leftOpenNote } from './mode-switch';
import { asJobFailure, madeElsewhere, problemOf, stripeWithAccount } from './stripe-access';
import { recordStripePaid } from './stripe-paid';

/** Same appointment, amount, currency and version → same key, across retries and restarts: Stripe makes one link. */
export function linkIdempotencyKey(installId: string, row: Pick<PaymentRow, 'appointmentId' | 'amount' | 'currency' | 'linkVersion'>): string {
  return `anteroom-${installId}-link-${row.appointmentId}-${row.amount}${row.currency.toLowerCase()}-v${row.linkVersion ?? 1}`;
}

/** What the patient sees on Stripe's page: the clinic and a number, never a name or a reason. */
export const linkProductName = (appointmentId: number, clinicName: string) => `Appointment #${appointmentId} at ${clinicName}`;

export async function syncPaymentLink(rt: PaymentsRuntime, appointmentId: number): Promise<void> {
  try {
    const { stripe, accountId } = stripeWithAccount(rt);
    await retireReplacedLinks(rt, stripe, accountId, appointmentId);
    await createPendingLinks(rt, stripe, accountId, appointmentId);
  } catch (e) {
    throw asJobFailure(e);
  }
}

async function retireReplacedLinks(rt: PaymentsRuntime, stripe: Stripe, accountId: string | null, appointmentId: number): Promise<void> {
  for (const row of stripeLinkRows(rt.db, appointmentId, ['void'])) {
    if (!row.stripeLinkActive || !row.stripeLinkId) continue;
    if (row.stripeAccountId !== null && madeElsewhere(row.stripeAccountId, accountId)) {
      // On an account the clinic moved away from (made there while the key was being replaced, say): this key would
      // only get 404. It stays on watch for that account's key, and the row says where it is still open.
      if (row.note === null) rt.db.update(payments).set({ note: leftOpenNote(row.stripeAccountId) }).where(eq(payments.id, row.id)).run();
      continue;
    }
    let paid: PaidSession | null;
    try {
      // The patient may have paid the old link moments before it was replaced: keep that money on record.
      paid = await findPaidSession(stripe, row.stripeLinkId);
      if (!paid) await deactivatePaymentLink(stripe, row.stripeLinkId, `anteroom-deactivate-${row.stripeLinkId}`);
    } catch (e) {
      if (problemOf(e).code !== 'stripe_rejected') throw e;
      // Stripe does not know the link for this key (deleted there, or made with the key of an account the clinic
      // has since left, while that key was being replaced): nothing Anteroom can switch off. Retrying would hold up
      // the appointment's new link for ever, so the row says so and the queue moves on.
      const at = rt.now().toISOString();
      rt.db.update(payments).set({ stripeLinkActive: false, note: row.note ?? UNREACHABLE_LINK_NOTE, updatedAt: at }).where(eq(payments.id, row.id)).run();
      continue;
    }
    // Outside the catch: Stripe knows this link and it was paid. A refusal while reading the payment's details is a
    // failure of the job (the link stays on watch, the newer link waits), never a sign the link is unknown to Stripe.
    if (paid) await recordStripePaid(rt, stripe, row.id, paid);
    else rt.db.update(payments).set({ stripeLinkActive: false, updatedAt: rt.now().toISOString() }).where(eq(payments.id, row.id)).run();
  }
}

export const UNREACHABLE_LINK_NOTE = 'Stripe does not know this link for the saved key, so Anteroom could not switch it off. If it is still open in another Stripe account, deactivate it there.';

async function createPendingLinks(rt: PaymentsRuntime, stripe: Stripe, accountId: string | null, appointmentId: number): Promise<void> {
  const clinicName = getClinic(rt.db).name;
  const installId = installIdOf(rt.db, rt.now().toISOString());
  for (const row of stripeLinkRows(rt.db, appointmentId, ['pending_link'])) {
    const link = await createPaymentLink(stripe, {
      appointmentId,
      amount: row.amount,
      currency: row.currency,
      productName: linkProductName(appointmentId, clinicName),
      idempotencyKey: linkIdempotencyKey(installId, row),
    });
    const at = rt.now().toISOString();
    rt.db.transaction((tx) => {
      // If the fee changed while Stripe answered, the row is void now: keep the link id so the next run deactivates it.
      const updated = tx
        .update(payments)
        .set({ status: 'link_ready', stripeLinkId: link.id, stripeLinkUrl: link.url, stripeLinkActive: true, stripeAccountId: accountId, updatedAt: at })
        .where(and(eq(payments.id, row.id), eq(payments.status, 'pending_link')))
        .run();
      if (updated.changes === 0) {
        tx.update(payments)
          .set({ stripeLinkId: link.id, stripeLinkUrl: link.url, stripeLinkActive: true, stripeAccountId: accountId, updatedAt: at })
          .where(eq(payments.id, row.id))
          .run();
        planPaymentLink(tx, appointmentId, at);
      }
    });
  }
}
