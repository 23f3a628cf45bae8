import type { AdAccount } from '../model/ad-account';
import { cutWithSuffix } from '../policy/name-candidates';
import { cleanText } from '../policy/name-text';
import { CN_MAX_LENGTH } from '../policy/naming-preview';
import { normaliseDn, parentKey } from './naming-dn';

export { CN_MAX_LENGTH, SAM_MAX_LENGTH } from '../policy/naming-preview';
export { MAX_NAME_SUFFIX } from '../policy/name-candidates';

/**
 * A CN for the `n`th holder of `base` in one OU: "Jan Jansen", "Jan Jansen 2", …; at most 64
 * characters, cut by grapheme. Used for accounts parked in the disabled OU, which keep their name.
 */
export function cnWithSuffix(base: string, n: number): string {
  return cutWithSuffix('display', cleanText(base).text, n <= 1 ? '' : ` ${n}`, CN_MAX_LENGTH);
}

/** The three logon names kept in step. */
export interface LogonNames {
  readonly sAMAccountName: string;
  readonly userPrincipalName: string;
  readonly mail: string;
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

/** The names one account holds (logon name; UPN, mail and SMTP proxy addresses), lower case, once each. */
export function namesOfAccount(account: Pick<AdAccount, 'sAMAccountName' | 'userPrincipalName' | 'mail' | 'proxyAddresses'>): Required<OtherNames> {
  const addresses = [account.userPrincipalName, account.mail, ...smtpAddresses(account.proxyAddresses)]
    .flatMap((a) => (a ? [a.toLowerCase()] : []));
  return { sAMAccountNames: account.sAMAccountName ? [account.sAMAccountName.toLowerCase()] : [], addresses: [...new Set(addresses)] };
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
   * share the sAMAccountName namespace with users; contacts and groups hold mail addresses) and the
   * retired names of deleted accounts.
   */
  static fromAccounts(accounts: readonly AdAccount[], ...others: readonly OtherNames[]): NameRegistry {
    const registry = new NameRegistry();
    for (const account of accounts) registry.addAccount(account);
    for (const other of others) {
      for (const sam of other.sAMAccountNames ?? []) registry.sams.add(sam.toLowerCase());
      for (const address of other.addresses ?? []) registry.addresses.add(address.toLowerCase());
    }
    return registry;
  }

  /** Records the names an existing account holds. */
  addAccount(account: AdAccount): void {
    this.sams.add(account.sAMAccountName.toLowerCase());
    // No array of the addresses per account: a registry is built from every account of the domain.
    if (account.userPrincipalName) this.addresses.add(account.userPrincipalName.toLowerCase());
    if (account.mail) this.addresses.add(account.mail.toLowerCase());
    if (account.proxyAddresses.length > 0) {
      for (const address of smtpAddresses(account.proxyAddresses)) if (address) this.addresses.add(address.toLowerCase());
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
