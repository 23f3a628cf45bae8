/**
 * Test and benchmark fixtures for a throwaway directory (the Samba DC of the test setup): the shared OU and
 * group layout, and raw bulk helpers. Not used by the product: it creates OUs and groups, which the product
 * never does, and it talks to ldapts directly so that benchmarks measure ldapts, not the adapter.
 */
import { Control } from 'ldapts';
import type { Client } from 'ldapts';
import { resolveDirectoryConfig } from './directory-config';
import type { DirectoryConnectionConfig } from './directory-types';
import { cnRdn, rdn } from './dn';
import { isResultCodeError, LdapSession } from './ldap-session';

/** The OU and group tree every Samba test can rely on. See {@link fixtureLayout}. */
export interface FixtureLayout {
  readonly ous: {
    /** `OU=HRP,<base>`: everything the product manages lives below it. */
    readonly root: string;
    /** `OU=Users,OU=HRP`: enabled accounts; department OUs below it. */
    readonly users: string;
    /** `OU=Zorg,OU=Users,OU=HRP` */
    readonly zorg: string;
    /** `OU=ICT,OU=Users,OU=HRP` */
    readonly ict: string;
    /** `OU=Disabled,OU=HRP`: where leavers are moved. */
    readonly disabled: string;
    /** `OU=Groups,OU=HRP`: groups granted by rules. */
    readonly groups: string;
    /** `OU=Other,<base>`: outside the managed tree; accounts here are reported, never changed. */
    readonly other: string;
  };
  readonly groups: {
    /** `CN=HRP All Staff,OU=Groups,OU=HRP` */
    readonly allStaff: string;
    /** `CN=HRP Zorg,OU=Groups,OU=HRP` */
    readonly zorg: string;
    /** `CN=HRP ICT,OU=Groups,OU=HRP` */
    readonly ict: string;
  };
}

/** The DNs of the shared fixture tree under `baseDn`. */
export function fixtureLayout(baseDn: string): FixtureLayout {
  const root = `${rdn('OU', 'HRP')},${baseDn}`;
  const users = `OU=Users,${root}`;
  const groups = `OU=Groups,${root}`;
  return {
    ous: {
      root, users, zorg: `OU=Zorg,${users}`, ict: `OU=ICT,${users}`, disabled: `OU=Disabled,${root}`, groups,
      other: `OU=Other,${baseDn}`,
    },
    groups: {
      allStaff: `${cnRdn('HRP All Staff')},${groups}`,
      zorg: `${cnRdn('HRP Zorg')},${groups}`,
      ict: `${cnRdn('HRP ICT')},${groups}`,
    },
  };
}

/** Runs `fn` with a bound raw ldapts client and always closes it. */
export async function withRawClient<T>(config: DirectoryConnectionConfig, fn: (client: Client) => Promise<T>): Promise<T> {
  const session = await LdapSession.open(resolveDirectoryConfig(config), config.bindPassword);
  try {
    return await fn(session.client);
  } finally {
    await session.close();
  }
}

/** Adds an OU; an existing one is left as it is. */
export async function addOu(client: Client, dn: string): Promise<void> {
  try {
    await client.add(dn, { objectClass: ['top', 'organizationalUnit'] });
  } catch (e) {
    if (!(isResultCodeError(e) && e.code === 68)) throw e;
  }
}

/** Adds a global security group; an existing one is left as it is. */
export async function addGroup(client: Client, dn: string, sAMAccountName: string): Promise<void> {
  try {
    await client.add(dn, { objectClass: ['top', 'group'], sAMAccountName });
  } catch (e) {
    if (!(isResultCodeError(e) && e.code === 68)) throw e;
  }
}

/** Deletes `dn` and everything below it (tree-delete control); a missing entry is fine. */
export async function treeDelete(client: Client, dn: string): Promise<void> {
  try {
    await client.del(dn, new Control('1.2.840.113556.1.4.805', { critical: true }));
  } catch (e) {
    if (!(isResultCodeError(e) && e.code === 32)) throw e;
  }
}

/** Creates the shared OU and group tree of {@link fixtureLayout} and returns its DNs. */
export async function createFixtureTree(config: DirectoryConnectionConfig, baseDn: string): Promise<FixtureLayout> {
  const layout = fixtureLayout(baseDn);
  await withRawClient(config, async (c) => {
    const { ous, groups } = layout;
    for (const ou of [ous.root, ous.users, ous.zorg, ous.ict, ous.disabled, ous.groups, ous.other]) await addOu(c, ou);
    await addGroup(c, groups.allStaff, 'hrp-all-staff');
    await addGroup(c, groups.zorg, 'hrp-zorg');
    await addGroup(c, groups.ict, 'hrp-ict');
  });
  return layout;
}

/** Attributes of the n-th synthetic user, in the shape the product writes (no password). */
export function syntheticUser(n: number, prefix: string): Readonly<Record<string, string | string[]>> {
  const id = `${prefix}${String(n).padStart(5, '0')}`;
  return {
    objectClass: ['top', 'person', 'organizationalPerson', 'user'],
    sAMAccountName: id,
    userPrincipalName: `${id}@test.local`,
    mail: `${id}@test.local`,
    givenName: 'Test',
    sn: `User ${n}`,
    displayName: `Test User ${n} (${id})`,
    employeeID: `E${prefix}${n}`.slice(0, 16),
    department: n % 2 === 0 ? 'Zorg' : 'ICT',
    title: 'Medewerker',
    company: 'Zorggroep Test',
    userAccountControl: '514',
  };
}

/**
 * Adds `count` synthetic users under `parentDn` over one connection with at most `inFlight` requests
 * outstanding. Returns the elapsed milliseconds.
 */
export async function bulkAddUsers(client: Client, parentDn: string, count: number, prefix: string, inFlight = 1): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const n = next;
      next += 1;
      const attrs = syntheticUser(n, prefix);
      await client.add(`${cnRdn(String(attrs['displayName']))},${parentDn}`, { ...attrs });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, inFlight) }, worker));
  return performance.now() - t0;
}
