// The privacy screen's masking: initials for every shape of name, and phones down to their last two digits.
import { describe, expect, it } from 'vitest';
import { initials, maskPhone } from './privacy';

describe('initials', () => {
  it('writes first name and surname as initials', () => {
    expect(initials('Ada Lovelace')).toBe('A. L.');
  });

  it('keeps accents, whether typed composed or as a combining mark', () => {
    expect(initials('María García')).toBe('M. G.');
    expect(initials('Élodie Øster')).toBe('É. Ø.');
    expect(initials('E\u0301milie Zoe\u0308')).toBe('É. Z.');
  });

  it('uses the surname, not a middle name or a particle', () => {
    expect(initials('Mary Ann Smith')).toBe('M. S.');
    expect(initials('Ana de la Cruz')).toBe('A. C.');
    expect(initials('Jean-Luc van der Berg')).toBe('J. B.');
    expect(initials("Siobhán O'Brien")).toBe('S. O.');
  });

  it('copes with one name, lower case, extra spaces and scripts without capitals', () => {
    expect(initials('Cher')).toBe('C.');
    expect(initials('  maria   garcia ')).toBe('M. G.');
    expect(initials('李 小龙')).toBe('李. 小.');
  });

  it('gives nothing for an empty name or one without letters', () => {
    expect(initials('')).toBe('');
    expect(initials('   ')).toBe('');
    expect(initials('— 42')).toBe('');
  });
});

describe('maskPhone', () => {
  it('shows the last two digits only', () => {
    expect(maskPhone('07911 123456')).toBe('•••• 56');
    expect(maskPhone('+44 (0)117 496 0000')).toBe('•••• 00');
  });

  it('hides a short number whole, and gives nothing for no number', () => {
    expect(maskPhone('112')).toBe('••••');
    expect(maskPhone('')).toBe('');
    expect(maskPhone(null)).toBe('');
    expect(maskPhone(undefined)).toBe('');
  });
});
