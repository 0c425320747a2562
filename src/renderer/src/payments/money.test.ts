// Amounts typed as decimals become integer minor units exactly (no float drift), per the currency's digits.
import { describe, expect, it } from 'vitest';
import { formatMoney, toDecimal, toMinor } from './money';

describe('toMinor', () => {
  it('reads what the desk types in pounds as pence', () => {
    expect(toMinor('50', 'GBP')).toBe(5000);
    expect(toMinor('50.5', 'GBP')).toBe(5050);
    expect(toMinor(' 30.50 ', 'GBP')).toBe(3050);
    expect(toMinor('1,250.99', 'GBP')).toBe(125099);
    // 0.29 * 100 is 28.999... in floating point: the digits are joined, never multiplied.
    expect(toMinor('0.29', 'GBP')).toBe(29);
  });

  it('reads a decimal comma as the decimal point, so 50,00 is fifty and not five thousand', () => {
    expect(toMinor('50,00', 'EUR')).toBe(5000);
    expect(toMinor('50,5', 'EUR')).toBe(5050);
    expect(toMinor('1.250,99', 'EUR')).toBe(125099);
    expect(toMinor('1250,99', 'EUR')).toBe(125099);
    // Before exactly three digits a comma groups thousands, as it always did.
    expect(toMinor('1,250', 'GBP')).toBe(125000);
    expect(toMinor('1,250,000', 'GBP')).toBe(125000000);
    expect(toMinor('5,000', 'JPY')).toBe(5000);
  });

  it('refuses separators it cannot read one way only', () => {
    expect(toMinor('1,2,5', 'GBP')).toBeNull();
    expect(toMinor('50,505', 'EUR')).toBe(5050500); // three digits after a lone comma: thousands
    expect(toMinor('1.250', 'GBP')).toBeNull(); // a dot never groups thousands unless a decimal comma follows
    expect(toMinor('12,50.00', 'GBP')).toBeNull();
    expect(toMinor('5,5', 'JPY')).toBeNull();
  });

  it('refuses more decimals than the currency has, signs and words', () => {
    expect(toMinor('50.505', 'GBP')).toBeNull();
    expect(toMinor('-5', 'GBP')).toBeNull();
    expect(toMinor('fifty', 'GBP')).toBeNull();
    expect(toMinor('', 'GBP')).toBeNull();
  });

  it('knows currencies without minor units', () => {
    expect(toMinor('5000', 'JPY')).toBe(5000);
    expect(toMinor('5000.5', 'JPY')).toBeNull();
  });
});

describe('toDecimal and formatMoney', () => {
  it('round-trip with toMinor and format in the clinic currency', () => {
    expect(toDecimal(1950, 'GBP')).toBe('19.50');
    expect(toMinor(toDecimal(1950, 'GBP'), 'GBP')).toBe(1950);
    expect(formatMoney(4905, 'GBP')).toBe('£49.05');
    expect(formatMoney(5000, 'JPY')).toMatch(/5,000/);
  });
});
