import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { startVismaSimulator } from '../simulators/visma-hrm/server';
import type { RunningVismaSimulator } from '../simulators/visma-hrm/types';
import { scenarioData } from '../simulators/visma-hrm/scenario';
import type { ScenarioContract, ScenarioEmployee } from '../simulators/visma-hrm/scenario';
import { addGroup, addOu, treeDelete, withRawClient } from '../engine/ad/ldap-fixture';
import { LdapDirectory } from '../engine/ad/directory';
import type { DirectoryAccount } from '../engine/ad/directory';
import { dnEquals, parentDn } from '../engine/ad/dn';
import { parseConfig } from './config';
import type { AppConfig } from './config';
import { Provisioner } from './provisioner';
import { runCli } from '../cli/main';
import type { Plan } from '../engine/model/plan';

/**
 * Safe by default, end to end against a real Samba AD DC and the Visma simulator: the source guard,
 * actions held for review with a partial approval, undo of a run, why-links and explain. Each test
 * has its own OU tree and data directory.
 */

const samba = inject('samba');
const CLIENT = { clientId: 'safety', clientSecret: `s3cret-${randomBytes(6).toString('hex')}`, tenantId: 'tenant-s' };
const ORG_UNITS = [{ id: 'OE10', name: 'ICT' }, { id: 'OE20', name: 'Zorgteam Noord' }];

let simulator: RunningVismaSimulator;
let dataDir: string;
let base: string;
let ous: { users: string; disabled: string; ict: string; groups: string };
let groups: { ict: string; allStaff: string };

const connection = () => ({ url: samba.url, bindDn: samba.bindDn, bindPassword: samba.bindPassword, caFile: samba.caFile, tlsServerName: samba.tlsServerName });
const env = () => ({ HRP_TEST_VISMA_SECRET: CLIENT.clientSecret, HRP_TEST_AD_PASSWORD: samba.bindPassword });

function rawConfig(safety: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    visma: { tokenUrl: simulator.tokenUrl, baseUrl: simulator.baseUrl, clientId: CLIENT.clientId, clientSecret: { env: 'HRP_TEST_VISMA_SECRET' }, tenantId: CLIENT.tenantId },
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

const config = (safety?: Record<string, unknown>): AppConfig => parseConfig(rawConfig(safety), dataDir);
const provisioner = (cfg: AppConfig = config()) => new Provisioner({ config: cfg, env: env() });

async function configFile(safety?: Record<string, unknown>): Promise<string> {
  const file = path.join(dataDir, `config-${randomBytes(3).toString('hex')}.json`);
  await writeFile(file, JSON.stringify(rawConfig(safety)));
  return file;
}

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t), env: env() });
  return { code, out, err };
}

function serve(employees: readonly ScenarioEmployee[]): void {
  simulator.setData(scenarioData({ employees, orgUnits: ORG_UNITS }));
}

/** An employee with one contract; surnames differ by a letter so logon names never clash. */
function employee(id: string, letter: string, contract: Partial<ScenarioContract> = {}): ScenarioEmployee {
  return {
    employeeId: id, initials: 'K.', firstName: 'Kees', birthName: `Veilig${letter}`, birthDate: '1980-01-01', gender: 'M',
    contracts: [{ start: '2026-01-01', orgUnit: 'OE20', ...contract }],
  };
}

const staff = (n: number, contract: Partial<ScenarioContract> = {}): ScenarioEmployee[] =>
  Array.from({ length: n }, (_, i) => employee(String(400_001 + i), String.fromCharCode(97 + i), contract));

async function readAll(): Promise<readonly DirectoryAccount[]> {
  const directory = new LdapDirectory(connection());
  try {
    return await directory.readAccounts(base);
  } finally {
    await directory.close();
  }
}

async function accountOf(employeeId: string): Promise<DirectoryAccount | undefined> {
  return (await readAll()).find((a) => a.employeeID === employeeId);
}

async function applied(asOf: string, cfg?: AppConfig): Promise<Plan> {
  const p = provisioner(cfg);
  const plan = await p.preview(asOf);
  const run = await p.apply({ plan, asOf, trigger: 'cli' });
  expect(run.status).toBe('completed');
  expect(run.outcomes.filter((o) => o.outcome === 'failed' || o.outcome === 'blocked')).toEqual([]);
  return plan;
}

const enabledCount = async (): Promise<number> => (await readAll()).filter((a) => a.enabled).length;

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

