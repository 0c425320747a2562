// Money in minor units shown as the desk reads it, e.g. 5000 GBP → "£50.00"; used by the receipt and the screens.

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
