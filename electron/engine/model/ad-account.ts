/**
 * A user account as read from Active Directory: the attributes the engine reads, decides on and
 * writes. DNs are as the directory returned them; compare them with the helpers in `ad/dn`, never
 * as raw strings (Samba rewrites some escapes).
 */
export interface AdAccount {
  readonly dn: string;
  /** Canonical lower-case GUID string: the identity that survives renames and moves. */
  readonly objectGuid: string;
  readonly sAMAccountName: string;
  readonly userPrincipalName: string | null;
  readonly mail: string | null;
  /** Exchange addresses (`SMTP:primary`, `smtp:alias`, `X500:…`); their SMTP addresses count for uniqueness. */
  readonly proxyAddresses: readonly string[];
  readonly cn: string;
  readonly givenName: string | null;
  readonly sn: string | null;
  readonly displayName: string | null;
  readonly initials: string | null;
  readonly employeeID: string | null;
  readonly department: string | null;
  readonly title: string | null;
  readonly company: string | null;
  /** DN of the manager's account, or null. */
  readonly manager: string | null;
  readonly description: string | null;
  readonly userAccountControl: number;
  /** DNs of the groups the account is a direct member of. */
  readonly memberOf: readonly string[];
  readonly whenChanged: string | null;
  /**
   * Values of the mapped attributes (`ad.attributes`) as read, by lower-case attribute name; null
   * when the account has none. Absent when no attribute is mapped.
   */
  readonly mapped?: Readonly<Record<string, string | null>>;
}

/** The value `account` has for a mapped attribute (null when it has none or it was not read). */
export function mappedValue(account: Pick<AdAccount, 'mapped'>, attribute: string): string | null {
  return account.mapped?.[attribute.toLowerCase()] ?? null;
}

/** userAccountControl bit for ACCOUNTDISABLE. */
export const UAC_ACCOUNT_DISABLE = 0x2;

/** True when the account's ACCOUNTDISABLE bit is clear. */
export function isEnabled(account: Pick<AdAccount, 'userAccountControl'>): boolean {
  return (account.userAccountControl & UAC_ACCOUNT_DISABLE) === 0;
}
