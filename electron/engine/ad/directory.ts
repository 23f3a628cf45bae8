/**
 * The Active Directory adapter: the only code in the product that talks LDAP (ldapts).
 *
 * - One bound connection per instance, opened lazily, re-opened after a drop (see `ldap-session.ts` for why
 *   ldapts' own reconnect is never used). Reads are retried once on a fresh connection; a write whose answer
 *   was lost is reported as failed with an unknown outcome, never blindly repeated.
 * - Only LDAPS, or LDAP upgraded with StartTLS before the bind; the DC's certificate is always verified.
 * - Errors are {@link DirectoryConfigError}, {@link DirectoryConnectionError}, {@link DirectoryReadError} or
 *   {@link DirectoryWriteError}; none of their messages contains a password.
 */
import { AndFilter, Attribute, Change, Control, EqualityFilter, escapeFilter, FilterParser } from 'ldapts';
import type { Client, Entry, Filter, SearchResult } from 'ldapts';
import { resolveDirectoryConfig } from './directory-config';
import type { ResolvedDirectoryConfig } from './directory-config';
import {
  DirectoryConfigError, DirectoryReadError, DirectoryWriteError, explainResultCode, operationVerb, redact,
  writeRefusedMessage, writeRejectedLocallyMessage,
} from './directory-errors';
import type { DirectoryReadOperation, DirectoryWriteOperation } from './directory-errors';
import type {
  AttributeChange, Directory, DirectoryAccount, DirectoryConnectionConfig, DirectoryHit, DirectoryServerInfo, NamesInUse,
  NewUserAttributes, NewUserOptions, WriteOutcome,
} from './directory-types';
import { cnRdn, escapeDnValue, leafValue, parseDn } from './dn';
import { smtpAddresses } from './naming';
import { isResultCodeError, LdapSession, SessionSpentError } from './ldap-session';
import { readPartitions, withinPartition } from './read-partitions';
import {
  encodeUnicodePwd, generalizedTimeToIso, guidToBytes, guidToString, isEnabled, NEW_ACCOUNT_UAC, normaliseGuid,
  passwordContainsAccountName, withEnabled,
} from './ldap-values';

export { escapeFilter };
export type * from './directory-types';
export * from './directory-errors';

/** Filter for user accounts: objectCategory keeps computers (which are objectClass user too) out. */
export const USER_FILTER = '(&(objectCategory=person)(objectClass=user))';

/**
 * Entries other than user accounts that hold logon names or addresses: groups, computers and contacts. By
 * objectClass for the last two: managed service accounts derive from computer, and a contact's objectCategory
 * is person, the same as a user's.
 */
export const OTHER_NAME_HOLDERS_FILTER = '(|(objectCategory=group)(objectClass=computer)(objectClass=contact))';

/** The attributes behind {@link DirectoryAccount}. */
export const ACCOUNT_ATTRIBUTES: readonly string[] = [
  'objectGUID', 'sAMAccountName', 'userPrincipalName', 'mail', 'proxyAddresses', 'cn', 'givenName', 'sn', 'displayName', 'initials',
  'employeeID', 'department', 'title', 'company', 'manager', 'description', 'userAccountControl', 'memberOf',
  'whenChanged',
];

const TREE_DELETE_OID = '1.2.840.113556.1.4.805';
const USER_OBJECT_CLASSES = ['top', 'person', 'organizationalPerson', 'user'];

// Attributes that have their own method (with the checks and secrecy that go with it) or that the server
// owns. Writing them through addUser/modifyAttributes would bypass those.
const RESERVED_ATTRIBUTES: Readonly<Record<string, string>> = {
  objectclass: 'objectClass is set by addUser',
  useraccountcontrol: 'use setEnabled(), which changes only the disabled bit',
  unicodepwd: 'use setPassword()',
  userpassword: 'use setPassword()',
  cn: 'the CN is the name in the DN; use move() to rename',
  name: 'the name follows the DN; use move() to rename',
  distinguishedname: 'the DN changes through move()',
  objectguid: 'the server assigns objectGUID',
  memberof: 'memberOf is maintained by the server; use addGroupMember()',
  pwdlastset: 'use setPassword()',
};

