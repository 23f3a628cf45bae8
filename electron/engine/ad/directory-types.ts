import type { AdAccount } from '../model/ad-account';

/**
 * Types of the Active Directory port: what the engine reads from and writes to a directory. The ldapts
 * adapter ({@link LdapDirectory} in `directory.ts`) implements {@link Directory}; planners and tests can
 * depend on the interface alone.
 */

/** How to reach and bind to a domain controller. Only TLS-protected transports are accepted. */
export interface DirectoryConnectionConfig {
  /**
   * `ldaps://host[:636]`, or `ldap://host[:389]`, which then always upgrades with StartTLS before binding.
   * Any other scheme is refused.
   */
  readonly url: string;
  /** DN (or UPN / `DOMAIN\user`) of the service account. */
  readonly bindDn: string;
  /** Password of the service account. Never logged and never put into an error message. */
  readonly bindPassword: string;
  /** PEM file with the CA certificate(s) the DC's certificate must chain to. Required: no unverified TLS. */
  readonly caFile: string;
  /**
   * Host name to verify the certificate against (and send as SNI) when it differs from the URL's host, e.g.
   * `DC1.test.local` when connecting to `127.0.0.1`.
   */
  readonly tlsServerName?: string;
  /** Per-operation and connect timeout in milliseconds. Default 30 000. */
  readonly timeoutMs?: number;
  /**
   * Entries per page for account searches. Default 1000 (the AD `MaxPageSize`). `0` searches unpaged, which
   * is 3-4x faster on Samba but fails on Windows AD as soon as a search matches more than 1000 entries.
   */
  readonly pageSize?: number;
  /**
   * Connections a read of every account is spread over, each reading a slice of the names (1-4, default 2).
   * A DC serves one search per connection at a time; two let it use a second core for the biggest read.
   */
  readonly readConnections?: number;
  /** Default search base for lookups. Default: the DC's `defaultNamingContext` (read from the root DSE). */
  readonly baseDn?: string;
}

/**
 * A user account as read from the directory: the {@link AdAccount} the engine plans on, plus the
 * decoded enabled flag and any extra attributes the caller asked for. Absent single-valued
 * attributes are `null`; DNs are as the server returned them (compare with `dnEquals`).
 */
export interface DirectoryAccount extends AdAccount {
  /** `true` when the ACCOUNTDISABLE bit (2) of userAccountControl is clear. */
  readonly enabled: boolean;
  /** Extra attributes the caller asked for, keyed by the name as requested; absent attributes map to `[]`. */
  readonly extra: Readonly<Record<string, readonly string[]>>;
}

/** One attribute change: `values: null` (or `[]`) removes the attribute; otherwise its values are replaced. */
export interface AttributeChange {
  readonly attribute: string;
  readonly values: readonly string[] | null;
}

/** Attributes for a new user: attribute name to one value or several. */
export type NewUserAttributes = Readonly<Record<string, string | readonly string[]>>;

/** Options of {@link Directory.addUser}. */
export interface NewUserOptions {
  /** Initial password, sent as unicodePwd in the add itself. Never logged. */
  readonly password?: string;
  /** Force a password change at first logon (pwdLastSet 0). Default true; only used with `password`. */
  readonly mustChange?: boolean;
}

/** Whether a write changed anything; idempotent operations report `unchanged` when already in place. */
export type WriteOutcome = 'changed' | 'unchanged';

/** Facts about the DC, from its root DSE. */
export interface DirectoryServerInfo {
  readonly defaultNamingContext: string;
  readonly dnsHostName: string | null;
  readonly domainFunctionality: number | null;
}

/** Names held outside the user accounts; see {@link Directory.readNamesInUse}. */
export interface NamesInUse {
  readonly sAMAccountNames: readonly string[];
  /** userPrincipalName and mail values. */
  readonly addresses: readonly string[];
}

/** A search hit reduced to the two stable identifiers. */
export interface DirectoryHit {
  readonly dn: string;
  readonly objectGuid: string;
}

/** The directory operations the engine needs. All DNs may be passed in any valid escaping. */
export interface Directory {
  /** Reads the root DSE over the bound connection: proves URL, TLS, CA and credentials work. */
  testConnection(): Promise<DirectoryServerInfo>;
  /** Every user account (objectCategory person, objectClass user) at or below `searchBase`. */
  readAccounts(searchBase: string, extraAttributes?: readonly string[]): Promise<readonly DirectoryAccount[]>;
  /**
   * The logon names and addresses held by entries that are not user accounts (groups, computers and managed
   * service accounts, contacts) at or below `searchBase`. They share the namespace with users: a new account
   * must not take a group's sAMAccountName or a contact's mail address.
   */
  readNamesInUse(searchBase: string): Promise<NamesInUse>;
  /** Those of `attributes` (LDAP display names) the directory's schema does not define. */
  unknownAttributes(attributes: readonly string[]): Promise<readonly string[]>;
  /** Member DNs of a group (direct members; follows AD ranged retrieval for large groups). */
  readGroupMembers(groupDn: string): Promise<readonly string[]>;
  findByGuid(objectGuid: string, extraAttributes?: readonly string[]): Promise<DirectoryAccount | null>;
  findByDn(dn: string, extraAttributes?: readonly string[]): Promise<DirectoryAccount | null>;
  /** All user accounts with this employeeID (more than one means a dispute the planner must report). */
  findByEmployeeId(employeeId: string, searchBase?: string): Promise<readonly DirectoryAccount[]>;
  /**
   * True when any object matches `filter` (build it with `escapeFilter`), ignoring the object whose GUID is
   * `exceptGuid` (the account being renamed).
   */
  searchExists(filter: string, options?: { readonly searchBase?: string; readonly exceptGuid?: string }): Promise<boolean>;
  /**
   * Objects matching `filter`, reduced to DN and GUID. Build filters with `escapeFilter` from a string value;
   * do not hex-escape non-ASCII characters yourself (ldapts decodes `\xx` escapes as Latin-1).
   */
  search(filter: string, searchBase?: string): Promise<readonly DirectoryHit[]>;

  /**
   * Creates a user, always disabled (userAccountControl 514). With `password`, the password is set in the
   * same add request (so a crash can never leave an account without one), and unless `mustChange` is false
   * the user must change it at first logon. Returns the new objectGUID.
   */
  addUser(dn: string, attributes: NewUserAttributes, options?: NewUserOptions): Promise<string>;
  /** Sets the password (over the TLS connection) and, unless `mustChange` is false, forces a change at next logon. */
  setPassword(dn: string, password: string, options?: { readonly mustChange?: boolean }): Promise<void>;
  modifyAttributes(dn: string, changes: readonly AttributeChange[]): Promise<WriteOutcome>;
  /** Sets or clears only the ACCOUNTDISABLE bit of the current userAccountControl. */
  setEnabled(dn: string, enabled: boolean): Promise<WriteOutcome>;
  /** Moves and/or renames in one modifyDN. `newCn` defaults to the current CN. Returns the new DN. */
  move(dn: string, newParentDn: string, newCn?: string): Promise<string>;
  /**
   * Deletes an entry; `subtree` adds the tree-delete control (an OU with everything in it). `unchanged` when
   * the entry did not exist.
   */
  deleteEntry(dn: string, options?: { readonly subtree?: boolean }): Promise<WriteOutcome>;
  addGroupMember(groupDn: string, memberDn: string): Promise<WriteOutcome>;
  removeGroupMember(groupDn: string, memberDn: string): Promise<WriteOutcome>;
  /** Unbinds and closes the connection. The instance reconnects if used again. */
  close(): Promise<void>;
}
