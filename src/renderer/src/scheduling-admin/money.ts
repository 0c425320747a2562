// Fees typed in major units ("60.00") and stored in minor units (6000) of the clinic's currency.
import { minorDigits } from '../../../shared/payments-format';

export const toMajorText = (minor: number, currency: string) => (minor / 10 ** minorDigits(currency)).toFixed(minorDigits(currency));

/** NaN when the text is not a plain amount, so the form can say so. */
export function toMinor(text: string, currency: string): number {
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text)) return Number.NaN;
  return Math.round(Number(text) * 10 ** minorDigits(currency));
}
