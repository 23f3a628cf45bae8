// The ldapts adapter against a real Samba AD DC (started by build/test-global-setup.ts). Everything this file
// creates lives in its own OU, which afterAll tree-deletes; the shared fixture tree is only read.
import net from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Client } from 'ldapts';
import { Attribute, Change } from 'ldapts';
import {
  DirectoryConfigError, DirectoryConnectionError, DirectoryWriteError, escapeFilter, LdapDirectory,
} from './directory';
import type { DirectoryConnectionConfig } from './directory';
import { childDn, dnEquals, isUnder, leafValue, parentDn } from './dn';
import { addGroup, addOu, treeDelete, withRawClient } from './ldap-fixture';

const ctx = inject('samba');
const base: DirectoryConnectionConfig = {
  url: ctx.url, bindDn: ctx.bindDn, bindPassword: ctx.bindPassword, caFile: ctx.caFile, tlsServerName: ctx.tlsServerName,
  timeoutMs: 15_000,
};
const sandbox = `OU=hrp-t-directory,${ctx.baseDn}`;
const ouA = `OU=A,${sandbox}`;
const ouB = `OU=B,${sandbox}`;
const group = `CN=T Directory Group,${sandbox}`;
const upn = (sam: string): string => `${sam}@${ctx.upnSuffix}`;
// Meets the complexity rule (3 of 4 classes) and the default minimum length of 7.
const GOOD_PASSWORD = 'Vx7!kQ2#mLp9';

let dir: LdapDirectory;
let seq = 0;
/** A fresh sAMAccountName per user, well under 20 characters. */
const sam = (): string => `tdir${(seq += 1)}`;

async function raw<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  return withRawClient(base, fn);
}

beforeAll(async () => {
  await raw(async (c) => {
    await treeDelete(c, sandbox);
    await addOu(c, sandbox);
    await addOu(c, ouA);
    await addOu(c, ouB);
    await addGroup(c, group, 'tdir-group');
  });
  dir = new LdapDirectory(base);
});

afterAll(async () => {
  await dir.close();
  await raw((c) => treeDelete(c, sandbox));
});

/** Catches the rejection of `p` and returns the error, failing when `p` resolves. */
async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

