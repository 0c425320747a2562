// The privacy screen's masking: initials for every shape of name, and phones down to their last two digits.
import { describe, expect, it } from 'vitest';
import { initials, maskPhone } from './privacy';

describe('initials', () => {
  it.each([
    ['first name and surname', 'Ada Lovelace', 'A. L.'],
    ['accents typed composed', 'María García', 'M. G.'],
    ['letters beyond Latin-1', 'Élodie Øster', 'É. Ø.'],
    ['accents typed as combining marks', 'E\u0301milie Zoe\u0308', 'É. Z.'],
    ['a middle name is not the surname', 'Mary Ann Smith', 'M. S.'],
    ['a particle is not the surname', 'Ana de la Cruz', 'A. C.'],
    ['hyphens and particles together', 'Jean-Luc van der Berg', 'J. B.'],
    ['an apostrophe in the surname', "Siobhán O'Brien", 'S. O.'],
    ['one name only', 'Cher', 'C.'],
    ['typed in lower case with extra spaces', '  maria   garcia ', 'M. G.'],
    ['a script without capitals', '李 小龙', '李. 小.'],
    ['an empty name', '', ''],
    ['only spaces', '   ', ''],
    ['no letters at all', '— 42', ''],
  ])('%s: %j → %j', (_case, name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});

describe('maskPhone', () => {
  it.each([
    ['a mobile keeps its last two digits', '07911 123456', '•••• 56'],
    ['punctuation and country codes are ignored', '+44 (0)117 496 0000', '•••• 00'],
    ['a short number is hidden whole', '112', '••••'],
    ['no number gives nothing', '', ''],
    ['null gives nothing', null, ''],
    ['undefined gives nothing', undefined, ''],
  ])('%s', (_case, phone, expected) => {
    expect(maskPhone(phone)).toBe(expected);
  });
});
