import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { accountLabel, actionsOf } from '../engine/model/plan';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { startVismaSimulator } from '../simulators/visma-hrm/server';
import type { RunningVismaSimulator } from '../simulators/visma-hrm/types';
import { scenarioData } from '../simulators/visma-hrm/scenario';
import type { ScenarioEmployee, ScenarioOrgUnit } from '../simulators/visma-hrm/scenario';
import { addGroup, addOu, treeDelete, withRawClient } from '../engine/ad/ldap-fixture';
import { LdapDirectory } from '../engine/ad/directory';
import type { DirectoryAccount } from '../engine/ad/directory';
import { dnEquals, parentDn } from '../engine/ad/dn';
import { parseConfig } from './config';
import type { AppConfig } from './config';
import { Provisioner } from './provisioner';
import { RunStore } from '../engine/history/run-store';
import { applyAdActions } from '../engine/apply/apply-ad';
import { directoryPort } from '../engine/apply/directory-port';
import { generatePassword } from '../engine/ad/password';
import { runCli } from '../cli/main';
import type { Plan } from '../engine/model/plan';

/**
 * The whole pipeline against a real Samba AD DC and the Visma simulator over HTTP: import,
 * preview, apply and history, through every lifecycle step. Each test gets its own OU tree (the
 * managed base) and its own surnames, because logon names are unique in the whole domain.
 */

const samba = inject('samba');
const CLIENT = { clientId: 'lifecycle', clientSecret: `s3cret-${randomBytes(6).toString('hex')}`, tenantId: 'tenant-1' };
const ORG_UNITS: readonly ScenarioOrgUnit[] = [
  { id: 'OE10', name: 'ICT' },
  { id: 'OE20', name: 'Zorgteam Noord' },
];

let simulator: RunningVismaSimulator;
let dataDir: string;
let base: string;
let ous: { users: string; disabled: string; ict: string; other: string; groups: string };
let groups: { ict: string; allStaff: string };

const connection = () => ({ url: samba.url, bindDn: samba.bindDn, bindPassword: samba.bindPassword, caFile: samba.caFile, tlsServerName: samba.tlsServerName });

function config(overrides: { policy?: Record<string, unknown> } = {}): AppConfig {
  return parseConfig(
    {
      visma: {
        tokenUrl: simulator.tokenUrl,
        baseUrl: simulator.baseUrl,
        clientId: CLIENT.clientId,
        clientSecret: { env: 'HRP_TEST_VISMA_SECRET' },
        tenantId: CLIENT.tenantId,
        // The scenarios here carry no custom fields or cost centres, and not always a user.
        allowEmptyDatasets: ['employeeUdfHistories', 'contractUdfHistories', 'costCenters', 'users'],
      },
      ad: {
        url: samba.url,
        bindDn: samba.bindDn,
        bindPassword: { env: 'HRP_TEST_AD_PASSWORD' },
        caFile: samba.caFile,
        tlsServerName: samba.tlsServerName,
        baseDn: base,
        usersOu: ous.users,
        disabledOu: ous.disabled,
        ouByOrgUnit: { OE10: ous.ict },
        upnSuffix: 'test.local',
        mailDomain: 'zorg.example.nl',
      },
      policy: {
        rules: [
          { name: 'ICT staff', when: { orgUnitId: ['OE10'] }, grant: { adGroups: [groups.ict] } },
          { name: 'Everyone', when: {}, grant: { adGroups: [groups.allStaff] } },
        ],
        ...overrides.policy,
      },
      dataDir,
    },
    dataDir,
  );
}

const env = () => ({ HRP_TEST_VISMA_SECRET: CLIENT.clientSecret, HRP_TEST_AD_PASSWORD: samba.bindPassword });

function provisioner(cfg: AppConfig = config()): Provisioner {
  return new Provisioner({ config: cfg, env: env() });
}

function serve(employees: readonly ScenarioEmployee[]): void {
  simulator.setData(scenarioData({ employees, orgUnits: ORG_UNITS }));
}

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

async function previewAndApply(asOf: string, cfg?: AppConfig): Promise<{ plan: Plan; outcomes: readonly string[] }> {
  const p = provisioner(cfg);
  const plan = await p.preview(asOf);
  const run = await p.apply({ plan, asOf, trigger: 'cli' });
  expect(run.status).toBe('completed');
  const failures = run.outcomes.filter((o) => o.outcome === 'failed' || o.outcome === 'blocked');
  expect(failures).toEqual([]);
  return { plan, outcomes: run.outcomes.map((o) => o.outcome) };
}