describe('source guard against Samba', () => {
  it('holds an empty first import, passes at its limit, stops above it with exit code 3, and takes a recorded override', async () => {
    serve([]);
    const first = await provisioner().apply({ asOf: '2026-12-01', trigger: 'cli' });
    expect(first.status).toBe('stopped-by-guard');
    expect(first.error).toContain('the employees export is empty; an empty export never disables anyone');

    serve(staff(10));
    await applied('2026-12-01');
    expect(await enabledCount()).toBe(10);

    // 1 of 10 gone is 10 %: at the limit, the guard lets it through.
    serve(staff(10).slice(0, 9));
    expect((await provisioner().preview('2026-12-02')).safety?.guard?.passed).toBe(true);

    // 2 of 10 gone: stopped before any write, in numbers, exit code 3.
    serve(staff(8));
    const file = await configFile();
    const stopped = await cli(['apply', '--config', file, '--as-of', '2026-12-02', '--yes']);
    expect(stopped.code).toBe(3);
    expect(stopped.out).toContain('stopped by guard');
    expect(stopped.out).toContain('the employees export has 8 persons; the last good import had 10; 2 (20 %) are missing, more than the 10 % allowed');
    expect(await enabledCount()).toBe(10);
    const { runs } = await provisioner().history();
    expect(runs[0]?.status).toBe('stopped-by-guard');
    expect(runs[0]?.outcomes).toEqual([]);

    // The admin checked HR: the two really left. One override, recorded.
    const accepted = await cli(['apply', '--config', file, '--as-of', '2026-12-02', '--yes', '--accept-source-drop', '--json']);
    expect(accepted.code).toBe(0);
    expect(JSON.parse(accepted.out).safety).toMatchObject({ sourceDropAccepted: true });
    expect(await enabledCount()).toBe(8);
    // The accepted import is the new baseline: the same export passes now.
    expect((await provisioner().preview('2026-12-03')).safety?.guard?.passed).toBe(true);
  });
});

describe('action limits and review against Samba', () => {
  it('holds disables over the limit with their account\'s other actions, applies an approved subset, records who approved', async () => {
    const limited = { actionLimits: [{ target: 'ad', kind: 'disable', count: 1 }] };
    serve(staff(4));
    await applied('2026-12-01', config(limited));

    const leaving = staff(4).map((e, i) => (i < 3 ? { ...e, contracts: [{ start: '2026-01-01', end: '2026-12-05', orgUnit: 'OE20' }] } : e));
    serve(leaving);
    const planFile = path.join(dataDir, 'plan.json');
    const plan = await provisioner(config(limited)).preview('2026-12-06', planFile);
    const held = plan.safety?.heldForReview ?? [];
    const disables = plan.actions.filter((a) => a.action === 'disable');
    expect(disables).toHaveLength(3);
    expect(held.filter((h) => h.waitsFor === null).map((h) => h.actionId)).toEqual(disables.map((a) => a.id));
    // Their moves and revokes wait with them; nothing of the fourth employee is held.
    expect(held.length).toBe(plan.actions.filter((a) => a.personId !== '400004').length);
    expect(held[0]?.reason).toMatch(/held for review|waits for action/);

    const file = await configFile(limited);
    const shown = await cli(['preview', '--config', file, '--as-of', '2026-12-06']);
    expect(shown.out).toContain('would be held for review');
    expect(shown.out).toContain('3 disables in Active Directory, more than the 1 allowed');

    const first = disables[0]!;
    const run = await cli(['apply', '--config', file, '--plan', planFile, '--yes', '--approve', first.id, '--comment', 'HR confirmed the leaver', '--json']);
    expect(run.code).toBe(4);
    const record = JSON.parse(run.out);
    expect(record.safety.approvals).toEqual([expect.objectContaining({ actionIds: [first.id], comment: 'HR confirmed the leaver', by: os.userInfo().username })]);
    expect(record.safety.heldForReview.map((h: { actionId: string }) => h.actionId)).not.toContain(first.id);
    expect((await accountOf(first.personId!))?.enabled).toBe(false);
    expect(dnEquals(parentDn((await accountOf(first.personId!))!.dn), ous.disabled)).toBe(true);
    for (const other of disables.slice(1)) {
      const account = await accountOf(other.personId!);
      expect(account?.enabled).toBe(true);
      expect(dnEquals(parentDn(account!.dn), ous.users)).toBe(true);
    }
    const history = await cli(['history', '--config', file]);
    expect(history.out).toContain(`approved by ${os.userInfo().username}`);
    expect(history.out).toContain('"HR confirmed the leaver"');
    expect(history.out).toContain('held for review, not applied');

    const rest = await cli(['apply', '--config', file, '--as-of', '2026-12-06', '--yes', '--approve', 'all', '--comment', 'the other two too']);
    expect(rest.code).toBe(0);
    expect(await enabledCount()).toBe(1);
  });
});