describe('connecting', () => {
  it('binds over LDAPS with full certificate verification', async () => {
    const info = await dir.testConnection();
    expect(info.defaultNamingContext).toBe(ctx.baseDn);
    expect(info.dnsHostName?.toLowerCase()).toBe('dc1.test.local');
  });

  it('binds over ldap:// only after StartTLS, and can set a password there', async () => {
    const st = new LdapDirectory({ ...base, url: ctx.startTlsUrl });
    try {
      expect((await st.testConnection()).defaultNamingContext).toBe(ctx.baseDn);
      const dn = childDn('StartTLS User', ouA);
      await st.addUser(dn, { sAMAccountName: sam() });
      // unicodePwd is refused on an unencrypted connection: this proves the session is really encrypted.
      await st.setPassword(dn, GOOD_PASSWORD);
      await st.deleteEntry(dn);
    } finally {
      await st.close();
    }
  });

  it('refuses a certificate that does not chain to the configured CA', async () => {
    const wrong = new LdapDirectory({ ...base, caFile: '/etc/ssl/certs/ca-certificates.crt' });
    const e = await failure(wrong.testConnection());
    expect(e).toBeInstanceOf(DirectoryConnectionError);
    expect((e as DirectoryConnectionError).reason).toBe('tls-verification');
    expect(e.message).toContain('could not be verified against the CA in /etc/ssl/certs/ca-certificates.crt');
    await wrong.close();

    const st = new LdapDirectory({ ...base, url: ctx.startTlsUrl, caFile: '/etc/ssl/certs/ca-certificates.crt' });
    const e2 = await failure(st.testConnection());
    expect((e2 as DirectoryConnectionError).reason).toBe('tls-verification');
    await st.close();
  });

  it('refuses a certificate issued for another host name', async () => {
    const noName = new LdapDirectory({ ...base, tlsServerName: undefined });
    const e = await failure(noName.testConnection());
    expect((e as DirectoryConnectionError).reason).toBe('tls-hostname');
    expect(e.message).toContain('Set the TLS server name');
    await noName.close();
  });

  it('explains a rejected bind without echoing the password', async () => {
    const badPassword = 'Wrong-Secret-123!';
    const bad = new LdapDirectory({ ...base, bindPassword: badPassword });
    const e = await failure(bad.testConnection());
    expect(e).toBeInstanceOf(DirectoryConnectionError);
    expect((e as DirectoryConnectionError).reason).toBe('credentials');
    expect(e.message).toMatch(/bind DN or password is wrong \(LDAP 49\)/);
    for (const text of [e.message, String(e.stack), JSON.stringify(e), inspect(e), inspect(bad)]) expect(text).not.toContain(badPassword);
    expect(inspect(dir)).not.toContain(ctx.bindPassword);
    await bad.close();
  });

  it('refuses configurations without TLS or without a CA before connecting', () => {
    expect(() => new LdapDirectory({ ...base, url: 'http://127.0.0.1:389' })).toThrow(DirectoryConfigError);
    expect(() => new LdapDirectory({ ...base, caFile: '' })).toThrow(/must be verified/);
  });

  it('reconnects after the connection drops, for reads and writes', async () => {
    // A TCP relay in front of 636 lets the test cut the connection the way an idle timeout or a DC restart would.
    const sockets = new Set<net.Socket>();
    const relay = net.createServer((client) => {
      const upstream = net.connect(636, new URL(ctx.url).hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
    const port = (relay.address() as net.AddressInfo).port;
    const viaRelay = new LdapDirectory({ ...base, url: `ldaps://127.0.0.1:${port}` });
    try {
      await viaRelay.testConnection();
      const cut = async (): Promise<void> => {
        for (const s of sockets) s.destroy();
        await new Promise((r) => setTimeout(r, 50));
      };
      await cut();
      expect((await viaRelay.testConnection()).defaultNamingContext).toBe(ctx.baseDn);
      await cut();
      const dn = childDn('Relay User', ouA);
      await viaRelay.addUser(dn, { sAMAccountName: sam() });
      await cut();
      expect(await viaRelay.deleteEntry(dn)).toBe('changed');
    } finally {
      await viaRelay.close();
      await new Promise((r) => relay.close(r));
      for (const s of sockets) s.destroy();
    }
  });

  it('reopens after close()', async () => {
    const d = new LdapDirectory(base);
    await d.testConnection();
    await d.close();
    expect((await d.testConnection()).defaultNamingContext).toBe(ctx.baseDn);
    await d.close();
  });
});

describe('account lifecycle', () => {
  it('adds disabled, reads back, sets the password, enables and disables keeping other bits', async () => {
    const s = sam();
    const dn = childDn('Jan de Vries', ouA);
    const guid = await dir.addUser(dn, {
      sAMAccountName: s, userPrincipalName: upn(s), mail: upn(s), givenName: 'Jan', sn: 'de Vries',
      displayName: 'Jan de Vries', initials: 'J.', employeeID: '100234', department: 'Zorg', title: 'Verpleegkundige',
      company: 'Zorggroep Test', description: 'Managed by HR Provisioner', manager: ctx.bindDn,
    });
    expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const a = await dir.findByGuid(guid, ['pwdLastSet']);
    expect(a).toMatchObject({
      objectGuid: guid, sAMAccountName: s, userPrincipalName: upn(s), mail: upn(s), cn: 'Jan de Vries', givenName: 'Jan',
      sn: 'de Vries', displayName: 'Jan de Vries', initials: 'J.', employeeID: '100234', department: 'Zorg',
      title: 'Verpleegkundige', company: 'Zorggroep Test', description: 'Managed by HR Provisioner',
      userAccountControl: 514, enabled: false, memberOf: [],
    });
    expect(dnEquals(a?.dn ?? '', dn)).toBe(true);
    expect(dnEquals(a?.manager ?? '', ctx.bindDn)).toBe(true);
    expect(a?.whenChanged).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(a?.extra['pwdLastSet']).toEqual(['0']);
    expect((await dir.findByDn(dn))?.objectGuid).toBe(guid);
    expect((await dir.findByEmployeeId('100234')).map((x) => x.objectGuid)).toEqual([guid]);

    await dir.setPassword(dn, GOOD_PASSWORD);
    expect((await dir.findByGuid(guid, ['pwdLastSet']))?.extra['pwdLastSet']).toEqual(['0']);

    expect(await dir.setEnabled(dn, true)).toBe('changed');
    expect((await dir.findByGuid(guid))?.userAccountControl).toBe(512);
    expect(await dir.setEnabled(dn, true)).toBe('unchanged');

    // Someone else set DONT_EXPIRE_PASSWORD (0x10000): disabling and enabling must keep it.
    await raw((c) => c.modify(dn, new Change({ operation: 'replace', modification: new Attribute({ type: 'userAccountControl', values: ['66048'] }) })));
    expect(await dir.setEnabled(dn, false)).toBe('changed');
    expect((await dir.findByGuid(guid))?.userAccountControl).toBe(66050);
    expect(await dir.setEnabled(dn, false)).toBe('unchanged');
    expect(await dir.setEnabled(dn, true)).toBe('changed');
    expect((await dir.findByGuid(guid))?.userAccountControl).toBe(66048);

    expect(await dir.deleteEntry(dn)).toBe('changed');
    expect(await dir.deleteEntry(dn)).toBe('unchanged');
    expect(await dir.findByGuid(guid)).toBeNull();
    expect(await dir.findByDn(dn)).toBeNull();
  });

  it('lets the user log on with the password, or demands a change first', async () => {
    const s = sam();
    const dn = childDn('Logon Test', ouA);
    await dir.addUser(dn, { sAMAccountName: s, userPrincipalName: upn(s) });
    await dir.setPassword(dn, GOOD_PASSWORD, { mustChange: false });
    await dir.setEnabled(dn, true);
    const asUser = new LdapDirectory({ ...base, bindDn: upn(s), bindPassword: GOOD_PASSWORD });
    expect((await asUser.testConnection()).defaultNamingContext).toBe(ctx.baseDn);
    await asUser.close();

    await dir.setPassword(dn, 'Other!Pass42x');
    const mustChange = new LdapDirectory({ ...base, bindDn: upn(s), bindPassword: 'Other!Pass42x' });
    const e = await failure(mustChange.testConnection());
    expect((e as DirectoryConnectionError).reason).toBe('credentials');
    expect(e.message).toContain('must change its password');
    expect(e.message).not.toContain('Other!Pass42x');
    await mustChange.close();
    await dir.deleteEntry(dn);
  });

  it('sets the initial password in the add itself', async () => {
    const s = sam();
    const dn = childDn('Add With Password', ouA);
    const guid = await dir.addUser(dn, { sAMAccountName: s, userPrincipalName: upn(s) }, { password: GOOD_PASSWORD });
    const a = await dir.findByGuid(guid, ['pwdLastSet']);
    expect(a?.userAccountControl).toBe(514);
    expect(a?.extra['pwdLastSet']).toEqual(['0']);
    await dir.setEnabled(dn, true);
    const asUser = new LdapDirectory({ ...base, bindDn: upn(s), bindPassword: GOOD_PASSWORD });
    const e = await failure(asUser.testConnection());
    expect(e.message).toContain('must change its password');
    await asUser.close();
    await dir.deleteEntry(dn);
  });

  it('modifies, removes and keeps attributes; refuses attributes that have their own method', async () => {
    const s = sam();
    const dn = childDn('Modify Me', ouA);
    const guid = await dir.addUser(dn, { sAMAccountName: s, title: 'Old', department: 'ICT' });
    expect(await dir.modifyAttributes(dn, [
      { attribute: 'title', values: ['New'] },
      { attribute: 'department', values: null },
      { attribute: 'company', values: null }, // absent already: still fine
      { attribute: 'description', values: ['x'] },
    ])).toBe('changed');
    expect(await dir.findByGuid(guid)).toMatchObject({ title: 'New', department: null, company: null, description: 'x' });
    expect(await dir.modifyAttributes(dn, [])).toBe('unchanged');
    for (const attribute of ['userAccountControl', 'unicodePwd', 'cn', 'memberOf']) {
      const e = await failure(dir.modifyAttributes(dn, [{ attribute, values: ['1'] }]));
      expect(e).toBeInstanceOf(DirectoryWriteError);
      expect((e as DirectoryWriteError).code).toBeNull();
    }
    await dir.deleteEntry(dn);
  });

  it('moves and renames in one operation; group membership follows', async () => {
    const s = sam();
    const dn = childDn('Move Me', ouA);
    const guid = await dir.addUser(dn, { sAMAccountName: s });
    expect(await dir.addGroupMember(group, dn)).toBe('changed');
    const newDn = await dir.move(dn, ouB, 'Moved, Renamed');
    expect(dnEquals(newDn, `CN=Moved\\, Renamed,${ouB}`)).toBe(true);
    const a = await dir.findByGuid(guid);
    expect(dnEquals(a?.dn ?? '', newDn)).toBe(true);
    expect(a?.cn).toBe('Moved, Renamed');
    expect(a?.memberOf.some((g) => dnEquals(g, group))).toBe(true);
    expect((await dir.readGroupMembers(group)).some((m) => dnEquals(m, newDn))).toBe(true);
    expect(await dir.findByDn(dn)).toBeNull();
    // Move only (keeps the CN), back to A.
    const back = await dir.move(newDn, ouA);
    expect(dnEquals(back, `CN=Moved\\, Renamed,${ouA}`)).toBe(true);
    expect(dnEquals((await dir.findByGuid(guid))?.dn ?? '', back)).toBe(true);
    await dir.removeGroupMember(group, back);
    await dir.deleteEntry(back);
  });

  it('adds and removes group members idempotently', async () => {
    const s = sam();
    const dn = childDn('Member', ouA);
    await dir.addUser(dn, { sAMAccountName: s });
    expect(await dir.addGroupMember(group, dn)).toBe('changed');
    expect(await dir.addGroupMember(group, dn)).toBe('unchanged'); // Samba: LDAP 68
    expect((await dir.readGroupMembers(group)).filter((m) => dnEquals(m, dn))).toHaveLength(1);
    expect(await dir.removeGroupMember(group, dn)).toBe('changed');
    expect(await dir.removeGroupMember(group, dn)).toBe('unchanged'); // Samba: LDAP 53, confirmed by a read
    expect(await dir.removeGroupMember(group, childDn('Never Existed', ouA))).toBe('unchanged'); // Samba: LDAP 53
    expect((await dir.readGroupMembers(group)).some((m) => dnEquals(m, dn))).toBe(false);

    const missingGroup = await failure(dir.addGroupMember(`CN=No Such Group,${sandbox}`, dn));
    expect((missingGroup as DirectoryWriteError).code).toBe(32);
    expect(missingGroup.message).toContain('the group or the member does not exist (LDAP 32)');
    await dir.deleteEntry(dn);
  });

  it('works with several writes in flight on one connection', async () => {
    const dns = Array.from({ length: 8 }, (_, i) => childDn(`Parallel ${i}`, ouB));
    const guids = await Promise.all(dns.map((dn) => dir.addUser(dn, { sAMAccountName: sam() })));
    expect(new Set(guids).size).toBe(8);
    expect(await Promise.all(dns.map((dn) => dir.deleteEntry(dn)))).toEqual(Array(8).fill('changed'));
  });
});

describe('reading', () => {
  it('reads every account below a base, paged or not, with extra attributes', async () => {
    const ou = `OU=Read,${sandbox}`;
    await raw((c) => addOu(c, ou));
    const made = [];
    for (let i = 0; i < 5; i += 1) made.push(await dir.addUser(childDn(`Reader ${i}`, ou), { sAMAccountName: sam(), physicalDeliveryOfficeName: `Room ${i}` }));
    const paged = new LdapDirectory({ ...base, pageSize: 2 });
    const unpaged = new LdapDirectory({ ...base, pageSize: 0 });
    try {
      for (const d of [dir, paged, unpaged]) {
        const accounts = await d.readAccounts(ou, ['physicalDeliveryOfficeName']);
        expect(accounts.map((a) => a.objectGuid).sort()).toEqual([...made].sort());
        expect(accounts.every((a) => isUnder(a.dn, ou))).toBe(true);
        expect(accounts.map((a) => a.extra['physicalDeliveryOfficeName']?.[0]).sort()).toEqual(['Room 0', 'Room 1', 'Room 2', 'Room 3', 'Room 4']);
      }
    } finally {
      await paged.close();
      await unpaged.close();
    }
    // The shared fixture tree exists and its groups are empty groups.
    expect(await dir.readGroupMembers(ctx.fixture.groups.allStaff)).toEqual([]);
    expect(await dir.readAccounts(ctx.fixture.ous.other)).toEqual([]);
  });

  it('reads the same accounts, each once, over 1 to 4 connections', async () => {
    const ou = `OU=Slices,${sandbox}`;
    await raw((c) => addOu(c, ou));
    // The slice bounds themselves, names on either side of them, upper case, digits, punctuation, non-ASCII,
    // and one account left to the DC to name (Samba and AD then generate a name starting with "$").
    const names = ['f', 'h', 'k', 'l', 'n', 'o', 'e.tslice', 'f.tslice', 'K.TSLICE', 'l.tslice', 'ma.tslice', 'n.tslice', 'zz.tslice', '0.tslice', '_tslice', 'é.tslice'];
    const made = [];
    for (const name of names) made.push(await dir.addUser(childDn(`Slice ${name}`, ou), { sAMAccountName: name }));
    const unnamed = childDn('Slice unnamed', ou);
    await raw((c) => c.add(unnamed, { objectClass: ['top', 'person', 'organizationalPerson', 'user'] }));
    const generated = await dir.findByDn(unnamed);
    expect(generated?.sAMAccountName).toMatch(/^\$/);
    made.push(generated?.objectGuid ?? 'missing');
    const counts: number[] = [];
    for (const readConnections of [1, 2, 3, 4]) {
      const d = new LdapDirectory({ ...base, readConnections, pageSize: 3 });
      try {
        const accounts = await d.readAccounts(ou);
        counts.push(accounts.length);
        expect(accounts.map((a) => a.objectGuid).sort()).toEqual([...made].sort());
      } finally {
        await d.close();
      }
    }
    expect(counts).toEqual([17, 17, 17, 17]);
  });

  it('reads the names that groups, computers and contacts hold, and no user\'s', async () => {
    const ou = `OU=Names,${sandbox}`;
    await raw(async (c) => {
      await addOu(c, ou);
      await addGroup(c, `CN=Names Group,${ou}`, 'tnames-group');
      await c.add(`CN=TNAMES-PC,${ou}`, { objectClass: ['top', 'person', 'organizationalPerson', 'user', 'computer'], sAMAccountName: 'TNAMES-PC$' });
      await c.add(`CN=Names Contact,${ou}`, { objectClass: ['top', 'person', 'organizationalPerson', 'contact'], mail: 'tnames.contact@example.nl', proxyAddresses: ['SMTP:tnames.contact@example.nl', 'smtp:tnames.alias@example.nl', 'X500:/o=Zorg/cn=tnames'] });
    });
    await dir.addUser(childDn('Names User', ou), { sAMAccountName: 'tnames-user', mail: 'tnames.user@example.nl' });
    const names = await dir.readNamesInUse(ou);
    expect([...names.sAMAccountNames].sort()).toEqual(['TNAMES-PC$', 'tnames-group']);
    expect([...names.addresses].sort()).toEqual(['tnames.alias@example.nl', 'tnames.contact@example.nl', 'tnames.contact@example.nl']);
  });

  it('reports a missing search base clearly, also when reading over several connections', async () => {
    const sliced = new LdapDirectory({ ...base, readConnections: 3 });
    try {
      const e = await failure(sliced.readAccounts(`OU=Nope,${sandbox}`));
      expect(e.message).toMatch(/Reading OU=Nope,.* failed: the object does not exist \(LDAP 32\)/);
    } finally {
      await sliced.close();
    }
  });

  it('reports a missing search base clearly', async () => {
    const e = await failure(dir.readAccounts(`OU=Nope,${sandbox}`));
    expect(e.message).toMatch(/Reading OU=Nope,.* failed: the object does not exist \(LDAP 32\)/);
  });

  it('rejects an invalid filter before sending it', async () => {
    const e = await failure(dir.searchExists('(cn=unbalanced'));
    expect(e.message).toContain('is not valid');
  });
});

describe('names and values that need escaping', () => {
  const nasty = ['Doe, John', 'A+B', '#lead', 'Q"uote', 'Back\\slash', 'Semi;colon', 'Zoë Ünïcødé', 'Trail ', 'Ends\\', 'E=q', '<angle>'];

  it.each(nasty)('round-trips CN %j through add, read, group, rename and delete', async (cn) => {
    const dn = childDn(cn, ouA);
    const guid = await dir.addUser(dn, { sAMAccountName: sam(), displayName: cn });
    const a = await dir.findByGuid(guid);
    expect(a?.cn).toBe(cn);
    expect(leafValue(a?.dn ?? '')).toBe(cn);
    expect(dnEquals(a?.dn ?? '', dn)).toBe(true);
    expect((await dir.findByDn(dn))?.objectGuid).toBe(guid);
    expect(await dir.searchExists(escapeFilter`(displayName=${cn})`, { searchBase: sandbox })).toBe(true);
    expect(await dir.searchExists(escapeFilter`(displayName=${cn})`, { searchBase: sandbox, exceptGuid: guid })).toBe(false);

    expect(await dir.addGroupMember(group, dn)).toBe('changed');
    expect(await dir.addGroupMember(group, a?.dn ?? '')).toBe('unchanged');
    // Rename to another nasty name, into the other OU: exercises ldapts' newRdn/newSuperior split.
    const renamed = await dir.move(dn, ouB, `${cn} 2\\`);
    const b = await dir.findByGuid(guid);
    expect(b?.cn).toBe(`${cn} 2\\`);
    expect(dnEquals(b?.dn ?? '', renamed)).toBe(true);
    expect(dnEquals(parentDn(b?.dn ?? ''), ouB)).toBe(true);
    expect((await dir.readGroupMembers(group)).some((m) => dnEquals(m, renamed))).toBe(true);
    expect(await dir.removeGroupMember(group, renamed)).toBe('changed');
    expect(await dir.deleteEntry(renamed)).toBe('changed');
  });

  it('finds a value with filter metacharacters *()\\ only by exact match', async () => {
    const value = 'Star*(x)\\y';
    const guid = await dir.addUser(childDn('Filter Test', ouA), { sAMAccountName: sam(), description: value, employeeID: 'E*()\\1' });
    await dir.addUser(childDn('Filter Decoy', ouA), { sAMAccountName: sam(), description: 'Star-decoy' });
    const hits = await dir.search(escapeFilter`(description=${value})`, sandbox);
    expect(hits.map((h) => h.objectGuid)).toEqual([guid]);
    expect((await dir.findByEmployeeId('E*()\\1', sandbox)).map((a) => a.objectGuid)).toEqual([guid]);
    expect(await dir.findByEmployeeId('E*', sandbox)).toEqual([]);
    await dir.deleteEntry(childDn('Filter Test', ouA));
    await dir.deleteEntry(childDn('Filter Decoy', ouA));
  });
});

describe('errors an admin can act on', () => {
  it('explains a duplicate sAMAccountName (68) and userPrincipalName (19)', async () => {
    const s = sam();
    const first = childDn('Dup One', ouA);
    await dir.addUser(first, { sAMAccountName: s, userPrincipalName: upn(s) });
    const e = await failure(dir.addUser(childDn('Dup Two', ouA), { sAMAccountName: s }));
    expect(e).toBeInstanceOf(DirectoryWriteError);
    expect(e).toMatchObject({ operation: 'add', code: 68 });
    expect(e.message).toContain(`The domain controller refused to add CN=Dup Two,${ouA}: the sAMAccountName '${s}' is already in use (LDAP 68).`);

    const e2 = await failure(dir.addUser(childDn('Dup Three', ouA), { sAMAccountName: sam(), userPrincipalName: upn(s) }));
    expect(e2).toMatchObject({ code: 19 });
    expect(e2.message).toContain(`the userPrincipalName '${upn(s)}' is already in use (LDAP 19)`);

    const e3 = await failure(dir.addUser(first, { sAMAccountName: sam() }));
    expect(e3.message).toContain('an object with this DN already exists (LDAP 68)');
    await dir.deleteEntry(first);
  });

  it('rejects an employeeID longer than 16 characters with a clear message', async () => {
    const e = await failure(dir.addUser(childDn('Long Id', ouA), { sAMAccountName: sam(), employeeID: '12345678901234567' }));
    expect(e).toMatchObject({ code: 21, operation: 'add' });
    expect(e.message).toContain('the value of employeeID is not valid (Active Directory allows at most 16 characters) (LDAP 21)');
    const dn = childDn('Short Id', ouA);
    await dir.addUser(dn, { sAMAccountName: sam(), employeeID: '1234567890123456' });
    const e2 = await failure(dir.modifyAttributes(dn, [{ attribute: 'employeeID', values: ['12345678901234567'] }]));
    expect(e2).toMatchObject({ code: 21, operation: 'modify' });
    await dir.deleteEntry(dn);
  });

  it('enforces the Windows AD limits that Samba does not', async () => {
    const e = await failure(dir.addUser(childDn('Long Sam', ouA), { sAMAccountName: 'abcdefghijklmnopqrstu' }));
    expect(e).toMatchObject({ code: null });
    expect(e.message).toContain('has 21 characters; Active Directory allows at most 20');
    const e2 = await failure(dir.addUser(childDn('x'.repeat(65), ouA), { sAMAccountName: sam() }));
    expect(e2.message).toContain('the CN has 65 characters');

    // A password containing the account name or a display-name token: Windows refuses it, Samba would not.
    const s = sam();
    const e3 = await failure(dir.addUser(childDn('Pw Name', ouA), { sAMAccountName: s }, { password: `X${s}!12345` }));
    expect(e3).toMatchObject({ code: null, operation: 'add' });
    expect(e3.message).toContain('the password contains the sAMAccountName');
    expect(e3.message).not.toContain(`X${s}!12345`);
    const dn = childDn('Pw Display', ouA);
    await dir.addUser(dn, { sAMAccountName: sam(), displayName: 'Janine van den Boele' });
    const e4 = await failure(dir.setPassword(dn, 'Boele!2024xyz'));
    expect(e4).toMatchObject({ code: null, operation: 'set-password' });
    await dir.deleteEntry(dn);
  });

  it('explains a move into a missing OU', async () => {
    const dn = childDn('Lost Mover', ouA);
    await dir.addUser(dn, { sAMAccountName: sam() });
    const e = await failure(dir.move(dn, `OU=Missing,${sandbox}`));
    expect([32, 80]).toContain((e as DirectoryWriteError).code);
    expect(e.message).toMatch(/the target OU does not exist|the account or the target OU does not exist/);
    await dir.deleteEntry(dn);
  });

  it('never puts a password into an error', async () => {
    const dn = childDn('Weak Password', ouA);
    await dir.addUser(dn, { sAMAccountName: sam() });
    const weak = 'alllowercaseletters';
    const e = await failure(dir.setPassword(dn, weak));
    expect(e).toMatchObject({ code: 19, operation: 'set-password' });
    expect(e.message).toContain('the password does not meet the domain password policy');
    const e2 = await failure(dir.addUser(childDn('Weak Add', ouA), { sAMAccountName: sam() }, { password: weak }));
    expect(e2).toMatchObject({ code: 19 });
    const e3 = await failure(dir.setPassword(childDn('Nobody', ouA), GOOD_PASSWORD));
    expect(e3).toMatchObject({ code: 32 });
    for (const err of [e, e2, e3]) {
      for (const text of [err.message, String(err.stack), JSON.stringify(err), inspect(err, { depth: 5 })]) {
        expect(text).not.toContain(weak);
        expect(text).not.toContain(GOOD_PASSWORD);
        expect(text).not.toContain(ctx.bindPassword);
      }
    }
    await dir.deleteEntry(dn);
  });
});