function kinds(plan: Plan, personId?: string): string[] {
  return plan.actions.filter((a) => personId === undefined || a.personId === personId).map((a) => a.action);
}

beforeAll(async () => {
  simulator = await startVismaSimulator({ ...CLIENT, data: scenarioData({ employees: [], orgUnits: ORG_UNITS }), faults: { inProgressPolls: 0 } });
});

afterAll(async () => {
  await simulator.close();
});

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'hrp-lifecycle-'));
  base = `OU=Prov-${randomBytes(4).toString('hex')},${samba.baseDn}`;
  ous = { users: `OU=Users,${base}`, disabled: `OU=Disabled,${base}`, ict: `OU=ICT,OU=Users,${base}`, other: `OU=Other,${base}`, groups: `OU=Groups,${base}` };
  const tag = base.slice(8, 16);
  groups = { ict: `CN=ICT ${tag},${ous.groups}`, allStaff: `CN=All staff ${tag},${ous.groups}` };
  await withRawClient(connection(), async (client) => {
    for (const ou of [base, ous.users, ous.disabled, ous.ict, ous.other, ous.groups]) await addOu(client, ou);
    await addGroup(client, groups.ict, `ict-${tag}`);
    await addGroup(client, groups.allStaff, `all-${tag}`);
  });
});

afterEach(async () => {
  await withRawClient(connection(), (client) => treeDelete(client, base));
  await rm(dataDir, { recursive: true, force: true });
});

const jan = (over: Partial<ScenarioEmployee> = {}): ScenarioEmployee => ({
  employeeId: '200001',
  initials: 'J.',
  firstName: 'Jan',
  birthName: 'Brink',
  birthNamePrefix: 'van den',
  birthDate: '1985-04-12',
  gender: 'M',
  contracts: [{ start: '2026-12-10', end: '2027-01-31', orgUnit: 'OE10', functionName: 'Systeembeheerder' }],
  ...over,
});

