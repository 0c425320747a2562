// Going live (or back to test): links made in the other Stripe mode cannot take the patient's money, so they are made again.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { payments } from '../db/schema';
import { planPaymentLink } from './link-planner';

/**
 * Runs in the settings save's transaction when the new key's mode differs from the old one's. Unpaid links are
 * withdrawn (marked inactive: the new key cannot reach the old mode's links, and a test page takes no real card)
 * and planned again, so the queue makes them with the new key. Paid links stay the record of what was paid.
 */
export function remakeUnpaidLinks(db: Db, at: string): number {
  const open = db
    .select({ id: payments.id, appointmentId: payments.appointmentId })
    .from(payments)
    .where(and(eq(payments.kind, 'stripe_link'), inArray(payments.status, ['pending_link', 'link_ready'])))
    .all();
  if (open.length === 0) return 0;
  db.update(payments)
    .set({ status: 'void', stripeLinkActive: false, updatedAt: at })
    .where(inArray(payments.id, open.map((r) => r.id)))
    .run();
  for (const appointmentId of new Set(open.map((r) => r.appointmentId))) planPaymentLink(db, appointmentId, at);
  return open.length;
}
