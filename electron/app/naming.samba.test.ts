import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { startVismaSimulator } from '../simulators/visma-hrm/server';
import type { RunningVismaSimulator } from '../simulators/visma-hrm/types';
import { scenarioData } from '../simulators/visma-hrm/scenario';
import type { ScenarioEmployee } from '../simulators/visma-hrm/scenario';
import type { CsvRow } from '../engine/visma/datasets';
import { addOu, treeDelete, withRawClient } from '../engine/ad/ldap-fixture';
import { LdapDirectory } from '../engine/ad/directory';
import type { DirectoryAccount } from '../engine/ad/directory';
import { ConfigError, parseConfig } from './config';
import type { AppConfig } from './config';
import { Provisioner } from './provisioner';

/**
 * Naming conventions and attribute mappings against a real Samba AD DC and the Visma simulator over
 * HTTP: what the configuration says is what lands in the directory, and the next preview is empty.
 */

const samba = inject('samba');
const CLIENT = { clientId: 'naming', clientSecret: `s3cret-${randomBytes(6).toString('hex')}`, tenantId: 'tenant-n' };
const ORG_UNITS = [{ id: 'OE10', name: 'ICT' }];
const AS_OF = '2026-12-01';

let simulator: RunningVismaSimulator;
let dataDir: string;
let base: string;
// Logon names are unique in the whole domain: every test gets a family name of its own.
let family: string;

const connection = () => ({ url: samba.url, bindDn: samba.bindDn, bindPassword: samba.bindPassword, caFile: samba.caFile, tlsServerName: samba.tlsServerName });
const env = () => ({ HRP_TEST_VISMA_SECRET: CLIENT.clientSecret, HRP_TEST_AD_PASSWORD: samba.bindPassword });

function config(policy: Record<string, unknown>, attributes: Record<string, unknown> = {}): AppConfig {
  return parseConfig(
    {
      visma: {
        tokenUrl: simulator.tokenUrl,
        baseUrl: simulator.baseUrl,
        clientId: CLIENT.clientId,
        clientSecret: { env: 'HRP_TEST_VISMA_SECRET' },
        tenantId: CLIENT.tenantId,
        // The scenario has no users, and some tests no custom fields or cost centres.
        allowEmptyDatasets: ['employeeUdfHistories', 'contractUdfHistories', 'costCenters', 'users'],
      },
      ad: {
        url: samba.url,
        bindDn: samba.bindDn,
        bindPassword: { env: 'HRP_TEST_AD_PASSWORD' },
        caFile: samba.caFile,
        tlsServerName: samba.tlsServerName,
        baseDn: base,
        usersOu: `OU=Users,${base}`,
        disabledOu: `OU=Disabled,${base}`,
        upnSuffix: 'test.local',
        mailDomain: 'zorg.example.nl',
        attributes,
      },
      policy,
      dataDir,
    },
    dataDir,
  );
}

async function previewAndApply(cfg: AppConfig): Promise<void> {
  const p = new Provisioner({ config: cfg, env: env() });
  const plan = await p.preview(AS_OF);
  const run = await p.apply({ plan, asOf: AS_OF, trigger: 'cli' });
  expect(run.status).toBe('completed');
  expect(run.outcomes.filter((o) => o.outcome === 'failed' || o.outcome === 'blocked')).toEqual([]);
}

async function accounts(extra: readonly string[] = []): Promise<readonly DirectoryAccount[]> {
  const directory = new LdapDirectory(connection());
  try {
    return [...(await directory.readAccounts(base, extra))].sort((a, b) => (a.employeeID ?? '').localeCompare(b.employeeID ?? ''));
  } finally {
    await directory.close();
  }
}

const employee = (employeeId: string, over: Partial<ScenarioEmployee> = {}): ScenarioEmployee => ({
  employeeId,
  initials: 'J.',
  firstName: 'Jan',
  birthName: family,
  birthDate: '1985-04-12',
  gender: 'M',
  contracts: [{ start: '2026-11-01', orgUnit: 'OE10' }],
  ...over,
});

beforeAll(async () => {
  simulator = await startVismaSimulator({ ...CLIENT, data: scenarioData({ employees: [], orgUnits: ORG_UNITS }), faults: { inProgressPolls: 0 } });
});

