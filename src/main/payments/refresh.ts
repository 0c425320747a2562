// Asks Stripe whether links were paid and pending refunds went through: on demand for one appointment, periodically for all.
import { and, asc, eq, gte, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { StripeProblem } from '../../shared/payments';
import { appointments, payments } from '../db/schema';
import { findPaidSession } from '../integrations/stripe/gateway';
import type { PaymentRow } from './records';
import type { PaymentsRuntime } from './runtime';
import { savedAccountId } from './settings';
import { onSavedAccount, problemOf, stripeFor } from './stripe-access';
import { checkPendingRefund } from './refunds';
import { fillStripeFee, recordStripePaid } from './stripe-paid';

/**
 * Deactivating a link stops new Stripe pages from opening, but a page the patient already had open stays payable
 * until it expires (24 hours at most): a withdrawn link is asked about for that long, so such a payment is seen.
 */
export const OPEN_CHECKOUT_MS = 24 * 3_600_000;

/** Links that could still be paid, and Stripe payments whose fee Stripe had not yet settled. */
const needsLook = (now: Date) =>
  or(
    and(eq(payments.kind, 'stripe_link'), eq(payments.status, 'link_ready')),
    and(
      eq(payments.kind, 'stripe_link'),
      eq(payments.status, 'void'),
      isNotNull(payments.stripeLinkId),
      // Still active on Stripe, or withdrawn (its last change) less than a checkout page's lifetime ago.
      or(eq(payments.stripeLinkActive, true), gte(payments.updatedAt, new Date(now.getTime() - OPEN_CHECKOUT_MS).toISOString())),
    ),
    and(eq(payments.kind, 'stripe_link'), inArray(payments.status, ['paid', 'partially_refunded', 'refunded']), isNull(payments.feeAmount), isNotNull(payments.stripePaymentIntentId)),
  );

/**
 * Refunds Stripe took but holds as pending (many payment methods): asked after until they succeed or fail — with the
 * key of the account they were made on; one left on a previous account waits for the desk (refunds.ts settleRefundByHand).
 */
const pendingAtStripe = and(eq(payments.status, 'refund_pending'), isNotNull(payments.stripeRefundId));

async function lookAt(rt: PaymentsRuntime, stripe: Stripe, row: PaymentRow): Promise<void> {
  if (row.kind === 'refund') {
    await checkPendingRefund(rt, stripe, row);
  } else if (row.status === 'link_ready' || row.status === 'void') {
    const paid = row.stripeLinkId ? await findPaidSession(stripe, row.stripeLinkId) : null;
    if (paid) await recordStripePaid(rt, stripe, row.id, paid);
    else rt.db.update(payments).set({ lastCheckedAt: rt.now().toISOString() }).where(eq(payments.id, row.id)).run();
  } else if (row.stripePaymentIntentId) {
    await fillStripeFee(rt, stripe, row.id, row.stripePaymentIntentId);
  }
}

/** "Refresh" on an appointment. Returns what stopped it, if anything; the caller shows the sentence. */
export async function refreshAppointmentPayments(rt: PaymentsRuntime, appointmentId: number): Promise<StripeProblem | null> {
  const rows = rt.db
    .select()
    .from(payments)
    // Rows made on an account the clinic moved away from are left out: the saved key would only ever get 404 for them.
    .where(and(eq(payments.appointmentId, appointmentId), or(needsLook(rt.now()), pendingAtStripe), onSavedAccount(savedAccountId(rt.db))))
    .orderBy(asc(payments.id))
    .all();
  if (rows.length === 0) return null;
  try {
    const stripe = stripeFor(rt);
    for (const row of rows) {
      try {
        await lookAt(rt, stripe, row);
      } catch (e) {
        // A withdrawn link Stripe no longer knows (deleted there, or made with a test key before going live)
        // cannot be paid: nothing to tell the desk about it.
        if (row.status === 'void' && problemOf(e).code === 'stripe_rejected') continue;
        throw e;
      }
    }
    return null;
  } catch (e) {
    return problemOf(e);
  }
}

/** Links of appointments older than this are left to the desk's own Refresh: patients pay around their visit. */
export const PERIODIC_REFRESH_WINDOW_MS = 30 * 86_400_000;

/**
 * The periodic pass: the least recently checked open links first, then pending refunds (whatever the appointment's
 * age: a refund is often made weeks after the visit); stops at the first sign Stripe is unreachable.
 */
export async function refreshOpenLinks(rt: PaymentsRuntime, limit = 25): Promise<void> {
  const cutoff = rt.now().getTime() - PERIODIC_REFRESH_WINDOW_MS;
  const here = onSavedAccount(savedAccountId(rt.db));
  const links = rt.db
    .select({ p: payments })
    .from(payments)
    .innerJoin(appointments, eq(appointments.id, payments.appointmentId))
    .where(and(needsLook(rt.now()), gte(appointments.startsAt, cutoff), here))
    .orderBy(sql`${payments.lastCheckedAt} IS NOT NULL`, asc(payments.lastCheckedAt), asc(payments.id))
    .limit(limit)
    .all()
    .map((r) => r.p);
  // Found through payments_status: only the few refunds still pending are read.
  const refunds = rt.db
    .select()
    .from(payments)
    .where(and(pendingAtStripe, here))
    .orderBy(sql`${payments.lastCheckedAt} IS NOT NULL`, asc(payments.lastCheckedAt), asc(payments.id))
    .limit(limit)
    .all();
  const rows = [...links, ...refunds];
  if (rows.length === 0) return;
  let stripe: Stripe;
  try {
    stripe = stripeFor(rt);
  } catch {
    return; // not set up: nothing to ask
  }
  for (const row of rows) {
    try {
      await lookAt(rt, stripe, row);
    } catch (e) {
      const p = problemOf(e);
      if (p.code !== 'stripe_rejected') return; // offline, rate limited or a key problem: try again next pass
      // Stripe refuses this one (e.g. the link was deleted there): move it to the back of the line.
      rt.db.update(payments).set({ lastCheckedAt: rt.now().toISOString() }).where(eq(payments.id, row.id)).run();
    }
  }
}
