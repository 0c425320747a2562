// Going live (or back to test), or moving to another Stripe account: links made before cannot take the patient's
// money where the clinic now receives it, so they are made again.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { payments } from '../db/schema';
import { planPaymentLink } from './link-planner';

/** Kept on each link left behind: the old account's link stays open there, and the record must not say otherwise. */
export const leftOpenNote = (accountId: string) =>
  `Made on the previous Stripe account (${accountId}) and still open there: Anteroom cannot switch it off while another account's key is saved. Deactivate it in that account's Dashboard, or save that account's key again and Anteroom will.`;

/**
 * Runs in the settings save's transaction when the new key's mode or account differs from the old one's. Unpaid
 * links are withdrawn and planned again, so the queue makes them with the new key. Paid links stay the record of
 * what was paid. After a mode switch the withdrawn links are marked as nothing left for the queue to deactivate: no
 * key of the other mode will be saved to reach them, and a test page takes no real card. After a move to another
 * account (`toAnotherAccount`) the links Stripe had made stay marked active: they still take payments into the old
 * account, tied to it by their stripe_account_id, and are switched off if that account's key is saved again
 * (account-move.ts).
 */
export function remakeUnpaidLinks(db: Db, at: string, toAnotherAccount = false): number {
  const open = db
    .select({ id: payments.id, appointmentId: payments.appointmentId })
    .from(payments)
    .where(and(eq(payments.kind, 'stripe_link'), inArray(payments.status, ['pending_link', 'link_ready'])))
    .all();
  if (open.length === 0) return 0;
  db.update(payments)
    .set(toAnotherAccount ? { status: 'void', updatedAt: at } : { status: 'void', stripeLinkActive: false, updatedAt: at })
    .where(inArray(payments.id, open.map((r) => r.id)))
    .run();
  for (const appointmentId of new Set(open.map((r) => r.appointmentId))) planPaymentLink(db, appointmentId, at);
  return open.length;
}
