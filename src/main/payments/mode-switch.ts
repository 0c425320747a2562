// Going live (or back to test), or moving to another Stripe account: links made before cannot take the patient's
// money where the clinic now receives it, so they are made again.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { payments } from '../db/schema';
import { planPaymentLink } from './link-planner';

/** Kept on each link left behind: the old account's link stays open there, and the record must not say otherwise. */
export const leftOpenNote = (accountId: string) =>
  `Made on the previous Stripe account (${accountId}) and still open there: Anteroom can no longer switch it off. Deactivate it in that account's Dashboard.`;

/**
 * Runs in the settings save's transaction when the new key's mode or account differs from the old one's. Unpaid
 * links are withdrawn and planned again, so the queue makes them with the new key. Paid links stay the record of
 * what was paid. The withdrawn links are marked as nothing left for the queue to deactivate: the new key cannot
 * reach them. After a mode switch that is all (a test page takes no real card); after a move to another account
 * (`previousAccountId`) the link still takes payments into that account, so each row says so in its note.
 */
export function remakeUnpaidLinks(db: Db, at: string, previousAccountId: string | null = null): { remade: number; leftOpen: number } {
  const open = db
    .select({ id: payments.id, appointmentId: payments.appointmentId, stripeLinkId: payments.stripeLinkId })
    .from(payments)
    .where(and(eq(payments.kind, 'stripe_link'), inArray(payments.status, ['pending_link', 'link_ready'])))
    .all();
  if (open.length === 0) return { remade: 0, leftOpen: 0 };
  db.update(payments)
    .set({ status: 'void', stripeLinkActive: false, updatedAt: at })
    .where(inArray(payments.id, open.map((r) => r.id)))
    .run();
  // Only links Stripe had made exist on the old account; a pending one was never made there.
  const made = open.filter((r) => r.stripeLinkId !== null).map((r) => r.id);
  if (previousAccountId && made.length > 0) db.update(payments).set({ note: leftOpenNote(previousAccountId) }).where(inArray(payments.id, made)).run();
  for (const appointmentId of new Set(open.map((r) => r.appointmentId))) planPaymentLink(db, appointmentId, at);
  return { remade: open.length, leftOpen: previousAccountId ? made.length : 0 };
}
