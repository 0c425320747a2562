// Realistic, repeatable bench patients: names from many languages (with their accents), varied phone formats, emails.
export type Rng = () => number;

/** mulberry32: a tiny seeded PRNG, so every run builds the same clinic and asks the same questions. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

const CULTURES: { first: string[]; last: string[] }[] = [
  // Spanish
  { first: ['María', 'José', 'Lucía', 'Álvaro', 'Sofía', 'Jesús', 'Inés', 'Martín', 'Begoña', 'Iñaki', 'Ramón', 'Pilar'], last: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Muñoz', 'Jiménez', 'Ibáñez', 'Núñez', 'Castaño'] },
  // French
  { first: ['Amélie', 'Étienne', 'Hélène', 'François', 'Chloé', 'Benoît', 'Léa', 'Gaël', 'Agnès', 'Jérôme', 'Noël', 'Zoé'], last: ['Dubois', 'Lefèvre', 'Moreau', 'Girard', 'Lemaître', 'Bérubé', 'Fontaine', 'Rousseau', 'Bélanger', 'Château', 'Duchêne', 'Leclerc'] },
  // German
  { first: ['Jürgen', 'Jörg', 'Käthe', 'Günter', 'Lena', 'Maximilian', 'Sören', 'Ursula', 'Björn', 'Anneliese'], last: ['Müller', 'Schäfer', 'Schröder', 'Weiß', 'Köhler', 'Groß', 'Hoffmann', 'Bäcker', 'Krüger', 'Schmitz', 'Fußmann', 'Vogel'] },
  // Nordic
  { first: ['Søren', 'Åsa', 'Bjørn', 'Ingrid', 'Ørjan', 'Sigrún', 'Þór', 'Linnéa', 'Mikael', 'Astrid'], last: ['Kierkegaard', 'Ångström', 'Løkke', 'Sørensen', 'Bergström', 'Hæstad', 'Jónsdóttir', 'Lindqvist', 'Nyström', 'Ødegaard'] },
  // Japanese (romanised)
  { first: ['Hiroshi', 'Yūko', 'Kenji', 'Sakura', 'Takeshi', 'Haruka', 'Shōta', 'Aiko', 'Daisuke', 'Mei'], last: ['Tanaka', 'Satō', 'Suzuki', 'Takahashi', 'Watanabe', 'Itō', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Katō'] },
  // Nigerian
  { first: ['Chidi', 'Ngozi', 'Oluwaseun', 'Adaeze', 'Emeka', 'Folake', 'Babajide', 'Chiamaka', 'Tunde', 'Ifeoma'], last: ['Okonkwo', 'Adeyemi', 'Okafor', 'Balogun', 'Eze', 'Nwosu', 'Ogunleye', 'Chukwu', 'Adebayo', 'Obi'] },
  // Indian
  { first: ['Priya', 'Arjun', 'Ananya', 'Rohan', 'Lakshmi', 'Vikram', 'Sneha', 'Aditya', 'Kavya', 'Rahul'], last: ['Sharma', 'Patel', 'Iyer', 'Reddy', 'Nair', 'Gupta', 'Krishnan', 'Chatterjee', 'Menon', 'Bhattacharya'] },
  // Arabic (romanised)
  { first: ['Mohammed', 'Fatima', 'Omar', 'Layla', 'Yusuf', 'Aisha', 'Khalid', 'Mariam', 'Hassan', 'Noor'], last: ['Al-Sayed', 'Haddad', 'Al-Farsi', 'Mansour', 'Nasser', 'Khoury', 'El-Amin', 'Saleh', 'Abdullah', "Al-Qahtani"] },
  // Chinese (pinyin)
  { first: ['Wěi', 'Fāng', 'Xiùyīng', 'Jūn', 'Lì', 'Míng', 'Jìng', 'Tāo', 'Yàn', 'Hào'], last: ['Wáng', 'Lǐ', 'Zhāng', 'Liú', 'Chén', 'Yáng', 'Huáng', 'Zhào', 'Wú', 'Zhōu'] },
  // English / Irish
  { first: ['Oliver', 'Amelia', 'Seán', 'Siobhán', 'Jack', 'Emily', 'Thomas', 'Charlotte', 'Niamh', 'George'], last: ["O'Brien", 'Smith', 'Jones', 'Williams', 'Taylor', 'Davies', "O'Connor", 'Evans', 'Murphy', 'Thompson'] },
];

/** Mobile number ranges that libphonenumber accepts, as E.164 prefixes with how many digits follow. */
const ABROAD = [
  ['+336', 8],
  ['+49151', 8],
  ['+234803', 7],
  ['+9198', 8],
  ['+8190', 8],
  ['+346', 8],
  ['+474', 7],
  ['+86138', 8],
  ['+96650', 7],
] as const;
const GB_MOBILE = ['+44740', '+44750', '+44770', '+44780', '+44790', '+44745'];

export interface BenchPatient {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  /** E.164, as the register stores it. */
  phone: string;
  email: string | null;
}

const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');
const ascii = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');

export function makePatients(count: number, seed = 42): BenchPatient[] {
  const rng = seeded(seed);
  const used = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const culture = pick(rng, CULTURES);
    const firstName = rng() < 0.15 ? `${pick(rng, culture.first)} ${pick(rng, culture.first)}` : pick(rng, culture.first);
    const lastName = rng() < 0.1 ? `${pick(rng, culture.last)}-${pick(rng, culture.last)}` : pick(rng, culture.last);
    let phone: string;
    do {
      if (rng() < 0.85) phone = `${pick(rng, GB_MOBILE)}${digits(rng, 7)}`;
      else {
        const [prefix, n] = pick(rng, ABROAD);
        phone = `${prefix}${digits(rng, n)}`;
      }
    } while (used.has(phone));
    used.add(phone);
    const y = 1935 + Math.floor(rng() * 85);
    const m = 1 + Math.floor(rng() * 12);
    const d = 1 + Math.floor(rng() * 28);
    const email = rng() < 0.7 ? `${ascii(firstName.split(' ')[0]!)}.${ascii(lastName)}${i}@${pick(rng, ['example.com', 'mail.example', 'post.example.org'])}` : null;
    return { firstName, lastName, dateOfBirth: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, sex: pick(rng, ['female', 'male', 'other', 'unknown'] as const), phone, email };
  });
}

/** The same number as a receptionist might type or a spreadsheet might hold it. */
export function phoneAsTyped(e164: string, rng: Rng): string {
  if (e164.startsWith('+44')) {
    const national = `0${e164.slice(3)}`;
    return pick(rng, [national, `${national.slice(0, 5)} ${national.slice(5)}`, `${national.slice(0, 5)}-${national.slice(5, 8)}-${national.slice(8)}`, `+44 ${e164.slice(3, 7)} ${e164.slice(7)}`, `(${national.slice(0, 5)}) ${national.slice(5)}`]);
  }
  return pick(rng, [e164, `${e164.slice(0, 3)} ${e164.slice(3, 6)} ${e164.slice(6)}`, `00${e164.slice(1)}`]);
}