describe('AD lifecycle against Samba', () => {
  it('creates a joiner disabled 7 days ahead, enables on day one, disables and parks a leaver, deletes after 30 days', async () => {
    serve([jan()]);

    // 8 days before the start: too early.
    expect(kinds(await provisioner().preview('2026-12-02'), '200001')).toEqual([]);

    // 7 days before: created disabled, in the OU of its org unit, with the rule groups.
    const created = await previewAndApply('2026-12-03');
    expect(kinds(created.plan, '200001')).toEqual(['create', 'grant', 'grant']);
    expect(created.plan.actions[0]?.reasons.join(' ')).toMatch(/2026-12-10/);
    let account = await accountOf('200001');
    expect(account).toMatchObject({
      sAMAccountName: 'j.vandenbrink',
      userPrincipalName: 'j.vandenbrink@test.local',
      mail: 'j.vandenbrink@zorg.example.nl',
      givenName: 'Jan',
      sn: 'van den Brink',
      displayName: 'Jan van den Brink',
      department: 'ICT',
      title: 'Systeembeheerder',
      company: 'Zorggroep Voorbeeld',
      enabled: false,
    });
    expect(dnEquals(parentDn(account!.dn), ous.ict)).toBe(true);
    expect(account!.memberOf.some((g) => dnEquals(g, groups.ict))).toBe(true);
    // A second preview right after the apply is empty.
    expect((await provisioner().preview('2026-12-03')).actions).toEqual([]);

    // First day: enabled.
    expect(kinds((await previewAndApply('2026-12-10')).plan, '200001')).toEqual(['enable']);
    expect((await accountOf('200001'))?.enabled).toBe(true);

    // The day after the last day: disabled, stamped, parked, rule groups revoked.
    const left = await previewAndApply('2027-02-01');
    expect(new Set(kinds(left.plan, '200001'))).toEqual(new Set(['move', 'revoke', 'disable']));
    account = await accountOf('200001');
    expect(account?.enabled).toBe(false);
    expect(dnEquals(parentDn(account!.dn), ous.disabled)).toBe(true);
    expect(account?.description).toMatch(/2027-02-01/);
    expect(account?.memberOf).toEqual([]);
    expect((await provisioner().preview('2027-02-01')).actions).toEqual([]);

    // Kept while end + 30 days has not passed; deleted the day after.
    expect(kinds(await provisioner().preview('2027-03-02'), '200001')).toEqual([]);
    expect(kinds((await previewAndApply('2027-03-03')).plan, '200001')).toEqual(['delete']);
    expect(await accountOf('200001')).toBeUndefined();

    const { runs } = await provisioner().history();
    expect(runs.length).toBe(4);
    expect(runs[0]?.actions[0]?.action).toBe('delete');
  });

  it('creates and enables an already active employee in one plan, and renames without changing logon names', async () => {
    serve([jan({ employeeId: '210001', birthName: 'Akker', contracts: [{ start: '2026-01-01', orgUnit: 'OE20' }] })]);
    const first = await previewAndApply('2026-12-01');
    expect(kinds(first.plan, '210001')).toEqual(['create', 'enable', 'grant']);
    const before = await accountOf('210001');
    expect(before).toMatchObject({ sAMAccountName: 'j.vandenakker', enabled: true, department: 'Zorgteam Noord' });
    expect(dnEquals(parentDn(before!.dn), ous.users)).toBe(true);

    // She marries: partner name first. Display attributes and CN change, logon names stay.
    serve([jan({ employeeId: '210001', birthName: 'Akker', partnerName: 'Vries', partnerNamePrefix: 'de', nameUsage: 'Part./eig.', contracts: [{ start: '2026-01-01', orgUnit: 'OE20' }] })]);
    const renamed = await previewAndApply('2026-12-02');
    expect(new Set(kinds(renamed.plan, '210001'))).toEqual(new Set(['move', 'update']));
    const after = await accountOf('210001');
    expect(after).toMatchObject({ sAMAccountName: 'j.vandenakker', userPrincipalName: 'j.vandenakker@test.local', sn: 'de Vries - van den Akker', displayName: 'Jan de Vries - van den Akker', cn: 'Jan de Vries - van den Akker' });
    expect(after?.objectGuid).toBe(before?.objectGuid);
    expect((await provisioner().preview('2026-12-02')).actions).toEqual([]);
  });

  it('skips logon names taken in the directory (also by unmanaged accounts) and by others in the same plan', async () => {
    // Somebody's hand-made account outside the managed OUs already uses j.kuiper.
    await withRawClient(connection(), (client) =>
      client.add(`CN=Johan Kuiper,${ous.other}`, { objectClass: ['top', 'person', 'organizationalPerson', 'user'], sAMAccountName: 'j.kuiper', userPrincipalName: 'j.kuiper@test.local' }),
    );
    const twin = (id: string, birthDate: string): ScenarioEmployee => jan({ employeeId: id, birthName: 'Kuiper', birthNamePrefix: '', birthDate, contracts: [{ start: '2026-11-01', orgUnit: 'OE20' }] });
    serve([twin('220002', '1990-02-02'), twin('220001', '1980-01-01')]);
    const { plan } = await previewAndApply('2026-12-01');
    const sams = actionsOf(plan.actions, 'ad').filter((a) => a.action === 'create').map((a) => [a.personId, a.account.sAMAccountName]);
    expect(sams).toEqual([['220001', 'jan.kuiper'], ['220002', 'j.kuiper2']]);
    expect((await accountOf('220002'))?.cn).toBe('Jan Kuiper 2');
    // The unmanaged account is reported and left alone.
    expect(plan.unmanaged.map((u) => u.sAMAccountName)).toContain('j.kuiper');
    const other = (await readAll()).find((a) => a.sAMAccountName === 'j.kuiper');
    expect(other?.employeeID).toBeNull();
  });

  it('does not hand out a group\'s sAMAccountName, a contact\'s mail address or another account\'s proxy address', async () => {
    // Outside baseDn on purpose: names are unique in the whole domain.
    await withRawClient(connection(), async (client) => {
      await addGroup(client, `CN=Planning Groen,${ous.groups}`, 'p.groen');
      await client.add(`CN=Piet Groen extern,${ous.other}`, { objectClass: ['top', 'person', 'organizationalPerson', 'contact'], mail: 'Piet.Groen@zorg.example.nl' });
      await client.add(`CN=Planning,${ous.other}`, { objectClass: ['top', 'person', 'organizationalPerson', 'user'], sAMAccountName: 'planning-225', proxyAddresses: ['SMTP:planning@zorg.example.nl', 'smtp:P.Groen2@zorg.example.nl'] });
    });
    serve([jan({ employeeId: '225001', firstName: 'Piet', initials: 'P.', birthName: 'Groen', birthNamePrefix: '', contracts: [{ start: '2026-11-01', orgUnit: 'OE20' }] })]);
    const { plan } = await previewAndApply('2026-12-01');
    expect(actionsOf(plan.actions, 'ad').filter((a) => a.action === 'create').map((a) => a.account.sAMAccountName)).toEqual(['p.groen3']);
    expect((await accountOf('225001'))?.mail).toBe('p.groen3@zorg.example.nl');
  });

  it('aggregates a second employee record of the same person onto one account, and gives a rehire the old account back', async () => {
    const first: ScenarioEmployee = jan({ employeeId: '230001', birthName: 'Wit', contracts: [{ start: '2025-01-01', end: '2026-06-30', orgUnit: 'OE20' }] });
    serve([first]);
    await previewAndApply('2026-03-01');
    const original = await accountOf('230001');
    expect(original?.enabled).toBe(true);
    await previewAndApply('2026-07-15');
    expect(dnEquals(parentDn((await accountOf('230001'))!.dn), ous.disabled)).toBe(true);

    // Rehired in December under a new employee id (Visma makes one per contract), in ICT.
    const rehire: ScenarioEmployee = { ...first, employeeId: '230077', contracts: [{ start: '2026-12-01', orgUnit: 'OE10' }] };
    serve([first, rehire]);
    const back = await previewAndApply('2026-12-01');
    expect(kinds(back.plan).filter((k) => k === 'create')).toEqual([]);
    expect(new Set(kinds(back.plan, '230001'))).toEqual(new Set(['move', 'update', 'enable', 'grant']));
    const account = await accountOf('230001');
    expect(account?.objectGuid).toBe(original?.objectGuid);
    expect(account).toMatchObject({ enabled: true, department: 'ICT', description: null });
    expect(dnEquals(parentDn(account!.dn), ous.ict)).toBe(true);
    expect((await provisioner().preview('2026-12-01')).actions).toEqual([]);
  });

  it('leaves unmanaged accounts alone and disables a managed account whose employee is in no export', async () => {
    await withRawClient(connection(), async (client) => {
      const user = (sam: string, extra: Record<string, string>) => ({ objectClass: ['top', 'person', 'organizationalPerson', 'user'], sAMAccountName: sam, userAccountControl: '512', ...extra });
      await client.add(`CN=Kiosk,${ous.users}`, user('kiosk-240', {}));
      await client.add(`CN=Admin Jan,${ous.other}`, user('adm-240', { employeeID: '240001' }));
      await client.add(`CN=Old Timer,${ous.users}`, user('old-240', { employeeID: '999240' }));
    });
    serve([jan({ employeeId: '240001', birthName: 'Stam', contracts: [{ start: '2026-01-01', orgUnit: 'OE20' }] })]);
    const plan = await provisioner().preview('2026-12-01');
    const touched = new Set(plan.actions.map(accountLabel));
    expect(touched.has('kiosk-240')).toBe(false);
    expect(touched.has('adm-240')).toBe(false);
    expect(plan.unmanaged.map((u) => u.sAMAccountName).sort()).toEqual(['adm-240', 'kiosk-240']);
    // Only correlated under a managed OU counts: the admin account outside does not stop a create,
    // but it is reported rather than silently duplicated.
    const old = plan.actions.filter((a) => accountLabel(a) === 'old-240');
    expect(old.map((a) => a.action)).toContain('disable');
    expect(old.flatMap((a) => a.reasons).join(' ')).toMatch(/999240.*no export/);
  });

  it('sets the manager to the DN of the manager account, also when both are created in one plan', async () => {
    const boss: ScenarioEmployee = jan({ employeeId: '250001', firstName: 'Bea', initials: 'B.', birthName: 'Baas', birthNamePrefix: '', gender: 'V', userId: 'U250001', contracts: [{ start: '2026-01-01', orgUnit: 'OE20' }] });
    const worker: ScenarioEmployee = jan({ employeeId: '250002', birthName: 'Werker', birthNamePrefix: '', contracts: [{ start: '2026-01-01', orgUnit: 'OE20', managerUserId: 'U250001' }] });
    serve([worker, boss]);
    await previewAndApply('2026-12-01');
    const [bossAccount, workerAccount] = [await accountOf('250001'), await accountOf('250002')];
    expect(workerAccount?.manager && dnEquals(workerAccount.manager, bossAccount!.dn)).toBe(true);
    expect((await provisioner().preview('2026-12-01')).actions).toEqual([]);
  });

  it('escapes names with DN special characters in CNs and survives a second preview', async () => {
    serve([jan({ employeeId: '260001', firstName: 'Zoë', nickname: 'Zoë "Z"', birthName: 'Smit, Jones + Co; #1', birthNamePrefix: '', gender: 'V', contracts: [{ start: '2026-01-01', orgUnit: 'OE20' }] })]);
    await previewAndApply('2026-12-01');
    const account = await accountOf('260001');
    expect(account?.cn).toBe('Zoë "Z" Smit, Jones + Co; #1');
    expect(account?.sAMAccountName).toMatch(/^[a-z0-9._-]{1,20}$/);
    expect((await provisioner().preview('2026-12-01')).actions).toEqual([]);
  });

  it('after a crash between two actions, applying the same plan again finishes the work without redoing any', async () => {
    serve([
      jan({ employeeId: '270001', birthName: 'Eerste', birthNamePrefix: '', contracts: [{ start: '2026-01-01', orgUnit: 'OE20' }] }),
      jan({ employeeId: '270002', birthName: 'Tweede', birthNamePrefix: '', contracts: [{ start: '2026-01-01', orgUnit: 'OE20' }] }),
    ]);
    const cfg = config();
    const plan = await provisioner(cfg).preview('2026-12-01');
    expect(plan.actions.length).toBeGreaterThanOrEqual(4);

    // The process dies after the second action reached the directory but before it was recorded.
    const store = new RunStore(cfg.dataDir);
    const run = await store.begin({ runId: 'crashed', planId: plan.planId, asOf: plan.asOf, trigger: 'cli', actions: plan.actions });
    const directory = new LdapDirectory(connection());
    let recorded = 0;
    const crash = new Error('simulated crash');
    await expect(
      applyAdActions(actionsOf(plan.actions, 'ad'), {
        port: directoryPort(directory, base),
        disabledOu: ous.disabled,
        generatePassword,
        onOutcome: async (outcome) => {
          if (recorded === 1) throw crash;
          recorded += 1;
          await run.record(outcome);
        },
      }),
    ).rejects.toBe(crash);
    await run.abandon();
    await directory.close();

    const again = await provisioner(cfg).apply({ plan, asOf: '2026-12-01', trigger: 'cli' });
    expect(again.status).toBe('completed');
    expect(again.outcomes.slice(0, 2).map((o) => o.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(again.outcomes.slice(2).every((o) => o.outcome === 'created' || o.outcome === 'updated')).toBe(true);
    expect((await provisioner(cfg).preview('2026-12-01')).actions).toEqual([]);
    const { runs } = await provisioner(cfg).history();
    expect(runs.map((r) => r.status).sort()).toEqual(['completed', 'interrupted']);
  });
});

describe('fail safe against Samba: doubtful HR data holds the person', () => {
  const working = (id: string, birthName: string): ScenarioEmployee =>
    jan({ employeeId: id, firstName: 'Kees', birthName, birthNamePrefix: '', contracts: [{ start: '2026-01-01', orgUnit: 'OE10' }] });

  it('a typo in an end date and an emptied name hold the two accounts as they are, and a real leaver beside them is disabled', async () => {
    // The leaver is someone else entirely: a record without a birth name also holds whoever it may belong to.
    const leaver = (end?: string): ScenarioEmployee =>
      jan({ employeeId: '210003', initials: 'P.', firstName: 'Piet', birthName: 'Vertrek', birthNamePrefix: '', birthDate: '1970-01-01', contracts: [{ start: '2026-01-01', orgUnit: 'OE10', ...(end ? { end } : {}) }] });
    serve([working('210001', 'Typo'), working('210002', 'Leeg'), leaver()]);
    await previewAndApply('2026-12-01');

    serve([
      jan({ employeeId: '210001', firstName: 'Kees', birthName: 'Typo', birthNamePrefix: '', contracts: [{ start: '2026-01-01', end: '31-02-2027', orgUnit: 'OE10' }] }),
      working('210002', ''),
      leaver('2026-11-30'),
    ]);
    // Weeks later still nothing happens to the two doubtful persons.
    const { plan } = await previewAndApply('2027-01-15');
    expect(kinds(plan, '210001')).toEqual([]);
    expect(kinds(plan, '210002')).toEqual([]);
    expect(new Set(kinds(plan, '210003'))).toEqual(new Set(['move', 'revoke', 'disable']));
    expect(plan.held.map((h) => h.personId)).toEqual(['210001', '210002']);
    expect(plan.held[0]?.reason).toContain("HR data for employee 210001 is unreadable (contracts row 1: enddate '31-02-2027' is no date; ");
    expect(plan.held.slice(1).map((h) => h.reason)).toEqual([
      "HR data for employee 210002 is unreadable (employees row 2: birthname '' is empty); nothing is changed for this person until HR corrects it",
    ]);
    expect(plan.held.every((h) => h.accounts.length === 1)).toBe(true);
    for (const id of ['210001', '210002']) {
      const held = await accountOf(id);
      expect(held?.enabled).toBe(true);
      expect(held?.memberOf.length).toBe(2);
    }
    expect((await accountOf('210003'))?.enabled).toBe(false);
  });
});

describe('CLI against Samba', () => {
  it('previews as JSON, applies a saved plan, and lists the history', async () => {
    serve([jan({ employeeId: '280001', birthName: 'Cli', birthNamePrefix: '', contracts: [{ start: '2026-01-01', orgUnit: 'OE20' }] })]);
    const file = path.join(dataDir, 'config.json');
    const cfg = config();
    await writeFile(file, JSON.stringify({ ...cfg, ad: { ...cfg.ad, bindPassword: { env: 'HRP_TEST_AD_PASSWORD' } } }));
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), env: env() };
    const planFile = path.join(dataDir, 'plan.json');

    expect(await runCli(['preview', '--config', file, '--as-of', '2026-12-01', '--out', planFile, '--json'], io)).toBe(0);
    const plan = JSON.parse(out.join('')) as Plan;
    expect(plan).toMatchObject({ asOf: '2026-12-01', summary: { ad: { create: 1, enable: 1, grant: 1 }, total: 3 } });
    expect(plan.actions[0]).toMatchObject({ target: 'ad', action: 'create', personId: '280001', entitlement: null });
    expect(plan.actions[0]?.changes).toContainEqual({ attribute: 'employeeID', before: null, after: '280001' });
    expect(JSON.stringify(plan)).not.toContain(samba.bindPassword);

    out.length = 0;
    expect(await runCli(['apply', '--config', file, '--plan', planFile, '--json'], io)).toBe(2);
    expect(await runCli(['apply', '--config', file, '--plan', planFile, '--yes', '--json'], io)).toBe(0);
    const applied = JSON.parse(out.join('')) as { runId: string; outcomes: { outcome: string }[]; summary: Record<string, number> };
    expect(applied.outcomes.map((o) => o.outcome)).toEqual(['created', 'updated', 'updated']);
    expect(applied.summary).toMatchObject({ created: 1, updated: 2, failed: 0 });

    out.length = 0;
    expect(await runCli(['history', '--config', file], io)).toBe(0);
    expect(out.join('')).toContain(applied.runId);
    expect(out.join('')).toContain('created');
    expect(err.join('')).toContain('--yes');
  });

  it('fails with exit code 1 and a clear message when the directory refuses the credentials', async () => {
    serve([jan()]);
    const file = path.join(dataDir, 'config.json');
    const cfg = config();
    await writeFile(file, JSON.stringify({ ...cfg, ad: { ...cfg.ad, bindPassword: 'Wrong-passw0rd!' } }));
    const err: string[] = [];
    const io = { out: () => {}, err: (t: string) => void err.push(t), env: env() };
    expect(await runCli(['preview', '--config', file, '--as-of', '2026-12-01'], io)).toBe(1);
    expect(err.join('')).toMatch(/credentials|password|bind/i);
    expect(err.join('')).not.toContain('Wrong-passw0rd!');
  });
});
