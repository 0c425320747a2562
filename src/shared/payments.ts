// Payments as the desk sees them: Stripe links, manual payments, refunds, totals — shapes shared by main and renderer.
import { z } from 'zod';
import { id, optionalText, requiredText } from './fields';

export const PAYMENT_KINDS = ['stripe_link', 'cash', 'card_terminal', 'insurance', 'refund'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];
export const MANUAL_KINDS = ['cash', 'card_terminal', 'insurance'] as const;
export type ManualKind = (typeof MANUAL_KINDS)[number];
export const PAYMENT_KIND_LABELS: Record<PaymentKind, string> = {
  stripe_link: 'Stripe payment link',
  cash: 'Cash',
  card_terminal: 'Card terminal',
  insurance: 'Insurance',
  refund: 'Refund',
};

/**
 * pending_link: the link is being created (or waiting for Stripe); link_ready: the patient can pay;
 * paid / partially_refunded / refunded: money received; void: replaced or cancelled, never paid.
 * Refund rows: refund_pending (not yet confirmed by Stripe), refunded, failed.
 */
export const PAYMENT_STATUSES = [
  'pending_link',
  'link_ready',
  'paid',
  'partially_refunded',
  'refunded',
  'void',
  'refund_pending',
  'failed',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Stable codes for what went wrong talking to Stripe; the UI shows `message`, tests and logic use `code`. */
export const STRIPE_PROBLEMS = [
  'stripe_not_configured',
  'stripe_invalid_key',
  'stripe_permission',
  'stripe_rate_limited',
  'stripe_offline',
  'stripe_unavailable',
  'stripe_rejected',
] as const;
export type StripeProblemCode = (typeof STRIPE_PROBLEMS)[number];
export interface StripeProblem {
  code: StripeProblemCode;
  message: string;
}

/** What the desk should show for a Stripe link. */
export type LinkState = 'creating' | 'waiting_for_connection' | 'needs_settings' | 'ready' | 'paid' | 'void';
export const LINK_STATE_LABELS: Record<LinkState, string> = {
  creating: 'Creating link…',
  waiting_for_connection: 'Waiting for connection',
  needs_settings: 'Check Stripe settings',
  ready: 'Link ready',
  paid: 'Paid',
  void: 'Replaced or cancelled',
};

/**
 * Where an appointment stands on money, for the day book's block: nothing to pay, not paid yet, link still
 * waiting for Stripe, partly paid, paid in full, or paid and then refunded in full.
 */
export const APPOINTMENT_PAYMENT_STATES = ['none', 'unpaid', 'waiting', 'part_paid', 'paid', 'refunded'] as const;
export type AppointmentPaymentState = (typeof APPOINTMENT_PAYMENT_STATES)[number];
/** Icon + words for a badge: status is never shown by colour alone. No badge for 'none'. */
export const APPOINTMENT_PAYMENT_BADGES: Record<Exclude<AppointmentPaymentState, 'none'>, { icon: string; text: string }> = {
  unpaid: { icon: '£', text: 'Unpaid' },
  waiting: { icon: '⟳', text: 'Link waiting' },
  part_paid: { icon: '£', text: 'Part paid' },
  paid: { icon: '✓', text: 'Paid' },
  refunded: { icon: '↺', text: 'Refunded' },
};

export interface Payment {
  id: number;
  appointmentId: number;
  patientId: number;
  kind: PaymentKind;
  status: PaymentStatus;
  /** Integer minor units (pence, cents) of `currency`. */
  amount: number;
  currency: string;
  /** For Stripe links: what the desk sees; null for other kinds. */
  linkState: LinkState | null;
  linkUrl: string | null;
  /** Set while a link or refund waits on Stripe: why. */
  problem: StripeProblem | null;
  /** While it waits on Stripe: when the background retry will try again (UTC ISO), so the desk can say so. */
  retryAt: string | null;
  stripePaymentIntentId: string | null;
  /** Stripe's processing fee and what the clinic keeps, once paid through Stripe. */
  feeAmount: number | null;
  netAmount: number | null;
  paidAt: string | null;
  receiptNumber: string | null;
  /** For refunds: the payment refunded. */
  refundOf: number | null;
  note: string | null;
  createdAt: string;
  /**
   * Made on a Stripe account the clinic has since moved away from (not the saved key's): Anteroom cannot ask Stripe
   * about it any more. `sentToStripe` false: a refund that never reached that account. Null for everything else.
   */
  previousAccount: { accountId: string; sentToStripe: boolean } | null;
}

export interface PaymentTotals {
  currency: string;
  /** What the appointment(s) cost (cancelled ones excluded). */
  fees: number;
  paid: number;
  refunded: number;
  /** paid − refunded. */
  netPaid: number;
  /** Unpaid fees of visits that took place (payments/owed.ts): what the patient owes now. */
  outstanding: number;
  /** Unpaid fees of visits still to come: not owed yet. */
  upcoming: number;
  /** Stripe's processing fees on these payments. */
  stripeFees: number;
}

export interface AppointmentPayments {
  appointmentId: number;
  fee: number;
  currency: string;
  payments: Payment[];
  totals: PaymentTotals;
  /** After refresh or retry: why Stripe could not be asked just now (shown once, e.g. "no connection"). */
  stripeProblem: StripeProblem | null;
}

export interface PatientPayments {
  patientId: number;
  payments: Payment[];
  totals: PaymentTotals;
  appointmentCount: number;
}

export type StripeMode = 'test' | 'live';

export interface PaymentSettings {
  /** A key is stored (encrypted). The key itself never leaves main. */
  configured: boolean;
  mode: StripeMode | null;
  keyLast4: string | null;
  apiBase: string;
  /** Whether this computer can store the key safely, and if not, why. */
  secureStorage: { available: boolean; reason: string | null };
  /** The clinic's currency: every link is in it. */
  currency: string | null;
  /** The Stripe account (acct_…) the saved key belongs to, when Stripe said so: lets the admin recognise it. */
  accountId: string | null;
  /** After a move to another Stripe account: the unpaid links left open on the old one, which Anteroom cannot reach. */
  leftOnPreviousAccount: LeftOnPreviousAccount | null;
  /** Set while the saved key's account could not be confirmed (a restricted key that may not read it): what that means. */
  accountNotice: string | null;
}

export interface LeftOnPreviousAccount {
  accountId: string;
  /** How many links were made again on the new account and are still open on the old one. */
  links: number;
  /** When the new key was saved (UTC ISO). */
  at: string;
}

export interface ConnectionCheck {
  ok: boolean;
  mode: StripeMode | null;
  problem: StripeProblem | null;
}

export interface EarningsRow {
  /** Clinic-local date YYYY-MM-DD of the payment. */
  day: string;
  providerId: number | null;
  providerName: string | null;
  currency: string;
  gross: number;
  stripeFees: number;
  refunds: number;
  net: number;
  count: number;
}

export const DEFAULT_STRIPE_API_BASE = 'https://api.stripe.com';

const KEY_PATTERN = /^(sk|rk)_(test|live)_[A-Za-z0-9]{8,}$/;

/** test or live, from the key's prefix; null when it is not a secret or restricted key. */
export function stripeModeOf(key: string): StripeMode | null {
  const m = KEY_PATTERN.exec(key);
  return m ? (m[2] as StripeMode) : null;
}

const isLocalHost = (host: string) => host === '127.0.0.1' || host === 'localhost' || host === '[::1]';

export const stripeApiBase = z
  .string({ error: 'Stripe API address must be text.' })
  .trim()
  .refine((s) => {
    try {
      const u = new URL(s);
      // Plain http only to this computer (a local test server); real Stripe is always https.
      return (u.protocol === 'https:' || (u.protocol === 'http:' && isLocalHost(u.hostname))) && u.pathname === '/' && !u.search;
    } catch {
      return false;
    }
  }, 'Stripe API address must be an https address such as https://api.stripe.com.');

const money = (label: string) =>
  z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be in whole minor units (e.g. pence).`)
    .positive(`${label} must be more than zero.`)
    .max(100_000_000, `${label} is too large.`);

export const paymentSettingsSaveInput = z.object({
  /** Omit to keep the stored key. */
  secretKey: z
    .string({ error: 'Secret key must be text.' })
    .trim()
    .refine((k) => stripeModeOf(k) !== null, 'Secret key must be a Stripe secret or restricted key starting sk_test_, sk_live_, rk_test_ or rk_live_.')
    .optional(),
  removeKey: z.boolean().default(false),
  apiBase: stripeApiBase.optional(),
});

export const appointmentIdInput = z.object({ appointmentId: id('Appointment id') });
export const patientPaymentsInput = z.object({ patientId: id('Patient id') });
export const paymentIdInput = z.object({ paymentId: id('Payment id') });

/** How a refund left on a previous Stripe account ended, as that account's Dashboard shows it. */
export const REFUND_OUTCOMES = ['refunded', 'failed'] as const;
export const settleRefundInput = z.object({
  paymentId: id('Refund id'),
  outcome: z.enum(REFUND_OUTCOMES, { error: 'Say whether the refund went through (refunded) or failed.' }),
});

export const recordManualInput = z.object({
  appointmentId: id('Appointment id'),
  kind: z.enum(MANUAL_KINDS, { error: 'Method must be cash, card terminal or insurance.' }),
  amount: money('Amount'),
  note: optionalText('Note', 500),
});

export const refundInput = z.object({
  paymentId: id('Payment id'),
  /** Omit for a full refund of what is left. */
  amount: money('Refund amount').optional(),
  reason: requiredText('Reason', 500),
});

const isoDay = z.string({ error: 'Date is required.' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Date must be YYYY-MM-DD.');
export const earningsInput = z
  .object({ from: isoDay, to: isoDay })
  .refine((r) => r.from <= r.to, { message: 'From must be on or before To.', path: ['to'] });
