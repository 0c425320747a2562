// Moving the clinic to another Stripe account, inside the settings save's transaction: what was made on the old account
// stays tied to it (the new key would only ever get 404 for it), and what an earlier move left open on the account now
// coming back is taken up again, so a return (A → B → A) leaves nothing that nobody looks after.
import { and, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { LeftOnPreviousAccount } from '../../shared/payments';
import type { Db } from '../db/client';
import { payments } from '../db/schema';
import { planPaymentLink } from './link-planner';
import { leftOpenNote, remakeUnpaidLinks } from './mode-switch';

/** Link rows withdrawn in Anteroom and still active on the Stripe account they were made on. */
const leftOpen = and(eq(payments.kind, 'stripe_link'), eq(payments.status, 'void'), eq(payments.stripeLinkActive, true));

/**
 * `from`: the account the saved links were made on; `to`: the new key's. Returns what is left open on accounts other
 * than `to` (the one just left first), for the settings screen; null when nothing is.
 */
export function moveToAccount(db: Db, from: string, to: string, at: string): LeftOnPreviousAccount | null {
  tieUnknownRowsTo(db, from);
  remakeUnpaidLinks(db, at, true);
  // The links just withdrawn, and any replaced one the queue had not switched off yet: the new key cannot reach them.
  db.update(payments).set({ note: leftOpenNote(from) }).where(and(leftOpen, eq(payments.stripeAccountId, from), sql`${payments.note} IS NULL`)).run();
  takeUpLinksOf(db, to, at);
  return stillLeftOpen(db, from, to, at);
}

/**
 * Rows from before accounts were kept (or made while the key's account was not known) were made with the key being
 * replaced: they belong to `from`. Pending refunds follow the payment they return (a refund is made on its account).
 */
function tieUnknownRowsTo(db: Db, from: string): void {
  db.run(sql`
    UPDATE payments SET stripe_account_id = ${from}
    WHERE stripe_account_id IS NULL
      AND (stripe_link_id IS NOT NULL OR stripe_payment_intent_id IS NOT NULL OR stripe_refund_id IS NOT NULL
        OR (kind = 'refund' AND status = 'refund_pending'
          AND EXISTS (SELECT 1 FROM payments o WHERE o.id = payments.refund_of AND o.kind = 'stripe_link')))`);
}

/**
 * Links an earlier move left open on `to`, whose key is back: their note no longer holds, and the link job of each
 * appointment switches them off — or records the payment, if a patient paid one meanwhile. Marked as changed now,
 * so the periodic refresh also asks about them for a checkout page's lifetime.
 */
function takeUpLinksOf(db: Db, to: string, at: string): void {
  const back = db
    .select({ id: payments.id, appointmentId: payments.appointmentId, note: payments.note })
    .from(payments)
    .where(and(leftOpen, eq(payments.stripeAccountId, to)))
    .all();
  for (const row of back) {
    db.update(payments)
      .set({ note: row.note === leftOpenNote(to) ? null : row.note, updatedAt: at })
      .where(eq(payments.id, row.id))
      .run();
  }
  for (const appointmentId of new Set(back.map((r) => r.appointmentId))) planPaymentLink(db, appointmentId, at);
}

function stillLeftOpen(db: Db, from: string, to: string, at: string): LeftOnPreviousAccount | null {
  const counts = db
    .select({ accountId: payments.stripeAccountId, links: sql<number>`count(*)` })
    .from(payments)
    .where(and(leftOpen, isNotNull(payments.stripeAccountId), ne(payments.stripeAccountId, to)))
    .groupBy(payments.stripeAccountId)
    .all();
  const shown = counts.find((c) => c.accountId === from) ?? counts.sort((a, b) => b.links - a.links)[0];
  return shown?.accountId ? { accountId: shown.accountId, links: shown.links, at } : null;
}