afterAll(async () => {
  await simulator.close();
});

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'hrp-naming-'));
  base = `OU=Naming-${randomBytes(4).toString('hex')},${samba.baseDn}`;
  family = `Vis${[...randomBytes(5)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
  await withRawClient(connection(), async (client) => {
    for (const ou of [base, `OU=Users,${base}`, `OU=Disabled,${base}`]) await addOu(client, ou);
  });
});

afterEach(async () => {
  await withRawClient(connection(), (client) => treeDelete(client, base));
  await rm(dataDir, { recursive: true, force: true });
});

describe('a configured naming convention against Samba', () => {
  const naming = {
    sAMAccountName: { candidates: ['{nickname:1}{familyName}', '{nickname}{familyName}'], iterate: { base: 0 } },
    mail: { candidates: ['{nickname}.{familyName}', '{nickname:1}.{familyName}'], iterate: { base: 0 }, domain: 'zorg.example.nl' },
    cn: { candidates: ['{displayName}'], iterate: { start: 1, width: 2, format: ' ({n})' } },
    displayName: '{familyName}, {nickname}',
  };

  it('gives three joiners with the same name the first, second and iterated sAMAccountName, mail and CN', async () => {
    // Three different people (other birth dates), so they are not aggregated into one.
    const joiners = [employee('410001'), employee('410002', { birthDate: '1990-02-02' }), employee('410003', { birthDate: '1995-03-03' })];
    simulator.setData(scenarioData({ employees: joiners, orgUnits: ORG_UNITS }));
    const cfg = config({ naming });
    await previewAndApply(cfg);
    const f = family.toLowerCase();
    expect((await accounts()).map((a) => [a.sAMAccountName, a.userPrincipalName, a.mail, a.cn, a.displayName])).toEqual([
      [`j${f}`, `j${f}@test.local`, `jan.${f}@zorg.example.nl`, `${family}, Jan`, `${family}, Jan`],
      [`jan${f}`, `jan${f}@test.local`, `j.${f}@zorg.example.nl`, `${family}, Jan (01)`, `${family}, Jan`],
      [`j${f}2`, `j${f}2@test.local`, `jan.${f}2@zorg.example.nl`, `${family}, Jan (02)`, `${family}, Jan`],
    ]);
    expect((await new Provisioner({ config: cfg, env: env() }).preview(AS_OF)).actions).toEqual([]);

    // Under the default convention the display names and CNs would change, the logon names not.
    const check = await new Provisioner({ config: config({}), env: env() }).namingCheck(AS_OF);
    expect(check).toEqual({ displayName: 3, cn: 3, created: 0 });
  });
});

describe('attribute mappings against Samba', () => {
  const attributes = {
    physicalDeliveryOfficeName: '{custom.Locatie.label}',
    employeeNumber: '{custom.Pasnummer}',
    division: '{costCenterName}',
    description: { value: 'Medewerker {orgUnitName}', on: 'create' },
  };

  function serve(location: { value: string; label: string }, badge: string, costCenterName: string): void {
    const data = scenarioData({ employees: [employee('420001', { contracts: [{ start: '2026-11-01', orgUnit: 'OE10', costCenterName }] })], orgUnits: ORG_UNITS });
    const udf = (row: Record<string, string>): CsvRow => ({ startdate: '2026-01-01', enddate: '', ...row });
    data.employeeUdfHistories.push(udf({ employeeid: '420001', fieldname: 'Pasnummer', listname: '', value: badge }));
    data.contractUdfHistories.push(
      udf({ employeeid: '420001', contractid: '1', subcontractid: '1', fieldname: 'Locatie', listname: location.label, value: location.value }),
    );
    simulator.setData(data);
  }

  it('writes three mapped attributes and keeps them in step after an HR change', async () => {
    const cfg = config({}, attributes);
    const mapped = ['physicalDeliveryOfficeName', 'employeeNumber', 'division', 'description'];
    const values = async (): Promise<Record<string, readonly string[]>> => {
      const [account] = await accounts(mapped);
      return account?.extra ?? {};
    };

    serve({ value: 'UTR', label: 'Utrecht' }, 'A12345', 'Afdeling ICT');
    const first = await new Provisioner({ config: cfg, env: env() }).preview(AS_OF);
    expect(first.actions[0]?.reasons).toContain('physicalDeliveryOfficeName: label of custom field Locatie of contract 420001_1_1 is Utrecht');
    await previewAndApply(cfg);
    expect(await values()).toEqual({
      physicalDeliveryOfficeName: ['Utrecht'],
      employeeNumber: ['A12345'],
      division: ['Afdeling ICT'],
      description: ['Medewerker ICT'],
    });

    serve({ value: 'AMF', label: 'Amersfoort' }, 'B67890', 'Afdeling Zorg');
    const changed = await new Provisioner({ config: cfg, env: env() }).preview(AS_OF);
    expect(changed.actions.map((a) => a.action)).toEqual(['update']);
    expect(changed.actions[0]?.reasons).toContain('employeeNumber follows its mapping: custom field Pasnummer of employee 420001 is B67890');
    await previewAndApply(cfg);
    expect(await values()).toEqual({
      physicalDeliveryOfficeName: ['Amersfoort'],
      employeeNumber: ['B67890'],
      division: ['Afdeling Zorg'],
      description: ['Medewerker ICT'],
    });
    expect((await new Provisioner({ config: cfg, env: env() }).preview(AS_OF)).actions).toEqual([]);
  });

  it('refuses an attribute the schema does not have at the first preview, by name', async () => {
    serve({ value: 'UTR', label: 'Utrecht' }, 'A12345', 'Afdeling ICT');
    const cfg = config({}, { officeLocatoin: '{custom.Locatie}' });
    const preview = new Provisioner({ config: cfg, env: env() }).preview(AS_OF);
    await expect(preview).rejects.toThrow(ConfigError);
    await expect(preview).rejects.toThrow('the directory\'s schema has no attribute "officeLocatoin"');
  });
});
