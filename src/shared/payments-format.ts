// Money in minor units shown as the desk reads it, e.g. 5000 GBP → "£50.00", and amounts typed at the desk read back.

/** How many minor units make one major unit for this currency (2 for GBP, 0 for JPY). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function formatMoney(minor: number, currency: string, opts: { locale?: string; code?: boolean } = {}): string {
  const digits = minorDigits(currency);
  const major = minor / 10 ** digits;
  try {
    return new Intl.NumberFormat(opts.locale ?? 'en-GB', {
      style: 'currency',
      currency,
      currencyDisplay: opts.code ? 'code' : 'symbol',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(major);
  } catch {
    return `${currency} ${major.toFixed(digits)}`;
  }
}

/**
 * What the desk typed → integer minor units, or null when it is not a plain positive amount with at most the
 * currency's decimals. Both ways of writing decimals are read: "50.50", "1,250.99" and "50,50", "1.250,99".
 * A lone comma before exactly three digits ("1,250") groups thousands; before one or two it is the decimal
 * comma — so "50,00" is fifty, never five thousand. The digits are joined, never multiplied (0.29 stays 29).
 */
export function parseMoney(typed: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const text = typed.trim();
  let whole: string;
  let fraction: string;
  let m: RegExpExecArray | null;
  if ((m = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(text))) {
    whole = m[1]!.replace(/,/g, '');
    fraction = m[2] ?? '';
  } else if ((m = /^(\d+|\d{1,3}(?:\.\d{3})+),(\d+)$/.exec(text))) {
    whole = m[1]!.replace(/\./g, '');
    fraction = m[2]!;
  } else return null;
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + (fraction ? Number(fraction.padEnd(digits, '0')) : 0);
  return Number.isSafeInteger(minor) ? minor : null;
}
