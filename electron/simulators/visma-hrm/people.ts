import type { Random } from './prng';
import {
  FAMILY_NAMES, FEMALE_GIVEN_NAMES, FEMALE_MIDDLE_NAMES, MALE_GIVEN_NAMES, MALE_MIDDLE_NAMES, NAME_USAGES, PLACES,
  STREETS, type FamilyName, type NameUsage, type Place,
} from './names';

/**
 * One human being as HR knows them. Several employee records can point at the same human (Visma
 * makes a new employee id per contract), and all of them repeat these fields.
 */
export interface Human {
  readonly gender: 'M' | 'V';
  /** All given names ("Johannes Hendrikus"). */
  readonly firstname: string;
  /** Call name ("Jan"). */
  readonly nickname: string;
  /** "J.H." */
  readonly initials: string;
  readonly prefixbirthname: string;
  readonly birthname: string;
  readonly prefixpartnername: string;
  readonly partnername: string;
  readonly nameUsage: NameUsage;
  readonly maritalStatus: { readonly id: string; readonly nl: string; readonly en: string };
  readonly dateOfBirth: number;
  readonly home: {
    readonly street: string;
    readonly number: string;
    readonly ext: string;
    readonly zip: string;
    readonly place: Place;
  };
  /** Visma's "Family, I. prefix" display form for the name in use. */
  readonly formattedname: string;
}

const DAYS_PER_YEAR = 365.25;
const UNMARRIED = { id: '1', nl: 'Ongehuwd', en: 'Unmarried' } as const;
const MARRIED = { id: '2', nl: 'Gehuwd', en: 'Married' } as const;
const REGISTERED = { id: '3', nl: 'Geregistreerd partnerschap', en: 'Registered partnership' } as const;

/** Creates a random person aged `minimumAge` (default 17) to 66 on `asOfDay`. */
export function createHuman(random: Random, asOfDay: number, minimumAge = 17): Human {
  const gender = random.chance(0.78) ? 'V' : 'M'; // care staff are mostly women
  const given = random.pick(gender === 'V' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
  const names = [given.name];
  if (random.chance(0.35)) names.push(random.pick(gender === 'V' ? FEMALE_MIDDLE_NAMES : MALE_MIDDLE_NAMES));
  if (random.chance(0.05)) names.push(random.pick(gender === 'V' ? FEMALE_MIDDLE_NAMES : MALE_MIDDLE_NAMES));
  const family = random.pick(FAMILY_NAMES);
  const dateOfBirth = asOfDay - random.int(Math.ceil(minimumAge * DAYS_PER_YEAR), Math.floor(66 * DAYS_PER_YEAR));
  const age = (asOfDay - dateOfBirth) / DAYS_PER_YEAR;
  const partner = age > 23 && random.chance(0.55) ? pickOther(random, family) : undefined;
  const nameUsage = partner === undefined ? NAME_USAGES.B : pickNameUsage(random, gender);
  const initials = names.map(initialOf).join('');
  const place = random.pick(PLACES);
  return {
    gender,
    firstname: names.join(' '),
    nickname: given.nick ?? given.name,
    initials,
    prefixbirthname: family.prefix,
    birthname: family.name,
    prefixpartnername: partner?.prefix ?? '',
    partnername: partner?.name ?? '',
    nameUsage,
    maritalStatus: partner === undefined ? UNMARRIED : random.chance(0.8) ? MARRIED : REGISTERED,
    dateOfBirth,
    home: {
      street: random.pick(STREETS),
      number: String(random.int(1, 240)),
      ext: random.chance(0.1) ? random.pick(['A', 'B', 'bis', '2 hoog']) : '',
      zip: `${random.int(3400, 3999)} ${String.fromCharCode(65 + random.int(0, 25), 65 + random.int(0, 25))}`,
      place,
    },
    formattedname: formattedName(family, partner, nameUsage, initials),
  };
}

function pickOther(random: Random, own: FamilyName): FamilyName {
  for (;;) {
    const other = random.pick(FAMILY_NAMES);
    if (other !== own) return other;
  }
}

function pickNameUsage(random: Random, gender: 'M' | 'V'): NameUsage {
  const r = random.next();
  // Women married to a partner often take the partner's name in some form; men rarely do.
  if (gender === 'V') return r < 0.45 ? NAME_USAGES.B : r < 0.65 ? NAME_USAGES.P : r < 0.85 ? NAME_USAGES.BP : NAME_USAGES.PB;
  return r < 0.94 ? NAME_USAGES.B : r < 0.96 ? NAME_USAGES.P : r < 0.98 ? NAME_USAGES.BP : NAME_USAGES.PB;
}

/** "J." for Johannes, "IJ." for IJsbrand (the Dutch IJ is one letter), "Ü." for Ümit. */
export function initialOf(name: string): string {
  return name.startsWith('IJ') ? 'IJ.' : `${name.charAt(0).toUpperCase()}.`;
}

function withPrefix(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix} ${name}`;
}

/** Visma's sortable display name: "Berg, J. van den", "Berg-de Vries, J. van den". */
export function formattedName(
  own: FamilyName, partner: FamilyName | undefined, usage: NameUsage, initials: string,
): string {
  const tail = (prefix: string): string => (prefix === '' ? initials : `${initials} ${prefix}`);
  if (partner === undefined || usage.code === 'B') return `${own.name}, ${tail(own.prefix)}`;
  switch (usage.code) {
    case 'P': return `${partner.name}, ${tail(partner.prefix)}`;
    case 'BP': return `${own.name}-${withPrefix(partner.prefix, partner.name)}, ${tail(own.prefix)}`;
    case 'PB': return `${partner.name}-${withPrefix(own.prefix, own.name)}, ${tail(partner.prefix)}`;
  }
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_LOCAL_PART = /[^a-z0-9]/g;

/** Lower-case ASCII for an e-mail local part: "Çelik" -> "celik", "Yılmaz" -> "yilmaz", "in 't Veld" -> "intveld". */
export function asciiLocalPart(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(NOT_LOCAL_PART, '');
}

/** The local part of a business address: call name plus the family name in use ("jan.vandenberg"). */
export function businessLocalPart(human: Human): string {
  const usePartner = human.nameUsage.code === 'P' || human.nameUsage.code === 'PB';
  const family = usePartner
    ? withPrefix(human.prefixpartnername, human.partnername)
    : withPrefix(human.prefixbirthname, human.birthname);
  return `${asciiLocalPart(human.nickname)}.${asciiLocalPart(family)}`;
}
