// Money as the desk types and reads it: decimals on screen ("50.00"), integer minor units (5000) over IPC.
import { formatMoney, minorDigits, parseMoney } from '../../../shared/payments-format';

export { formatMoney };

/** "50", "50.5", "50,50", "1,250.99" → minor units; null when it is not a plain positive amount (see parseMoney). */
export const toMinor = parseMoney;

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