// Characters Windows AD refuses in sAMAccountName (Samba accepts them; the app must not depend on that).
const SAM_FORBIDDEN = /["/\\[\]:;|=,+*?<>@]/;

function toStrings(v: Entry[string] | undefined): string[] {
  if (v === undefined) return [];
  const arr: readonly (string | Buffer)[] = Array.isArray(v) ? v : [v];
  return arr.map((x) => (typeof x === 'string' ? x : x.toString('utf8')));
}

/**
 * Case-insensitive view of a search entry (servers may spell attribute names differently from the request).
 * A name spelled as asked is found directly; the lower-cased index is built only when one is not, which a
 * read of every account (tens of thousands of entries) would otherwise pay for on each entry.
 */
function entryView(entry: Entry): (name: string) => Entry[string] | undefined {
  let byLower: Map<string, Entry[string]> | undefined;
  return (name) => {
    if (Object.hasOwn(entry, name)) return entry[name];
    if (byLower === undefined) {
      byLower = new Map();
      for (const [k, v] of Object.entries(entry)) byLower.set(k.toLowerCase(), v);
    }
    return byLower.get(name.toLowerCase());
  };
}

/** The first value of an attribute as text; null when it has none. */
function firstString(v: Entry[string] | undefined): string | null {
  const first: string | Buffer | undefined = Array.isArray(v) ? v[0] : v;
  if (first === undefined) return null;
  return typeof first === 'string' ? first : first.toString('utf8');
}

function guidOf(v: Entry[string] | undefined): string | null {
  const first = Array.isArray(v) ? v[0] : v;
  if (first === undefined) return null;
  if (Buffer.isBuffer(first)) return first.length === 16 ? guidToString(first) : null;
  return normaliseGuid(first);
}

function toAccount(entry: Entry, extra: readonly string[]): DirectoryAccount | null {
  const get = entryView(entry);
  const one = (name: string): string | null => firstString(get(name));
  const objectGuid = guidOf(get('objectGUID'));
  if (objectGuid === null) return null;
  const uac = Number.parseInt(one('userAccountControl') ?? '', 10);
  const userAccountControl = Number.isFinite(uac) ? uac : 0;
  const whenChanged = one('whenChanged');
  const extraValues: Record<string, readonly string[]> = {};
  for (const name of extra) extraValues[name] = toStrings(get(name));
  return {
    dn: entry.dn,
    objectGuid,
    sAMAccountName: one('sAMAccountName') ?? '',
    userPrincipalName: one('userPrincipalName'),
    mail: one('mail'),
    proxyAddresses: toStrings(get('proxyAddresses')),
    cn: one('cn') ?? leafValue(entry.dn),
    givenName: one('givenName'),
    sn: one('sn'),
    displayName: one('displayName'),
    initials: one('initials'),
    employeeID: one('employeeID'),
    department: one('department'),
    title: one('title'),
    company: one('company'),
    manager: one('manager'),
    description: one('description'),
    userAccountControl,
    enabled: isEnabled(userAccountControl),
    memberOf: toStrings(get('memberOf')),
    whenChanged: whenChanged === null ? null : generalizedTimeToIso(whenChanged),
    extra: extraValues,
  };
}

/**
 * An RDN for ldapts' modifyDN. ldapts splits the new DN at the first comma that does not follow a backslash,
 * so an escaped backslash right before the separator (`CN=Trail\\,OU=...`) would be split in the wrong
 * place; writing backslashes as `\5C` avoids that.
 */
function rdnForModifyDn(commonName: string): string {
  return `CN=${escapeDnValue(commonName).replace(/\\\\/g, '\\5C')}`;
}

function nodeDebugLogsLdapts(): boolean {
  return /(^|[\s,])(ldapts|\*)($|[\s,])/i.test(process.env.NODE_DEBUG ?? '');
}

/** ldapts-based implementation of {@link Directory}. */
export class LdapDirectory implements Directory {
  readonly #cfg: ResolvedDirectoryConfig;
  // Private fields: util.inspect / console.log of the adapter never shows the password.
  readonly #bindPassword: string;
  readonly #config: DirectoryConnectionConfig;
  #session: Promise<LdapSession> | undefined;
  #defaultBase: Promise<string> | undefined;

  /** Validates the configuration (and reads the CA file) at once; connects on first use. */
  constructor(config: DirectoryConnectionConfig) {
    this.#cfg = resolveDirectoryConfig(config);
    this.#bindPassword = config.bindPassword;
    this.#config = config;
  }

  /** The validated URL, e.g. `ldaps://dc1.example.local:636`. */
  get url(): string {
    return this.#cfg.url;
  }

  // ---- connection -------------------------------------------------------------------------------------------

  async #getSession(): Promise<LdapSession> {
    const current = this.#session;
    if (current !== undefined) {
      const s = await current.catch(() => undefined);
      if (s?.usable === true) return s;
      // Only the first caller to notice replaces it; concurrent callers then share the new one.
      if (this.#session === current) {
        this.#session = undefined;
        s?.destroy();
      }
    }
    this.#session ??= LdapSession.open(this.#cfg, this.#bindPassword);
    return this.#session;
  }

  #discard(s: LdapSession): void {
    s.destroy();
  }

  #secrets(extra: readonly string[] = []): readonly string[] {
    return [this.#bindPassword, ...extra];
  }

  async #read<T>(operation: DirectoryReadOperation, dn: string, fn: (c: Client) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      const s = await this.#getSession();
      try {
        return await fn(s.client);
      } catch (e) {
        const raw = redact(e instanceof Error ? e.message : String(e), this.#secrets());
        if (isResultCodeError(e)) {
          throw new DirectoryReadError(operation, dn, e.code,
            `Reading ${dn} failed: ${explainResultCode(e.code, raw, operation)} (LDAP ${e.code}). Server: ${JSON.stringify(raw)}`, raw);
        }
        if (s.usable && !(e instanceof SessionSpentError)) {
          // The connection is fine: a client-side problem that a retry would only repeat.
          throw new DirectoryReadError(operation, dn, null, `Reading ${dn} failed: ${raw}.`);
        }
        this.#discard(s);
        // Reads have no side effects: one retry on a fresh connection covers an idle connection the DC dropped.
        if (attempt === 0) continue;
        throw new DirectoryReadError(operation, dn, null, `Reading ${dn} failed: the connection to ${this.#cfg.url} was lost (${raw}).`);
      }
    }
  }

  async #write<T>(
    operation: DirectoryWriteOperation,
    dn: string,
    fn: (c: Client) => Promise<T>,
    options: { readonly secrets?: readonly string[]; readonly detail?: string } = {},
  ): Promise<T> {
    const secrets = this.#secrets(options.secrets);
    for (let attempt = 0; ; attempt += 1) {
      const s = await this.#getSession();
      try {
        return await fn(s.client);
      } catch (e) {
        const raw = redact(e instanceof Error ? e.message : String(e), secrets);
        if (isResultCodeError(e)) {
          throw new DirectoryWriteError(operation, dn, e.code, writeRefusedMessage(operation, dn, e.code, raw, options.detail), raw);
        }
        if (e instanceof SessionSpentError) {
          // The request was never sent (the socket had already closed): safe to send it on a new connection.
          this.#discard(s);
          if (attempt === 0) continue;
        }
        if (!s.usable) this.#discard(s);
        throw new DirectoryWriteError(operation, dn, null,
          `The connection to the domain controller failed while trying to ${operationVerb(operation)} ${dn}; the change may or may not have been made (${raw}). The next run reads the directory again.`);
      }
    }
  }

  #rejectLocally(operation: DirectoryWriteOperation, dn: string, why: string): never {
    throw new DirectoryWriteError(operation, dn, null, writeRejectedLocallyMessage(operation, dn, why));
  }

  #checkDn(operation: DirectoryWriteOperation, dn: string): void {
    try {
      if (parseDn(dn).length === 0) this.#rejectLocally(operation, dn, 'the DN is empty');
    } catch (e) {
      if (e instanceof DirectoryWriteError) throw e;
      this.#rejectLocally(operation, dn, e instanceof Error ? e.message : 'the DN is not valid');
    }
  }

  #checkPasswordCanBeSent(operation: DirectoryWriteOperation, dn: string, password: string): void {
    if (nodeDebugLogsLdapts()) {
      // ldapts' debug log prints every request it sends, which would include the password bytes.
      throw new DirectoryConfigError('environment', 'Refusing to send a password while NODE_DEBUG includes ldapts: its debug log would contain the password. Unset NODE_DEBUG.');
    }
    if (password.length === 0) this.#rejectLocally(operation, dn, 'the password is empty');
  }

  #checkPasswordAgainstNames(operation: DirectoryWriteOperation, dn: string, password: string, sam?: string, displayName?: string): void {
    // Windows AD's complexity rule refuses these; Samba 4.17 accepts them (feasibility "Samba vs real AD").
    if (passwordContainsAccountName(password, sam, displayName)) {
      this.#rejectLocally(operation, dn, 'the password contains the sAMAccountName or a part of the display name, which Active Directory refuses');
    }
  }

  /**
   * Reads attributes of the entry a write is about to change. A missing entry is reported as the write's
   * failure (LDAP 32), which is what the caller was trying to do.
   */
  async #readBeforeWrite(operation: DirectoryWriteOperation, dn: string, attributes: string[]): Promise<SearchResult> {
    try {
      return await this.#read('read-before-write', dn, (c) => c.search(dn, { scope: 'base', filter: '(objectClass=*)', attributes }));
    } catch (e) {
      if (e instanceof DirectoryReadError && e.code === 32) {
        throw new DirectoryWriteError(operation, dn, 32, writeRefusedMessage(operation, dn, 32, e.serverMessage ?? ''), e.serverMessage);
      }
      throw e;
    }
  }

  async #baseDn(searchBase?: string): Promise<string> {
    if (searchBase !== undefined) return searchBase;
    if (this.#cfg.baseDn !== undefined) return this.#cfg.baseDn;
    this.#defaultBase ??= this.testConnection().then((i) => i.defaultNamingContext);
    try {
      return await this.#defaultBase;
    } catch (e) {
      this.#defaultBase = undefined;
      throw e;
    }
  }

  #searchOptions(): { paged?: { pageSize: number } } {
    return this.#cfg.pageSize > 0 ? { paged: { pageSize: this.#cfg.pageSize } } : {};
  }

  // ---- reads -------------------------------------------------------------------------------------------------

  async testConnection(): Promise<DirectoryServerInfo> {
    return this.#read('root-dse', '(root DSE)', async (c) => {
      const r = await c.search('', { scope: 'base', filter: '(objectClass=*)', attributes: ['defaultNamingContext', 'dnsHostName', 'domainFunctionality'] });
      const e = r.searchEntries[0];
      const get = e === undefined ? () => undefined : entryView(e);
      const nc = toStrings(get('defaultNamingContext'))[0];
      if (nc === undefined) throw new Error('the root DSE has no defaultNamingContext (is this an Active Directory DC?)');
      const level = Number.parseInt(toStrings(get('domainFunctionality'))[0] ?? '', 10);
      return { defaultNamingContext: nc, dnsHostName: toStrings(get('dnsHostName'))[0] ?? null, domainFunctionality: Number.isFinite(level) ? level : null };
    });
  }

  async #searchAccounts(
    operation: DirectoryReadOperation,
    base: string,
    filter: string | Filter,
    extra: readonly string[],
    scope: 'base' | 'sub' = 'sub',
  ): Promise<readonly DirectoryAccount[]> {
    const attributes = [...ACCOUNT_ATTRIBUTES, ...extra.filter((a) => !ACCOUNT_ATTRIBUTES.some((b) => b.toLowerCase() === a.toLowerCase()))];
    const r = await this.#read(operation, base, (c) =>
      c.search(base, { scope, filter, attributes, explicitBufferAttributes: ['objectGUID'], ...(scope === 'sub' ? this.#searchOptions() : {}) }));
    const out: DirectoryAccount[] = [];
    for (const entry of r.searchEntries) {
      const a = toAccount(entry, extra);
      if (a !== null) out.push(a);
    }
    return out;
  }

  async readAccounts(searchBase: string, extraAttributes: readonly string[] = []): Promise<readonly DirectoryAccount[]> {
    const slices = readPartitions(this.#cfg.readConnections);
    if (slices.length === 1) return this.#searchAccounts('read-accounts', searchBase, USER_FILTER, extraAttributes);
    // The first slice on this connection, every other one on a connection of its own, closed afterwards.
    const helpers = slices.slice(1).map(() => new LdapDirectory({ ...this.#config, readConnections: 1 }));
    const readers: LdapDirectory[] = [this, ...helpers];
    try {
      const results = await Promise.allSettled(slices.map((slice, i) =>
        (readers[i] ?? this).#searchAccounts('read-accounts', searchBase, withinPartition(USER_FILTER, slice), extraAttributes)));
      const accounts: DirectoryAccount[] = [];
      // An entry renamed between two slice reads could show up in both; it is one account.
      const seen = new Set<string>();
      for (const result of results) {
        if (result.status === 'rejected') throw result.reason;
        for (const account of result.value) {
          if (seen.has(account.objectGuid)) continue;
          seen.add(account.objectGuid);
          accounts.push(account);
        }
      }
      return accounts;
    } finally {
      await Promise.all(helpers.map((h) => h.close()));
    }
  }

  async readNamesInUse(searchBase: string): Promise<NamesInUse> {
    const r = await this.#read('read-accounts', searchBase, (c) =>
      c.search(searchBase, { scope: 'sub', filter: OTHER_NAME_HOLDERS_FILTER, attributes: ['sAMAccountName', 'userPrincipalName', 'mail', 'proxyAddresses'], ...this.#searchOptions() }));
    const sAMAccountNames: string[] = [];
    const addresses: string[] = [];
    for (const entry of r.searchEntries) {
      const get = entryView(entry);
      sAMAccountNames.push(...toStrings(get('sAMAccountName')));
      addresses.push(...toStrings(get('userPrincipalName')), ...toStrings(get('mail')), ...smtpAddresses(toStrings(get('proxyAddresses'))));
    }
    return { sAMAccountNames, addresses };
  }

  async readGroupMembers(groupDn: string): Promise<readonly string[]> {
    return this.#read('read-group-members', groupDn, async (c) => {
      const members: string[] = [];
      let attribute = 'member';
      // Windows AD returns at most MaxValRange (1500) values per request as `member;range=0-1499`; ask for the
      // next slice until the server marks the last one with `*`.
      for (;;) {
        const r = await c.search(groupDn, { scope: 'base', filter: '(objectClass=group)', attributes: [attribute] });
        const e = r.searchEntries[0];
        if (e === undefined) throw new Error(`${groupDn} is not a group`);
        const rangedKey = Object.keys(e).find((k) => /^member;range=/i.test(k));
        if (rangedKey === undefined) {
          members.push(...toStrings(entryView(e)('member')));
          return members;
        }
        members.push(...toStrings(e[rangedKey]));
        const end = /range=\d+-(\*|\d+)$/i.exec(rangedKey)?.[1];
        if (end === undefined || end === '*') return members;
        attribute = `member;range=${Number(end) + 1}-*`;
      }
    });
  }

  async unknownAttributes(attributes: readonly string[]): Promise<readonly string[]> {
    if (attributes.length === 0) return [];
    const schemaNc = await this.#read('root-dse', '(root DSE)', async (c) => {
      const r = await c.search('', { scope: 'base', filter: '(objectClass=*)', attributes: ['schemaNamingContext'] });
      const e = r.searchEntries[0];
      const nc = toStrings(e === undefined ? undefined : entryView(e)('schemaNamingContext'))[0];
      if (nc === undefined) throw new Error('the root DSE has no schemaNamingContext (is this an Active Directory DC?)');
      return nc;
    });
    const filter = `(&(objectClass=attributeSchema)(|${attributes.map((a) => escapeFilter`(lDAPDisplayName=${a})`).join('')}))`;
    const r = await this.#read('search', schemaNc, (c) => c.search(schemaNc, { scope: 'one', filter, attributes: ['lDAPDisplayName'] }));
    const known = new Set(r.searchEntries.flatMap((e) => toStrings(entryView(e)('lDAPDisplayName')).map((n) => n.toLowerCase())));
    return attributes.filter((a) => !known.has(a.toLowerCase()));
  }

  async findByGuid(objectGuid: string, extraAttributes: readonly string[] = []): Promise<DirectoryAccount | null> {
    if (normaliseGuid(objectGuid) === null) {
      throw new DirectoryReadError('find', objectGuid, null, `Cannot look up ${JSON.stringify(objectGuid)}: it is not a GUID.`);
    }
    const base = await this.#baseDn();
    // A filter object, not escapeFilter: ldapts parses `\xx` escapes in filter strings as Latin-1 characters
    // and re-encodes them as UTF-8, which corrupts every GUID byte >= 0x80.
    const filter = new AndFilter({
      filters: [FilterParser.parseString(USER_FILTER), new EqualityFilter({ attribute: 'objectGUID', value: guidToBytes(objectGuid) })],
    });
    const found = await this.#searchAccounts('find', base, filter, extraAttributes);
    return found[0] ?? null;
  }

  async findByDn(dn: string, extraAttributes: readonly string[] = []): Promise<DirectoryAccount | null> {
    try {
      const found = await this.#searchAccounts('find', dn, USER_FILTER, extraAttributes, 'base');
      return found[0] ?? null;
    } catch (e) {
      if (e instanceof DirectoryReadError && e.code === 32) return null;
      throw e;
    }
  }

  async findByEmployeeId(employeeId: string, searchBase?: string): Promise<readonly DirectoryAccount[]> {
    const base = await this.#baseDn(searchBase);
    return this.#searchAccounts('find', base, escapeFilter`(&(objectCategory=person)(objectClass=user)(employeeID=${employeeId}))`, []);
  }

  async search(filter: string, searchBase?: string): Promise<readonly DirectoryHit[]> {
    const base = await this.#baseDn(searchBase);
    try {
      FilterParser.parseString(filter);
    } catch (e) {
      throw new DirectoryReadError('search', base, null, `The search filter ${JSON.stringify(filter)} is not valid: ${e instanceof Error ? e.message : String(e)}. Build filters with escapeFilter.`);
    }
    const r = await this.#read('search', base, (c) =>
      c.search(base, { scope: 'sub', filter, attributes: ['objectGUID'], explicitBufferAttributes: ['objectGUID'], ...this.#searchOptions() }));
    const hits: DirectoryHit[] = [];
    for (const e of r.searchEntries) {
      const guid = guidOf(entryView(e)('objectGUID'));
      if (guid !== null) hits.push({ dn: e.dn, objectGuid: guid });
    }
    return hits;
  }

  async searchExists(filter: string, options: { readonly searchBase?: string; readonly exceptGuid?: string } = {}): Promise<boolean> {
    const except = options.exceptGuid === undefined ? null : normaliseGuid(options.exceptGuid);
    const hits = await this.search(filter, options.searchBase);
    return hits.some((h) => h.objectGuid !== except);
  }

  // ---- writes ------------------------------------------------------------------------------------------------

  async addUser(dn: string, attributes: NewUserAttributes, options: NewUserOptions = {}): Promise<string> {
    this.#checkDn('add', dn);
    const record: Attribute[] = [];
    let sam: string | undefined;
    for (const [name, value] of Object.entries(attributes)) {
      const reserved = RESERVED_ATTRIBUTES[name.toLowerCase()];
      if (reserved !== undefined) this.#rejectLocally('add', dn, `${name} cannot be set here: ${reserved}`);
      const values = typeof value === 'string' ? [value] : [...value];
      if (name.toLowerCase() === 'samaccountname') sam = values[0];
      if (values.length > 0) record.push(new Attribute({ type: name, values }));
    }
    if (sam === undefined || sam.length === 0) this.#rejectLocally('add', dn, 'a sAMAccountName is required');
    // Rules Windows AD enforces and Samba does not (feasibility "Samba vs real AD"): check them here, so that
    // what passes against the test DC also passes in production.
    if (sam.length > 20) this.#rejectLocally('add', dn, `the sAMAccountName '${sam}' has ${sam.length} characters; Active Directory allows at most 20`);
    if (SAM_FORBIDDEN.test(sam) || sam.endsWith('.')) {
      this.#rejectLocally('add', dn, `the sAMAccountName '${sam}' contains a character Active Directory does not allow (" / \\ [ ] : ; | = , + * ? < > @ or a trailing dot)`);
    }
    const cn = leafValue(dn);
    if (cn.length > 64) this.#rejectLocally('add', dn, `the CN has ${cn.length} characters; Active Directory allows at most 64`);

    record.push(
      new Attribute({ type: 'objectClass', values: [...USER_OBJECT_CLASSES] }),
      // Disabled and "normal account", without PASSWD_NOTREQD (AD's default 546 would keep that bit after enabling).
      new Attribute({ type: 'userAccountControl', values: [String(NEW_ACCOUNT_UAC)] }),
    );
    const secrets: string[] = [];
    if (options.password !== undefined) {
      this.#checkPasswordCanBeSent('add', dn, options.password);
      const displayName = Object.entries(attributes).find(([k]) => k.toLowerCase() === 'displayname')?.[1];
      this.#checkPasswordAgainstNames('add', dn, options.password, sam, typeof displayName === 'string' ? displayName : displayName?.[0]);
      secrets.push(options.password);
      record.push(new Attribute({ type: 'unicodePwd', values: [encodeUnicodePwd(options.password)] }));
      if (options.mustChange !== false) record.push(new Attribute({ type: 'pwdLastSet', values: ['0'] }));
    }
    await this.#write('add', dn, (c) => c.add(dn, record), { secrets });
    const created = await this.#read('read-before-write', dn, (c) =>
      c.search(dn, { scope: 'base', filter: '(objectClass=*)', attributes: ['objectGUID'], explicitBufferAttributes: ['objectGUID'] }));
    const guid = guidOf(created.searchEntries[0] === undefined ? undefined : entryView(created.searchEntries[0])('objectGUID'));
    if (guid === null) throw new DirectoryReadError('read-before-write', dn, null, `${dn} was created but its objectGUID could not be read back.`);
    return guid;
  }

  async setPassword(dn: string, password: string, options: { readonly mustChange?: boolean } = {}): Promise<void> {
    this.#checkDn('set-password', dn);
    this.#checkPasswordCanBeSent('set-password', dn, password);
    const current = (await this.#readBeforeWrite('set-password', dn, ['sAMAccountName', 'displayName'])).searchEntries[0];
    const get = current === undefined ? () => undefined : entryView(current);
    this.#checkPasswordAgainstNames('set-password', dn, password, toStrings(get('sAMAccountName'))[0], toStrings(get('displayName'))[0]);
    const changes = [new Change({ operation: 'replace', modification: new Attribute({ type: 'unicodePwd', values: [encodeUnicodePwd(password)] }) })];
    if (options.mustChange !== false) {
      // In the same request, after the password: setting the password stamps pwdLastSet with "now", and 0
      // then marks it as expired, so the user must choose a new one at the next logon.
      changes.push(new Change({ operation: 'replace', modification: new Attribute({ type: 'pwdLastSet', values: ['0'] }) }));
    }
    await this.#write('set-password', dn, (c) => c.modify(dn, changes), { secrets: [password] });
  }

  async modifyAttributes(dn: string, changes: readonly AttributeChange[]): Promise<WriteOutcome> {
    this.#checkDn('modify', dn);
    if (changes.length === 0) return 'unchanged';
    const seen = new Set<string>();
    const ldapChanges = changes.map((ch) => {
      const key = ch.attribute.toLowerCase();
      const reserved = RESERVED_ATTRIBUTES[key];
      if (reserved !== undefined) this.#rejectLocally('modify', dn, `${ch.attribute} cannot be changed here: ${reserved}`);
      if (seen.has(key)) this.#rejectLocally('modify', dn, `${ch.attribute} appears twice in one change set`);
      seen.add(key);
      // replace with no values deletes the attribute and, unlike delete, succeeds when it is already absent.
      return new Change({ operation: 'replace', modification: new Attribute({ type: ch.attribute, values: ch.values === null ? [] : [...ch.values] }) });
    });
    await this.#write('modify', dn, (c) => c.modify(dn, ldapChanges), { detail: changes.map((c) => c.attribute).join(', ') });
    return 'changed';
  }

  async setEnabled(dn: string, enabled: boolean): Promise<WriteOutcome> {
    this.#checkDn(enabled ? 'enable' : 'disable', dn);
    const operation: DirectoryWriteOperation = enabled ? 'enable' : 'disable';
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const r = await this.#readBeforeWrite(operation, dn, ['userAccountControl']);
      const entry = r.searchEntries[0];
      const current = Number.parseInt(toStrings(entry === undefined ? undefined : entryView(entry)('userAccountControl'))[0] ?? '', 10);
      if (!Number.isFinite(current)) this.#rejectLocally(operation, dn, 'it is not a user account (no userAccountControl)');
      const next = withEnabled(current, enabled);
      if (next === current) return 'unchanged';
      try {
        // Delete the value we read and add the new one in one request: if someone changed the flags in the
        // meantime, the delete fails (16) instead of overwriting their change, and we read again.
        await this.#write(operation, dn, (c) => c.modify(dn, [
          new Change({ operation: 'delete', modification: new Attribute({ type: 'userAccountControl', values: [String(current)] }) }),
          new Change({ operation: 'add', modification: new Attribute({ type: 'userAccountControl', values: [String(next)] }) }),
        ]));
        return 'changed';
      } catch (e) {
        if (e instanceof DirectoryWriteError && e.code === 16) continue;
        throw e;
      }
    }
    return this.#rejectLocally(operation, dn, 'userAccountControl kept changing while it was being updated; try again');
  }

  async move(dn: string, newParentDn: string, newCn?: string): Promise<string> {
    this.#checkDn('move', dn);
    this.#checkDn('move', newParentDn);
    const cn = newCn ?? leafValue(dn);
    if (cn.length === 0) this.#rejectLocally('move', dn, 'the new CN is empty');
    if (cn.length > 64) this.#rejectLocally('move', dn, `the new CN has ${cn.length} characters; Active Directory allows at most 64`);
    const target = `${cnRdn(cn)},${newParentDn}`;
    await this.#write('move', dn, (c) => c.modifyDN(dn, `${rdnForModifyDn(cn)},${newParentDn}`), { detail: `to ${target}` });
    return target;
  }

  async deleteEntry(dn: string, options: { readonly subtree?: boolean } = {}): Promise<WriteOutcome> {
    this.#checkDn('delete', dn);
    const controls = options.subtree === true ? [new Control(TREE_DELETE_OID, { critical: true })] : [];
    try {
      await this.#write('delete', dn, (c) => c.del(dn, controls));
      return 'changed';
    } catch (e) {
      // Already gone (32 noSuchObject): the desired state holds.
      if (e instanceof DirectoryWriteError && e.code === 32) return 'unchanged';
      throw e;
    }
  }

  async addGroupMember(groupDn: string, memberDn: string): Promise<WriteOutcome> {
    this.#checkDn('add-member', groupDn);
    this.#checkDn('add-member', memberDn);
    try {
      await this.#write('add-member', groupDn, (c) =>
        c.modify(groupDn, new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [memberDn] }) })),
      { detail: `member ${memberDn}` });
      return 'changed';
    } catch (e) {
      // Already a member: AD and Samba answer 68 (entryAlreadyExists); other servers use 20 (attributeOrValueExists).
      if (e instanceof DirectoryWriteError && (e.code === 68 || e.code === 20)) return 'unchanged';
      throw e;
    }
  }

  async removeGroupMember(groupDn: string, memberDn: string): Promise<WriteOutcome> {
    this.#checkDn('remove-member', groupDn);
    this.#checkDn('remove-member', memberDn);
    try {
      await this.#write('remove-member', groupDn, (c) =>
        c.modify(groupDn, new Change({ operation: 'delete', modification: new Attribute({ type: 'member', values: [memberDn] }) })),
      { detail: `member ${memberDn}` });
      return 'changed';
    } catch (e) {
      if (!(e instanceof DirectoryWriteError)) throw e;
      // Not a member: 16 (noSuchAttribute) from most servers; Samba and Windows AD answer 53 (unwillingToPerform),
      // which also covers real refusals, so confirm with a read before calling it done.
      if (e.code === 16) return 'unchanged';
      if (e.code === 53) {
        const stillMember = await this.#read('read-before-write', groupDn, (c) =>
          c.search(groupDn, { scope: 'base', filter: escapeFilter`(member=${memberDn})`, attributes: ['1.1'] }));
        if (stillMember.searchEntries.length === 0) return 'unchanged';
      }
      throw e;
    }
  }

  async close(): Promise<void> {
    const current = this.#session;
    this.#session = undefined;
    const s = await current?.catch(() => undefined);
    await s?.close();
  }
}
