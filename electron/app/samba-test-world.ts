import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startVismaSimulator } from '../simulators/visma-hrm/server';
import type { RunningVismaSimulator } from '../simulators/visma-hrm/types';
import { scenarioData } from '../simulators/visma-hrm/scenario';
import type { ScenarioEmployee } from '../simulators/visma-hrm/scenario';
import { addGroup, addOu, treeDelete, withRawClient } from '../engine/ad/ldap-fixture';
import { LdapDirectory } from '../engine/ad/directory';
import type { DirectoryAccount, DirectoryConnectionConfig } from '../engine/ad/directory';
import { parseConfig } from './config';
import type { AppConfig } from './config';

/**
 * Test support for the hardening and fault tests against a real DC: a Visma simulator, an OU tree of
 * its own under the DC's base (users, ICT, disabled, groups) with two rule groups, a data directory,
 * and the configuration file the CLI reads (secrets by environment variable). Not used by the product.
 */

/** The DC a world lives on. */
export interface WorldDc extends DirectoryConnectionConfig {
  readonly caFile: string;
  readonly tlsServerName: string;
  readonly baseDn: string;
}

/** One world: its own OUs, groups, data directory and simulator. */
export interface World {
  readonly dc: WorldDc;
  readonly simulator: RunningVismaSimulator;
  readonly base: string;
  readonly ous: { readonly users: string; readonly ict: string; readonly disabled: string; readonly groups: string };
  readonly groups: { readonly ict: string; readonly allStaff: string };
  readonly dataDir: string;
  /** The config file the CLI reads. */
  readonly configFile: string;
  /** Environment that holds the secrets the config file names. */
  readonly env: NodeJS.ProcessEnv;
  readonly config: AppConfig;
  serve(employees: readonly ScenarioEmployee[]): void;
  /** Accounts under the world's base, as the DC has them now. */
  accounts(): Promise<readonly DirectoryAccount[]>;
  close(): Promise<void>;
}

const CLIENT = { clientId: 'hardening', tenantId: 'tenant-h' };

/** An employee in ICT from 2026-01-01, named after `id` so that logon names never clash across tests. */
export function employee(id: string, surname: string): ScenarioEmployee {
  return {
    employeeId: id,
    initials: 'T.',
    firstName: 'Test',
    birthName: surname,
    birthDate: '1980-01-01',
    gender: 'V',
    contracts: [{ start: '2026-01-01', orgUnit: 'OE10', functionName: 'Tester' }],
  };
}

/** Options of {@link openWorld}. */
export interface WorldOptions {
  /** Changes the raw configuration before it is written (another target beside AD, more rules). */
  readonly extend?: (raw: Record<string, unknown>) => Record<string, unknown>;
  /** Environment the extended configuration's secrets need. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Make a world on `dc`. */
export async function openWorld(dc: WorldDc, options: WorldOptions = {}): Promise<World> {
  const secret = `s3cret-${randomBytes(6).toString('hex')}`;
  const simulator = await startVismaSimulator({ ...CLIENT, clientSecret: secret, data: scenarioData({ employees: [], orgUnits: [{ id: 'OE10', name: 'ICT' }] }), faults: { inProgressPolls: 0 } });
  const tag = randomBytes(4).toString('hex');
  const base = `OU=Hard-${tag},${dc.baseDn}`;
  const ous = { users: `OU=Users,${base}`, ict: `OU=ICT,OU=Users,${base}`, disabled: `OU=Disabled,${base}`, groups: `OU=Groups,${base}` };
  const groups = { ict: `CN=ICT ${tag},${ous.groups}`, allStaff: `CN=All ${tag},${ous.groups}` };
  await withRawClient(dc, async (client) => {
    for (const ou of [base, ous.users, ous.ict, ous.disabled, ous.groups]) await addOu(client, ou);
    await addGroup(client, groups.ict, `ict-${tag}`);
    await addGroup(client, groups.allStaff, `all-${tag}`);
  });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hrp-hard-'));
  const plain = {
    visma: {
      tokenUrl: simulator.tokenUrl, baseUrl: simulator.baseUrl, ...CLIENT, clientSecret: { env: 'HRP_TEST_VISMA_SECRET' },
      // The scenarios carry no custom fields, cost centres or users; an empty export stays an error.
      allowEmptyDatasets: ['employeeUdfHistories', 'contractUdfHistories', 'costCenters', 'users'],
    },
    ad: {
      url: dc.url, bindDn: dc.bindDn, bindPassword: { env: 'HRP_TEST_AD_PASSWORD' }, caFile: dc.caFile, tlsServerName: dc.tlsServerName,
      baseDn: base, usersOu: ous.users, disabledOu: ous.disabled, ouByOrgUnit: { OE10: ous.ict }, upnSuffix: 'test.local', mailDomain: 'zorg.example.nl',
    },
    policy: {
      rules: [
        { name: 'ICT staff', when: { orgUnitId: ['OE10'] }, grant: { adGroups: [groups.ict] } },
        { name: 'Everyone', when: {}, grant: { adGroups: [groups.allStaff] } },
      ],
    },
    dataDir: path.join(dataDir, 'data'),
  };
  const raw = options.extend ? options.extend(plain) : plain;
  const configFile = path.join(dataDir, 'config.json');
  await writeFile(configFile, JSON.stringify(raw));
  return {
    dc, simulator, base, ous, groups, configFile,
    dataDir: plain.dataDir,
    env: { ...process.env, ...options.env, HRP_TEST_VISMA_SECRET: secret, HRP_TEST_AD_PASSWORD: dc.bindPassword },
    config: parseConfig(raw, dataDir),
    serve: (employees) => simulator.setData(scenarioData({ employees, orgUnits: [{ id: 'OE10', name: 'ICT' }] })),
    accounts: async () => {
      const directory = new LdapDirectory(dc);
      try {
        return await directory.readAccounts(base);
      } finally {
        await directory.close();
      }
    },
    close: async () => {
      await withRawClient(dc, (client) => treeDelete(client, base)).catch(() => undefined);
      await simulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
