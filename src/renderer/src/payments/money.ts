// Money as the desk types and reads it: decimals on screen ("50.00"), integer minor units (5000) over IPC.
import { formatMoney, minorDigits } from '../../../shared/payments-format';

export { formatMoney };

/** "50", "50.5", "50.50" → 5050 for GBP; null when it is not a plain positive amount with at most the currency's decimals. */
export function toMinor(typed: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const text = typed.trim().replace(/,/g, '');
  const pattern = digits === 0 ? /^\d+$/ : new RegExp(`^(\\d+)(?:\\.(\\d{1,${digits}}))?$`);
  const m = pattern.exec(text);
  if (!m) return null;
  const whole = Number(m[1] ?? text);
  const fraction = (m[2] ?? '').padEnd(digits, '0');
  const minor = whole * 10 ** digits + (fraction ? Number(fraction) : 0);
  return Number.isSafeInteger(minor) ? minor : null;
}

/** 5050 → "50.50" for GBP: what an amount field starts with. */
export function toDecimal(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

/** The message an amount field shows when toMinor said no. */
export function amountHint(currency: string): string {
  const digits = minorDigits(currency);
  return digits === 0 ? 'Type a whole amount, e.g. 5000.' : `Type an amount such as 50 or 50.${'0'.repeat(digits)}.`;
}
