import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { startVismaSimulator } from '../simulators/visma-hrm/server';
import type { RunningVismaSimulator } from '../simulators/visma-hrm/types';
import { scenarioData } from '../simulators/visma-hrm/scenario';
import type { ScenarioContract, ScenarioEmployee } from '../simulators/visma-hrm/scenario';
import { addGroup, addOu, treeDelete, withRawClient } from '../engine/ad/ldap-fixture';
import { LdapDirectory } from '../engine/ad/directory';
import type { DirectoryAccount } from '../engine/ad/directory';
import { parseConfig } from './config';
import type { AppConfig } from './config';
import { Provisioner } from './provisioner';
import { runCli } from '../cli/main';
import type { Plan } from '../engine/model/plan';

/**
 * Test support for the safety tests against Samba (*.samba.test.ts only): each test gets its own OU
 * tree and data directory; the Visma simulator serves hand-made employees. Call
 * {@link useSafetyFixture} once at the top of a test file.
 */

const samba = inject('samba');
const CLIENT = { clientId: 'safety', clientSecret: `s3cret-${randomBytes(6).toString('hex')}`, tenantId: 'tenant-s' };
const ORG_UNITS = [{ id: 'OE10', name: 'ICT' }, { id: 'OE20', name: 'Zorgteam Noord' }];

let simulator: RunningVismaSimulator;
let dataDir: string;
let base: string;
let ous: { users: string; disabled: string; ict: string; groups: string };
let groups: { ict: string; allStaff: string };

/** The current test's tree and data directory. */
export const fixture = {
  get dataDir(): string {
    return dataDir;
  },
  get ous(): typeof ous {
    return ous;
  },
  get groups(): typeof groups {
    return groups;
  },
  get simulator(): RunningVismaSimulator {
    return simulator;
  },
};

export const connection = () => ({ url: samba.url, bindDn: samba.bindDn, bindPassword: samba.bindPassword, caFile: samba.caFile, tlsServerName: samba.tlsServerName });
export const env = () => ({ HRP_TEST_VISMA_SECRET: CLIENT.clientSecret, HRP_TEST_AD_PASSWORD: samba.bindPassword });

export function rawConfig(safety: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    visma: {
      tokenUrl: simulator.tokenUrl, baseUrl: simulator.baseUrl, clientId: CLIENT.clientId, clientSecret: { env: 'HRP_TEST_VISMA_SECRET' }, tenantId: CLIENT.tenantId,
      // The scenarios carry no custom fields, cost centres or users.
      allowEmptyDatasets: ['employeeUdfHistories', 'contractUdfHistories', 'costCenters', 'users'],
    },
    ad: {
      url: samba.url, bindDn: samba.bindDn, bindPassword: { env: 'HRP_TEST_AD_PASSWORD' }, caFile: samba.caFile, tlsServerName: samba.tlsServerName,
      baseDn: base, usersOu: ous.users, disabledOu: ous.disabled, ouByOrgUnit: { OE10: ous.ict }, upnSuffix: 'test.local', mailDomain: 'zorg.example.nl',
    },
    policy: {
      rules: [
        { name: 'ICT staff', when: { orgUnitId: ['OE10'] }, grant: { adGroups: [groups.ict] } },
        { name: 'Everyone', when: {}, grant: { adGroups: [groups.allStaff] } },
      ],
    },
    safety,
    dataDir,
  };
}

export const config = (safety?: Record<string, unknown>): AppConfig => parseConfig(rawConfig(safety), dataDir);
export const provisioner = (cfg: AppConfig = config()) => new Provisioner({ config: cfg, env: env() });

export async function configFile(safety?: Record<string, unknown>): Promise<string> {
  const file = path.join(dataDir, `config-${randomBytes(3).toString('hex')}.json`);
  await writeFile(file, JSON.stringify(rawConfig(safety)));
  return file;
}

export async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t), env: env() });
  return { code, out, err };
}

export function serve(employees: readonly ScenarioEmployee[]): void {
  simulator.setData(scenarioData({ employees, orgUnits: ORG_UNITS }));
}

/** An employee with one contract; surnames differ by a letter so logon names never clash. */
export function employee(id: string, letter: string, contract: Partial<ScenarioContract> = {}): ScenarioEmployee {
  return {
    employeeId: id, initials: 'K.', firstName: 'Kees', birthName: `Veilig${letter}`, birthDate: '1980-01-01', gender: 'M',
    contracts: [{ start: '2026-01-01', orgUnit: 'OE20', ...contract }],
  };
}

export const staff = (n: number, contract: Partial<ScenarioContract> = {}): ScenarioEmployee[] =>
  Array.from({ length: n }, (_, i) => employee(String(400_001 + i), String.fromCharCode(97 + i), contract));

export async function readAll(): Promise<readonly DirectoryAccount[]> {
  const directory = new LdapDirectory(connection());
  try {
    return await directory.readAccounts(base);
  } finally {
    await directory.close();
  }
}

export async function accountOf(employeeId: string): Promise<DirectoryAccount | undefined> {
  return (await readAll()).find((a) => a.employeeID === employeeId);
}

export async function applied(asOf: string, cfg?: AppConfig): Promise<Plan> {
  const p = provisioner(cfg);
  const plan = await p.preview(asOf);
  const run = await p.apply({ plan, asOf, trigger: 'cli' });
  expect(run.status).toBe('completed');
  expect(run.outcomes.filter((o) => o.outcome === 'failed' || o.outcome === 'blocked')).toEqual([]);
  return plan;
}

export const enabledCount = async (): Promise<number> => (await readAll()).filter((a) => a.enabled).length;

/** Register the hooks: one simulator per file, a fresh OU tree and data directory per test. */
export function useSafetyFixture(): void {
  beforeAll(async () => {
    simulator = await startVismaSimulator({ ...CLIENT, data: scenarioData({ employees: [], orgUnits: ORG_UNITS }), faults: { inProgressPolls: 0 } });
  });

  afterAll(async () => {
    await simulator.close();
  });

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hrp-safety-'));
    base = `OU=Safe-${randomBytes(4).toString('hex')},${samba.baseDn}`;
    ous = { users: `OU=Users,${base}`, disabled: `OU=Disabled,${base}`, ict: `OU=ICT,OU=Users,${base}`, groups: `OU=Groups,${base}` };
    const tag = base.slice(8, 16);
    groups = { ict: `CN=ICT ${tag},${ous.groups}`, allStaff: `CN=All staff ${tag},${ous.groups}` };
    await withRawClient(connection(), async (client) => {
      for (const ou of [base, ous.users, ous.disabled, ous.ict, ous.groups]) await addOu(client, ou);
      await addGroup(client, groups.ict, `ict-${tag}`);
      await addGroup(client, groups.allStaff, `all-${tag}`);
    });
  });

  afterEach(async () => {
    await withRawClient(connection(), (client) => treeDelete(client, base));
    await rm(dataDir, { recursive: true, force: true });
  });
}
