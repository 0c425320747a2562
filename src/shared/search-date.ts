// Dates of birth as the desk types them: day/month/year in most countries, month/day/year in the US.
import { isIsoDate } from './fields';

/** Countries whose desks write month before day (12/31/1984). */
const MONTH_FIRST = new Set(['US', 'PH', 'FM', 'MH', 'PW', 'BZ', 'GU', 'AS', 'PR', 'VI', 'MP', 'UM']);

export type DateOrder = 'DMY' | 'MDY';

export function dateOrderOf(country: string): DateOrder {
  return MONTH_FIRST.has(country.toUpperCase()) ? 'MDY' : 'DMY';
}

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const YEAR_LAST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

const iso = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

/** "12/03/1984" (GB) or "03/12/1984" (US) or "1984-03-12" → "1984-03-12"; null when it is not a real date. */
export function parseTypedDate(text: string, country: string): string | null {
  const s = text.trim();
  let out: string | null = null;
  const yf = YEAR_FIRST.exec(s);
  if (yf) out = iso(yf[1]!, yf[2]!, yf[3]!);
  const yl = YEAR_LAST.exec(s);
  if (yl) out = dateOrderOf(country) === 'MDY' ? iso(yl[3]!, yl[1]!, yl[2]!) : iso(yl[3]!, yl[2]!, yl[1]!);
  return out && isIsoDate(out) ? out : null;
}
