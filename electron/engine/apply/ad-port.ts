import type { AdAccount } from '../model/ad-account';

/** One attribute write: replace with `values`, or remove the attribute when `values` is null. */
export interface AttributeWrite {
  readonly attribute: string;
  readonly values: readonly string[] | null;
}

/**
 * What apply needs from Active Directory. The ldapts adapter implements it against a real DC; a
 * unit test of pure apply logic may implement it in memory. Every method throws a typed
 * directory error on failure.
 */
export interface AdWritePort {
  /** Every user account under the managed base, as it is now. */
  readAccounts(): Promise<readonly AdAccount[]>;
  /**
   * Add a user, disabled, with its initial password and "must change at next logon", in one
   * operation: a crash can never leave an account without a password behind.
   */
  addUser(dn: string, attributes: Readonly<Record<string, string>>, password: string): Promise<void>;
  modifyAttributes(dn: string, writes: readonly AttributeWrite[]): Promise<void>;
  /** Set or clear ACCOUNTDISABLE, keeping the other userAccountControl bits. */
  setEnabled(dn: string, enabled: boolean): Promise<void>;
  /** Rename and/or move to `newDn`. */
  move(dn: string, newDn: string): Promise<void>;
  deleteEntry(dn: string): Promise<void>;
  addGroupMember(groupDn: string, memberDn: string): Promise<void>;
  removeGroupMember(groupDn: string, memberDn: string): Promise<void>;
}
