import type { AdAccount } from '../model/ad-account';
import type { PersonName } from '../model/person';
import { normaliseDn, parentKey } from './naming-dn';
import { assertNever } from '../model/assert-never';

/** Windows AD's limit on sAMAccountName (Samba does not enforce it). */
export const SAM_MAX_LENGTH = 20;
/** Windows AD's limit on the CN (RDN value). */
export const CN_MAX_LENGTH = 64;
/** How far the numeric suffix goes before a name counts as exhausted. */
export const MAX_NAME_SUFFIX = 999;

/** The name attributes derived from a person's name and name convention. */
export interface NameParts {
  /** Nickname (roepnaam), else the first given name. */
  readonly givenName: string;
  /** Family name(s) by convention, prefixes included: "van den Berg - Jansen". */
  readonly sn: string;
  /** givenName + " " + sn. */
  readonly displayName: string;
  /** Initials without dots or spaces, at most 6 characters (the AD limit). */
  readonly initials: string;
  /** The family name logon names are built from: birth name (B, BP) or partner name (P, PB), with prefix. */
  readonly logonFamilyName: string;
}

/** "van den" + "Berg" = "van den Berg"; either part may be empty. */
export function joinName(prefix: string, name: string): string {
  return `${prefix.trim()} ${name.trim()}`.trim();
}

/**
 * The name parts per Dutch convention: B "van den Berg", P "Jansen", BP "van den Berg - Jansen",
 * PB "Jansen - van den Berg". A missing partner name falls back to the birth name (and the other
 * way round), so a wrong convention code never leaves an account without a surname.
 */
export function nameParts(name: PersonName): NameParts {
  const givenName = name.nickname.trim() || name.givenName.trim();
  const birth = joinName(name.familyNamePrefix, name.familyName);
  const partner = joinName(name.partnerNamePrefix, name.partnerName);
  const both = (a: string, b: string): string => (a && b ? `${a} - ${b}` : a || b);
  let sn: string;
  let logonFamilyName: string;
  switch (name.convention) {
    case 'B':
      sn = birth || partner;
      logonFamilyName = sn;
      break;
    case 'P':
      sn = partner || birth;
      logonFamilyName = sn;
      break;
    case 'BP':
      sn = both(birth, partner);
      logonFamilyName = birth || partner;
      break;
    case 'PB':
      sn = both(partner, birth);
      logonFamilyName = partner || birth;
      break;
    default:
      return assertNever(name.convention);
  }
  return {
    givenName,
    sn,
    displayName: `${givenName} ${sn}`.trim(),
    initials: name.initials.replace(/[.\s]/g, '').slice(0, 6),
    logonFamilyName,
  };
}

// Letters that NFD does not split into base + mark.
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ĳ: 'ij',
};

/**
 * A name reduced to what a logon name may hold: lower case, diacritics removed (Zoë gives zoe),
 * spaces and everything but a-z, 0-9, ".", "-" and "_" dropped ("van den Berg" gives "vandenberg").
 */
export function logonPart(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9._-]/g, (ch) => SPECIAL_LETTERS[ch] ?? '');
}

// AD refuses a logon name ending in a period; a cut can leave one (or a dangling "-").
function cutLogon(base: string, suffix: string): string {
  return base.slice(0, SAM_MAX_LENGTH - suffix.length).replace(/[.\-_]+$/, '') + suffix;
}

/**
 * sAMAccountName candidates, lazily, in order: f.last, first.last, f.last2, f.last3, … up to
 * {@link MAX_NAME_SUFFIX}; f is the first letter of the given name, first the whole given name,
 * last the logon family name. The name part is cut so the whole is at most 20 characters.
 * Duplicates (a one-letter given name) are skipped. Yields nothing when both parts are empty.
 */
export function* samAccountNameCandidates(givenName: string, familyName: string): Generator<string, void, undefined> {
  const first = logonPart(givenName).replace(/^[.\-_]+/, '');
  const last = logonPart(familyName).replace(/^[.\-_]+/, '');
  let short: string;
  let long: string;
  if (first && last) {
    short = `${first[0]}.${last}`;
    long = `${first}.${last}`;
  } else if (first || last) {
    short = long = first || last;
  } else {
    return;
  }
  const seen = new Set<string>();
  const emit = (candidate: string): boolean => {
    if (candidate === '' || seen.has(candidate)) return false;
    seen.add(candidate);
    return true;
  };
  for (const candidate of [cutLogon(short, ''), cutLogon(long, '')]) if (emit(candidate)) yield candidate;
  for (let n = 2; n <= MAX_NAME_SUFFIX; n++) {
    const candidate = cutLogon(short, String(n));
    if (emit(candidate)) yield candidate;
  }
}

/** A CN for the `n`th holder of `base` in one OU: "Jan Jansen", "Jan Jansen 2", …; at most 64 characters. */
export function cnWithSuffix(base: string, n: number): string {
  const clean = base.replace(/\s+/g, ' ').trim();
  if (n <= 1) return clean.slice(0, CN_MAX_LENGTH).trimEnd();
  const suffix = ` ${n}`;
  return clean.slice(0, CN_MAX_LENGTH - suffix.length).trimEnd() + suffix;
}

/** True when `cn` is `base` or one of its numbered variants ("Jan Jansen 3"). */
export function isCnVariantOf(cn: string, base: string): boolean {
  if (cn === cnWithSuffix(base, 1)) return true;
  const m = / (\d+)$/.exec(cn);
  if (!m) return false;
  const n = Number(m[1]);
  return n >= 2 && String(n) === m[1] && cn === cnWithSuffix(base, n);
}

