import type { NameConvention, PersonName } from '../model/person';
import { cleanText } from './name-text';

/**
 * A naming convention as configuration (`policy.naming`): which candidates each name attribute tries,
 * how it numbers when all are taken, and how the display name is written per name usage.
 */

/** The name attributes whose values are built from candidates. */
export type NamedAttribute = 'sAMAccountName' | 'userPrincipalName' | 'mail' | 'cn';

/** How a numbered candidate is made once every candidate is taken. */
export interface IterateRule {
  /** The first number tried. */
  readonly start: number;
  /** Position of the base candidate in the expanded list (before duplicates are removed); null = the last. */
  readonly base: number | null;
  /** Zero-padded to this many digits. */
  readonly width: number;
  /** How the number is written after the base, `{n}` for the number: "{n}" or " ({n})". */
  readonly format: string;
}

/** Candidates and numbering for one attribute. */
export interface AttributeNaming {
  readonly candidates: readonly string[];
  readonly iterate: IterateRule;
  /** What a space inside a token becomes in a logon name ("" or "."); ignored for the CN. */
  readonly spaces: string;
}

/** UPN and mail also have the domain appended with "@". */
export interface AddressNaming extends AttributeNaming {
  /** Null: the `ad` section's upnSuffix or mailDomain. */
  readonly domain: string | null;
}

/** One display-name template for every name usage, or one per usage. */
export type DisplayNameRule = string | Readonly<Record<NameConvention, string>>;

/** The whole convention. */
export interface NamingConvention {
  readonly sAMAccountName: AttributeNaming;
  readonly userPrincipalName: AddressNaming;
  readonly mail: AddressNaming;
  readonly cn: AttributeNaming;
  /** Null: today's "{nickname} {familyNameFull}", or the old `templates.displayName`. */
  readonly displayName: DisplayNameRule | null;
  /** Between the two family names of BP and PB ("van den Boele - de Vries"). */
  readonly nameSeparator: string;
}

/** Default numbering: "2", "3", … after the base candidate. */
export const DEFAULT_ITERATE: IterateRule = { start: 2, base: null, width: 1, format: '{n}' };

/**
 * The convention this product always used: f.last, first.last, f.last2, …; UPN and mail the
 * sAMAccountName at their domain; the CN the display name, then "Name 2", "Name 3".
 */
export const DEFAULT_NAMING: NamingConvention = {
  sAMAccountName: {
    candidates: ['{nickname:1}.{familyName}', '{nickname}.{familyName}'],
    iterate: { ...DEFAULT_ITERATE, base: 0 },
    spaces: '',
  },
  userPrincipalName: { candidates: ['{sAMAccountName}'], iterate: DEFAULT_ITERATE, spaces: '', domain: null },
  mail: { candidates: ['{sAMAccountName}'], iterate: DEFAULT_ITERATE, spaces: '', domain: null },
  cn: { candidates: ['{displayName}'], iterate: { ...DEFAULT_ITERATE, base: 0, format: ' {n}' }, spaces: '' },
  displayName: null,
  nameSeparator: ' - ',
};

/** The tokens every name template may use. */
export const NAME_TOKENS = [
  'nickname', 'givenName', 'initials', 'initialsDotted', 'initialsRest', 'initialsRestDotted', 'familyName', 'birthName', 'partnerName',
  'birthNameOnly', 'birthPrefix', 'partnerNameOnly', 'partnerPrefix', 'familyNameFull',
] as const;

/** A token of {@link NAME_TOKENS}. */
export type NameToken = (typeof NAME_TOKENS)[number];

/** The name tokens of one person, cleaned, and which name fields had characters removed. */
export interface NameTokens {
  readonly values: Readonly<Record<NameToken, string>>;
  /** Name fields that held control, bidi-override or zero-width characters (removed). */
  readonly cleaned: readonly string[];
}

/** True when `name` is a name token. */
export function isNameToken(name: string): name is NameToken {
  return (NAME_TOKENS as readonly string[]).includes(name);
}

/** "van den" + "Boele" = "van den Boele"; either part may be empty. */
export function joinName(prefix: string, name: string): string {
  return `${prefix} ${name}`.trim();
}

/**
 * The name tokens of `name`: `familyName` is the birth name for B and BP and the partner name for P
 * and PB (each falling back to the other, so a wrong convention code never leaves a name empty);
 * `familyNameFull` holds both for BP and PB, joined by `separator`.
 */
export function nameTokens(name: PersonName, separator: string): NameTokens {
  const cleaned: string[] = [];
  const clean = (field: keyof PersonName): string => {
    const result = cleanText(name[field]);
    if (result.removed) cleaned.push(field);
    return result.text;
  };
  const birthNameOnly = clean('familyName');
  const birthPrefix = clean('familyNamePrefix');
  const partnerNameOnly = clean('partnerName');
  const partnerPrefix = clean('partnerNamePrefix');
  const givenName = clean('givenName');
  const nickname = clean('nickname') || givenName;
  const initials = clean('initials');
  // No initials (most persons): no split and no arrays.
  const initialParts = initials === '' ? [] : initials.split(/[.\s]+/).filter((p) => p !== '');
  const rest = initialParts.slice(1);
  const birth = joinName(birthPrefix, birthNameOnly);
  const partner = joinName(partnerPrefix, partnerNameOnly);
  const both = (a: string, b: string): string => (a && b ? `${a}${separator}${b}` : a || b);
  const byBirth = name.convention === 'B' || name.convention === 'BP';
  const familyNameFull = familyFull(name.convention, birth, partner, both);
  return {
    values: {
      nickname,
      givenName,
      initials: initialParts.join(''),
      initialsDotted: dotted(initialParts),
      // The initials after the first (the first is the given name, written out beside them): "J.H.C." gives "H.C.".
      initialsRest: rest.join(''),
      initialsRestDotted: dotted(rest),
      familyName: byBirth ? birth || partner : partner || birth,
      birthName: birth,
      partnerName: partner,
      birthNameOnly,
      birthPrefix,
      partnerNameOnly,
      partnerPrefix,
      familyNameFull,
    },
    cleaned,
  };
}

/** "J", "H" gives "J.H.": each part followed by a dot. */
function dotted(parts: readonly string[]): string {
  return parts.length === 0 ? '' : `${parts.join('.')}.`;
}

function familyFull(convention: NameConvention, birth: string, partner: string, both: (a: string, b: string) => string): string {
  switch (convention) {
    case 'B':
      return birth || partner;
    case 'P':
      return partner || birth;
    case 'BP':
      return both(birth, partner);
    case 'PB':
      return both(partner, birth);
    default:
      return assertNever(convention);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}

/** The display-name template for `convention`, or null when the convention has none (the default applies). */
export function displayNameTemplate(rule: DisplayNameRule | null, convention: NameConvention): string | null {
  if (rule === null) return null;
  return typeof rule === 'string' ? rule : rule[convention];
}