/** The three logon names kept in step. */
export interface LogonNames {
  readonly sAMAccountName: string;
  readonly userPrincipalName: string;
  readonly mail: string;
}

/** The UPN and mail that go with a sAMAccountName. */
export function logonNames(sAMAccountName: string, domains: { readonly upnSuffix: string; readonly mailDomain: string }): LogonNames {
  return {
    sAMAccountName,
    userPrincipalName: `${sAMAccountName}@${domains.upnSuffix}`,
    mail: `${sAMAccountName}@${domains.mailDomain}`,
  };
}

/**
 * The SMTP addresses among Exchange proxyAddresses values (`SMTP:` marks the primary, `smtp:` an alias; `X500:`,
 * `SIP:` and others are not mail addresses and are left out).
 */
export function smtpAddresses(proxyAddresses: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of proxyAddresses) {
    if (value.length > 5 && value.slice(0, 5).toLowerCase() === 'smtp:') out.push(value.slice(5));
  }
  return out;
}

/** Names held by directory entries other than user accounts. */
export interface OtherNames {
  readonly sAMAccountNames?: readonly string[];
  /** UPN and mail values. */
  readonly addresses?: readonly string[];
}

/**
 * Every name in use in the directory and every name this plan has handed out. sAMAccountNames,
 * and UPN + mail addresses (one namespace, since both are addresses people type), are taken across
 * ALL accounts read, managed or not; CNs are taken per OU. All compare case-insensitively. Names are
 * only ever added: a name freed by a move in this plan is not handed out again in the same plan,
 * since apply runs creates before moves.
 */
export class NameRegistry {
  private readonly sams = new Set<string>();
  private readonly addresses = new Set<string>();
  private readonly cns = new Map<string, Set<string>>();

  /**
   * A registry holding the names of `accounts`, plus the names held by other entries (groups and computers
   * share the sAMAccountName namespace with users; contacts and groups hold mail addresses).
   */
  static fromAccounts(accounts: readonly AdAccount[], other: OtherNames = {}): NameRegistry {
    const registry = new NameRegistry();
    for (const account of accounts) registry.addAccount(account);
    for (const sam of other.sAMAccountNames ?? []) registry.sams.add(sam.toLowerCase());
    for (const address of other.addresses ?? []) registry.addresses.add(address.toLowerCase());
    return registry;
  }

  /** Records the names an existing account holds. */
  addAccount(account: AdAccount): void {
    this.sams.add(account.sAMAccountName.toLowerCase());
    for (const address of [account.userPrincipalName, account.mail, ...smtpAddresses(account.proxyAddresses)]) {
      if (address) this.addresses.add(address.toLowerCase());
    }
    this.reserveCn(parentKey(account.dn), account.cn);
  }

  /** True when a sAMAccountName is held by any account or reservation. */
  isSamTaken(sam: string): boolean {
    return this.sams.has(sam.toLowerCase());
  }

  /** True when an address is held as UPN or mail by any account or reservation. */
  isAddressTaken(address: string): boolean {
    return this.addresses.has(address.toLowerCase());
  }

  /** True when none of the three names is taken. */
  isLogonFree(names: LogonNames): boolean {
    return !this.isSamTaken(names.sAMAccountName) && !this.isAddressTaken(names.userPrincipalName) && !this.isAddressTaken(names.mail);
  }

  /** Marks the three names as taken. */
  reserveLogon(names: LogonNames): void {
    this.sams.add(names.sAMAccountName.toLowerCase());
    this.addresses.add(names.userPrincipalName.toLowerCase());
    this.addresses.add(names.mail.toLowerCase());
  }

  /** Marks one address as taken (a UPN or mail filled in on an existing account). */
  reserveAddress(address: string): void {
    this.addresses.add(address.toLowerCase());
  }

  /**
   * The first candidate whose sAMAccountName, UPN and mail are all free, reserved; null when the
   * candidates run out.
   */
  pickLogon(
    candidates: Iterable<string>,
    domains: { readonly upnSuffix: string; readonly mailDomain: string },
  ): LogonNames | null {
    for (const sam of candidates) {
      const names = logonNames(sam, domains);
      if (this.isLogonFree(names)) {
        this.reserveLogon(names);
        return names;
      }
    }
    return null;
  }

  /** True when `cn` is taken in the OU `ouDn`. */
  isCnTaken(ouDn: string, cn: string): boolean {
    return this.cns.get(this.ouKey(ouDn))?.has(cn.toLowerCase()) ?? false;
  }

  /** Marks `cn` as taken in `ouDn`. */
  reserveCn(ouDn: string, cn: string): void {
    const key = this.ouKey(ouDn);
    let set = this.cns.get(key);
    if (set === undefined) {
      set = new Set();
      this.cns.set(key, set);
    }
    set.add(cn.toLowerCase());
  }

  /**
   * The first of `base`, `base 2`, `base 3`, … free in `ouDn`, reserved; null when all up to
   * {@link MAX_NAME_SUFFIX} are taken.
   */
  pickCn(ouDn: string, base: string): string | null {
    for (let n = 1; n <= MAX_NAME_SUFFIX; n++) {
      const cn = cnWithSuffix(base, n);
      if (cn !== '' && !this.isCnTaken(ouDn, cn)) {
        this.reserveCn(ouDn, cn);
        return cn;
      }
    }
    return null;
  }

  // Parsing a DN is the costly part of a CN check, and a preview asks about the same few OUs
  // tens of thousands of times.
  private readonly ouKeys = new Map<string, string>();

  private ouKey(ouDn: string): string {
    let key = this.ouKeys.get(ouDn);
    if (key === undefined) {
      key = normaliseDn(ouDn);
      this.ouKeys.set(ouDn, key);
    }
    return key;
  }
}
