import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startVismaSimulator } from '../simulators/visma-hrm/server';
import type { RunningVismaSimulator } from '../simulators/visma-hrm/types';
import { scenarioData, type ScenarioContract, type ScenarioEmployee } from '../simulators/visma-hrm/scenario';
import { seedOf, startNedapFixture, type NedapFixture } from '../simulators/nedap-ons/test-support';
import { actionsOf, type Plan } from '../engine/model/plan';
import type { RunRecord } from '../engine/model/run';
import type { LedgerEntry } from '../engine/model/ledger';
import { parseConfig, type AppConfig } from './config';
import { Provisioner } from './provisioner';
import { runCli } from '../cli/main';
import { seedAsPlanned } from '../bench/nedap-preview-bench';
import { LedgerFile } from '../engine/state/entitlement-ledger';

/**
 * Nedap Ons as a target of the whole pipeline, over real mutual TLS against the simulator and the
 * Visma simulator over HTTP: import, preview, apply, history, through the lifecycle of employments.
 */

const CLIENT = { clientId: 'nedap', clientSecret: `s3cret-${randomBytes(6).toString('hex')}`, tenantId: 'tenant-1' };
const ORG_UNITS = [
  { id: 'OE10', name: 'ICT' },
  { id: 'OE20', name: 'Wijkzorg Noord' },
  { id: 'OE30', name: 'Wijkzorg Zuid' },
];
const SOURCE = 'HR Provisioner test';
/** The scenarios have no custom fields, cost centres or Visma users. */
const ALLOW_EMPTY = ['employeeUdfHistories', 'contractUdfHistories', 'costCenters', 'users'];

let visma: RunningVismaSimulator;
let nedap: NedapFixture;
let dataDir: string;

function person(employeeId: string, contracts: readonly ScenarioContract[]): ScenarioEmployee {
  return { employeeId, initials: 'J.', firstName: 'Jan', birthName: `Berg${employeeId}`, birthDate: '1980-01-01', gender: 'M', contracts };
}

function config(nedapOverrides: Record<string, unknown> = {}, policy: Record<string, unknown> = {}): AppConfig {
  return parseConfig(
    {
      visma: { tokenUrl: visma.tokenUrl, baseUrl: visma.baseUrl, clientId: CLIENT.clientId, clientSecret: { env: 'HRP_TEST_VISMA_SECRET' }, tenantId: CLIENT.tenantId, allowEmptyDatasets: ALLOW_EMPTY },
      nedapOns: {
        baseUrl: nedap.simulator.baseUrl,
        pfxFile: nedap.pki.clientPfx,
        pfxPassword: { env: 'HRP_TEST_NEDAP_PFX_PASSWORD' },
        caFile: nedap.pki.caFile,
        source: SOURCE,
        teamsByOrgUnit: { OE20: [1], OE30: [2] },
        locationsByOrgUnit: { OE20: [11] },
        ...nedapOverrides,
      },
      policy: {
        rules: [
          { name: 'Zorg', when: { orgUnitId: ['OE20', 'OE30'] }, grant: { nedapRoles: ['Wijkverpleging'] } },
          { name: 'Iedereen', when: {}, grant: { nedapRoles: ['Medewerker'] } },
        ],
        ...policy,
      },
      dataDir,
    },
    dataDir,
  );
}

const env = (): NodeJS.ProcessEnv => ({ HRP_TEST_VISMA_SECRET: CLIENT.clientSecret, HRP_TEST_NEDAP_PFX_PASSWORD: nedap.pki.pfxPassword });

function provisioner(cfg: AppConfig = config()): Provisioner {
  return new Provisioner({ config: cfg, env: env() });
}

async function serve(employees: readonly ScenarioEmployee[], identificationNos: readonly string[]): Promise<void> {
  visma.setData(scenarioData({ employees, orgUnits: ORG_UNITS }));
  nedap.simulator.reseed(seedOf(identificationNos));
}

async function applied(asOf: string, cfg?: AppConfig): Promise<{ plan: Plan; run: RunRecord }> {
  const p = provisioner(cfg);
  const plan = await p.preview(asOf);
  const run = await p.apply({ plan, asOf, trigger: 'cli' });
  expect(run.status).toBe('completed');
  expect(run.outcomes.filter((o) => o.outcome === 'failed' || o.outcome === 'blocked')).toEqual([]);
  return { plan, run };
}

const ledgerPath = (): string => path.join(dataDir, 'ledger', 'entitlements.json');

async function ledgerEntries(): Promise<LedgerEntry[]> {
  return (JSON.parse(await readFile(ledgerPath(), 'utf8')) as { entries: LedgerEntry[] }).entries;
}

function nedapKinds(plan: Plan): string[] {
  return actionsOf(plan.actions, 'nedap-ons').map((a) => `${a.action} ${a.account.identificationNo}`);
}

function userOf(identificationNo: string): { uuid: string; assigned: ReturnType<NedapFixture['simulator']['state']['assigned']> } | null {
  const state = nedap.simulator.state;
  const employee = state.employeeByIdentificationNo(identificationNo);
  const user = employee ? state.userByEmployeeId(employee.id) : undefined;
  return user ? { uuid: user.uuid, assigned: state.assigned(user.uuid, SOURCE) } : null;
}

beforeAll(async () => {
  visma = await startVismaSimulator({ ...CLIENT, data: scenarioData({ employees: [], orgUnits: ORG_UNITS }), faults: { inProgressPolls: 0 } });
  nedap = await startNedapFixture(seedOf([]));
});

afterAll(async () => {
  await visma.close();
  await nedap.stop();
});

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'hrp-nedap-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('Nedap Ons target', () => {
  it('creates a user per employment with its duties, teams and locations; a second preview is empty', async () => {
    await serve([person('1003', [{ start: '2026-01-01', orgUnit: 'OE20' }, { start: '2026-03-01', orgUnit: 'OE10' }])], ['1003-1', '1003-2']);
    const { plan, run } = await applied('2026-12-01');
    expect(nedapKinds(plan)).toEqual([
      'create-user 1003-1', 'create-user 1003-2',
      'set-duties 1003-1', 'set-duties 1003-2',
      'set-teams 1003-1', 'set-locations 1003-1',
    ]);
    expect(plan.summary['nedap-ons']).toMatchObject({ 'create-user': 2, 'set-duties': 2, 'set-teams': 1, 'set-locations': 1 });
    const duties = actionsOf(plan.actions, 'nedap-ons').find((a) => a.id.endsWith('set-duties-1003-1'));
    expect(duties?.reasons.join(' ')).toMatch(/rule "Zorg" matches contract 1003_1_1: Wijkverpleging/);
    expect(duties?.changes).toEqual([{ attribute: 'roles', before: [], after: ['Medewerker', 'Wijkverpleging'] }]);
    expect(run.summary.created).toBe(2);
    expect(userOf('1003-1')?.assigned).toEqual({ roles: ['Medewerker', 'Wijkverpleging'], teams: [1], locations: [11] });
    expect(userOf('1003-2')?.assigned).toEqual({ roles: ['Medewerker'], teams: [], locations: [] });
    expect((await provisioner().preview('2026-12-01')).actions).toEqual([]);
  });

  it('adopts a user made by hand instead of creating a second one, and writes its duties', async () => {
    await serve([person('1004', [{ start: '2026-01-01', orgUnit: 'OE20' }])], ['1004-1']);
    const employee = nedap.simulator.state.employeeByIdentificationNo('1004-1');
    const handMade = nedap.simulator.state.createUser({ userName: 'j.berg', employeeObjectId: employee?.id });
    const { plan } = await applied('2026-12-01');
    expect(nedapKinds(plan)).toEqual(['set-duties 1004-1', 'set-teams 1004-1', 'set-locations 1004-1']);
    expect(plan.actions[0]?.reasons.join(' ')).toMatch(/no record of what this app assigned/);
    expect(nedap.simulator.state.users.size).toBe(1);
    expect(userOf('1004-1')).toMatchObject({ uuid: handMade.uuid, assigned: { roles: ['Medewerker', 'Wijkverpleging'] } });
  });

  it('changes role and teams after a move, revokes on leave, and gives them back on rehire', async () => {
    await serve([person('1005', [{ start: '2026-01-01', orgUnit: 'OE20' }])], ['1005-1']);
    await applied('2026-12-01');
    visma.setData(scenarioData({ employees: [person('1005', [{ start: '2026-01-01', orgUnit: 'OE10' }])], orgUnits: ORG_UNITS }));
    const moved = await applied('2026-12-02');
    expect(nedapKinds(moved.plan)).toEqual(['set-duties 1005-1', 'set-teams 1005-1', 'set-locations 1005-1']);
    expect(userOf('1005-1')?.assigned).toEqual({ roles: ['Medewerker'], teams: [], locations: [] });

    visma.setData(scenarioData({ employees: [person('1005', [{ start: '2026-01-01', end: '2026-12-10', orgUnit: 'OE20' }])], orgUnits: ORG_UNITS }));
    await applied('2026-12-05');
    expect(userOf('1005-1')?.assigned.roles).toEqual(['Medewerker', 'Wijkverpleging']);
    const left = await applied('2026-12-11');
    expect(nedapKinds(left.plan)).toEqual(['set-duties 1005-1', 'set-teams 1005-1', 'set-locations 1005-1']);
    expect(left.plan.actions[0]?.reasons.join(' ')).toMatch(/ended 2026-12-10.*no disable/);
    expect(userOf('1005-1')?.assigned).toEqual({ roles: [], teams: [], locations: [] });

    // Rehired on the same employment: the duties come back.
    visma.setData(scenarioData({ employees: [person('1005', [{ start: '2026-01-01', end: '2026-12-10', orgUnit: 'OE20' }, { contractId: '1', subContractId: '2', start: '2027-01-01', orgUnit: 'OE20' }])], orgUnits: ORG_UNITS }));
    const back = await applied('2027-01-01');
    expect(nedapKinds(back.plan)).toContain('set-duties 1005-1');
    expect(userOf('1005-1')?.assigned.roles).toEqual(['Medewerker', 'Wijkverpleging']);
  });

  it('deletes a leaver after deleteDaysAfterEnd only when deleteUsers is on', async () => {
    await serve([person('1006', [{ start: '2026-01-01', end: '2026-11-01', orgUnit: 'OE20' }])], ['1006-1']);
    await applied('2026-10-01');
    expect(userOf('1006-1')).not.toBeNull();
    const kept = await applied('2026-12-15');
    expect(nedapKinds(kept.plan)).toEqual(['set-duties 1006-1', 'set-teams 1006-1', 'set-locations 1006-1']);
    expect((await provisioner().preview('2026-12-15')).actions).toEqual([]);
    expect(userOf('1006-1')).not.toBeNull();
    const removed = await applied('2026-12-15', config({ deleteUsers: true }));
    expect(nedapKinds(removed.plan)).toEqual(['delete-user 1006-1']);
    expect(userOf('1006-1')).toBeNull();
  });

  it('undoes a leaver run by writing back the sets recorded before it; a created or deleted user is listed as irreversible', async () => {
    await serve([person('1011', [{ start: '2026-01-01', end: '2026-11-01', orgUnit: 'OE20' }])], ['1011-1']);
    const joined = await applied('2026-10-01');
    const left = await applied('2026-12-15');
    expect(nedapKinds(left.plan)).toEqual(['set-duties 1011-1', 'set-teams 1011-1', 'set-locations 1011-1']);
    expect(userOf('1011-1')?.assigned).toEqual({ roles: [], teams: [], locations: [] });

    const undo = await provisioner().undo(left.run.runId, { asOf: '2026-12-15', apply: true, trigger: 'cli' });
    expect(nedapKinds(undo.plan)).toEqual(['set-locations 1011-1', 'set-teams 1011-1', 'set-duties 1011-1']);
    expect(undo.run?.outcomes.map((o) => o.outcome)).toEqual(['updated', 'updated', 'updated']);
    expect(userOf('1011-1')?.assigned).toEqual({ roles: ['Medewerker', 'Wijkverpleging'], teams: [1], locations: [11] });

    // The joiner's run: its sets go back to empty; the user it created stays, listed with the reason.
    const unjoin = await provisioner().undo(joined.run.runId, { asOf: '2026-12-15', apply: false, trigger: 'cli' });
    expect(unjoin.plan.safety?.irreversible).toEqual([
      expect.objectContaining({ what: 'create-user 1011-1', reason: expect.stringMatching(/cannot tell whether the user has been used/) }),
    ]);
    expect(actionsOf(unjoin.plan.actions, 'nedap-ons').map((a) => a.set)).toEqual([[], [], []]);

    const removed = await applied('2026-12-15', config({ deleteUsers: true }));
    expect(nedapKinds(removed.plan)).toEqual(['delete-user 1011-1']);
    const undelete = await provisioner(config({ deleteUsers: true })).undo(removed.run.runId, { asOf: '2026-12-15', apply: false, trigger: 'cli' });
    expect(undelete.plan.actions).toEqual([]);
    expect(undelete.plan.safety?.irreversible).toEqual([
      expect.objectContaining({ what: 'delete-user 1011-1', reason: expect.stringMatching(/^a deleted Nedap Ons user cannot be brought back/) }),
    ]);
  });

  it('blocks only the employment without a Nedap employee, with a finding naming it', async () => {
    await serve([person('1007', [{ start: '2026-01-01', orgUnit: 'OE20' }]), person('1008', [{ start: '2026-01-01', orgUnit: 'OE20' }])], ['1008-1']);
    const { plan } = await applied('2026-12-01');
    expect(nedapKinds(plan)).toContain('create-user 1008-1');
    expect(nedapKinds(plan).some((k) => k.endsWith('1007-1'))).toBe(false);
    expect(plan.findings).toContainEqual(expect.objectContaining({ code: 'nedap-employee-missing', employeeId: '1007', message: expect.stringContaining('1007-1') }));
  });

  it('lists a person with doubtful HR data as held in a Nedap-only plan, with their user, and revokes nothing of theirs', async () => {
    await serve([person('1016', [{ start: '2026-01-01', orgUnit: 'OE20' }]), person('1017', [{ start: '2026-01-01', orgUnit: 'OE20' }])], ['1016-1', '1017-1']);
    await applied('2026-12-01');
    // An end date that is no calendar date: 1016 is held, 1017 goes on.
    visma.setData(scenarioData({ employees: [person('1016', [{ start: '2026-01-01', end: '2026-02-30', orgUnit: 'OE20' }]), person('1017', [{ start: '2026-01-01', orgUnit: 'OE10' }])], orgUnits: ORG_UNITS }));
    const plan = await provisioner().preview('2026-12-01', undefined, { targets: ['nedap-ons'] });
    expect(plan.held).toEqual([expect.objectContaining({ target: 'nedap-ons', personId: '1016', accounts: ['1016-1'], reason: expect.stringMatching(/HR data for employee 1016 is unreadable \(contracts row \d+: enddate '2026-02-30'/) })]);
    expect(nedapKinds(plan)).toEqual(['set-duties 1017-1', 'set-teams 1017-1', 'set-locations 1017-1']);
  });

  it('holds the duties of a user who needs an unknown role, and nothing else', async () => {
    await serve([person('1009', [{ start: '2026-01-01', orgUnit: 'OE20' }]), person('1010', [{ start: '2026-01-01', orgUnit: 'OE10' }])], ['1009-1', '1010-1']);
    const cfg = config({}, { rules: [{ name: 'Zorg', when: { orgUnitId: ['OE20'] }, grant: { nedapRoles: ['Nachtdienst'] } }, { name: 'Iedereen', when: {}, grant: { nedapRoles: ['Medewerker'] } }] });
    const { plan } = await applied('2026-12-01', cfg);
    expect(nedapKinds(plan)).toEqual(['create-user 1009-1', 'create-user 1010-1', 'set-duties 1010-1', 'set-teams 1009-1', 'set-locations 1009-1']);
    expect(plan.findings).toContainEqual(expect.objectContaining({ code: 'nedap-unknown-role', message: expect.stringMatching(/1009-1: role "Nachtdienst"/) }));
  });

  it('refuses a bad certificate (495) and another environment (403) in words an admin understands', async () => {
    await serve([person('1011', [{ start: '2026-01-01', orgUnit: 'OE20' }])], ['1011-1']);
    await expect(provisioner(config({ pfxFile: nedap.pki.expiredPfx })).preview('2026-12-01')).rejects.toThrow(/invalid or expired \(495\)/);
    await expect(provisioner(config({ pfxFile: nedap.pki.otherEnvironmentPfx })).preview('2026-12-01')).rejects.toThrow(/not valid for this environment \(403\)/);
  });

  it('does not duplicate a user whose create timed out but succeeded', async () => {
    await serve([person('1012', [{ start: '2026-01-01', orgUnit: 'OE20' }])], ['1012-1']);
    const p = provisioner(config({ timeoutSeconds: 1 }));
    const plan = await p.preview('2026-12-01');
    nedap.simulator.setFaults({ createTimesOut: { count: 1 } });
    const run = await p.apply({ plan, asOf: '2026-12-01', trigger: 'cli' });
    expect(run.outcomes.map((o) => o.outcome)).toEqual(['created', 'updated', 'updated', 'updated']);
    expect(nedap.simulator.requests.filter((r) => r === 'POST /v0/administration/users')).toHaveLength(1);
    expect(nedap.simulator.state.users.size).toBe(1);
    expect(userOf('1012-1')?.assigned.roles).toEqual(['Medewerker', 'Wijkverpleging']);
  });

  it('never has more than 4 requests in flight while applying many users', async () => {
    const ids = Array.from({ length: 24 }, (_, i) => String(1100 + i));
    await serve(ids.map((id) => person(id, [{ start: '2026-01-01', orgUnit: 'OE20' }])), ids.map((id) => `${id}-1`));
    nedap.simulator.setFaults({ latencyMs: 10 });
    const { run } = await applied('2026-12-01');
    expect(run.summary.created).toBe(24);
    expect(nedap.simulator.maxInFlightSeen).toBe(4);
    expect(nedap.simulator.tooManyAnswered).toBe(0);
  });

  it('after a crash between duties and teams, the next preview plans only what is missing', async () => {
    await serve([person('1013', [{ start: '2026-01-01', orgUnit: 'OE20' }])], ['1013-1']);
    const p = provisioner();
    const plan = await p.preview('2026-12-01');
    const crash = new Error('simulated crash');
    let recorded = 0;
    const crashing = new Provisioner({ config: config(), env: env(), onProgress: (event) => {
      if (event.kind === 'apply' && ++recorded === 2) throw crash;
    } });
    // The history write after the duties "fails": the run stops there, as it would if the process died.
    const stopped = await crashing.apply({ plan, asOf: '2026-12-01', trigger: 'cli' });
    expect(stopped.status).toBe('failed');
    expect(stopped.error).toMatch(/simulated crash/);
    expect(userOf('1013-1')?.assigned).toEqual({ roles: ['Medewerker', 'Wijkverpleging'], teams: [], locations: [] });
    const second = await applied('2026-12-01');
    expect(nedapKinds(second.plan)).toEqual(['set-teams 1013-1', 'set-locations 1013-1']);
    expect(userOf('1013-1')?.assigned).toEqual({ roles: ['Medewerker', 'Wijkverpleging'], teams: [1], locations: [11] });
  });

  it('records what it assigned in the entitlement ledger, owner-only, and every run history carries the ledger changes', async () => {
    await serve([person('1014', [{ start: '2026-01-01', orgUnit: 'OE20' }])], ['1014-1']);
    const { run } = await applied('2026-12-01');
    const uuid = userOf('1014-1')?.uuid;
    const entries = (await ledgerEntries()).filter((e) => e.target === 'nedap-ons');
    expect(entries.map((e) => [e.entitlement.replace(/^role:.*/, 'role'), e.rule, e.accountId === uuid])).toEqual([
      ['location:11', 'location mapping OE20', true],
      ['role', expect.stringMatching(/^(Zorg|Iedereen)$/), true],
      ['role', expect.stringMatching(/^(Zorg|Iedereen)$/), true],
      ['set:duties', null, true],
      ['set:locations', null, true],
      ['set:teams', null, true],
      ['team:1', 'team mapping OE20', true],
      ['user', null, true],
    ]);
    expect(new Set(entries.filter((e) => e.entitlement.startsWith('role:')).map((e) => e.rule))).toEqual(new Set(['Zorg', 'Iedereen']));
    expect((await stat(ledgerPath())).mode & 0o777).toBe(0o600);
    await expect(stat(path.join(dataDir, 'ledger', 'nedap-ons.json'))).rejects.toThrow(/ENOENT/);
    // The run's history holds every entry it added, with its outcome, and reads back the same.
    const added = run.outcomes.flatMap((o) => o.ledger ?? []).filter((c) => c.kind === 'record').map((c) => c.kind === 'record' && c.entry.entitlement);
    expect(added.sort()).toEqual(entries.map((e) => e.entitlement).sort());
    const [stored] = (await provisioner().history()).runs;
    expect(stored?.outcomes.flatMap((o) => o.ledger ?? [])).toHaveLength(entries.length);
  });

  it('restores a role removed in Nedap by hand with the next write of the complete set', async () => {
    await serve([person('1016', [{ start: '2026-01-01', orgUnit: 'OE10' }])], ['1016-1']);
    await applied('2026-12-01');
    const uuid = userOf('1016-1')?.uuid as string;
    // An admin removes the role in Nedap: nothing reads roles back, so nothing is planned for it yet.
    nedap.simulator.state.duties.set(`${uuid}|${SOURCE}`, []);
    expect((await provisioner().preview('2026-12-02')).actions).toEqual([]);
    visma.setData(scenarioData({ employees: [person('1016', [{ start: '2026-01-01', orgUnit: 'OE20' }])], orgUnits: ORG_UNITS }));
    const moved = await applied('2026-12-03');
    expect(nedapKinds(moved.plan)).toContain('set-duties 1016-1');
    expect(userOf('1016-1')?.assigned.roles).toEqual(['Medewerker', 'Wijkverpleging']);
  });

  it('rebuilds a lost Nedap record by writing the desired sets again, with a finding that names the ledger', async () => {
    await serve([person('1017', [{ start: '2026-01-01', orgUnit: 'OE20' }])], ['1017-1']);
    await applied('2026-12-01');
    // The ledger is valid but has lost its Nedap part; the history shows earlier writes to Nedap Ons.
    await writeFile(ledgerPath(), JSON.stringify({ version: 1, entries: [] }));
    const { plan } = await applied('2026-12-01');
    const finding = plan.findings.find((f) => f.code === 'nedap-record-lost');
    expect(finding?.message).toContain(ledgerPath());
    expect(finding?.message).toMatch(/holds no Nedap Ons user.*rebuilt by writing/);
    expect(nedapKinds(plan)).toEqual(['set-duties 1017-1', 'set-teams 1017-1', 'set-locations 1017-1']);
    const again = await provisioner().preview('2026-12-01');
    expect(again.actions).toEqual([]);
    expect(again.findings.map((f) => f.code)).not.toContain('nedap-record-lost');
  });

  it('a damaged ledger: a Nedap run writes the desired sets again with a finding and leaves the file for the admin', async () => {
    await serve([person('1018', [{ start: '2026-01-01', orgUnit: 'OE20' }])], ['1018-1']);
    await applied('2026-12-01');
    await writeFile(ledgerPath(), '{ broken');
    const { plan, run } = await applied('2026-12-01');
    const finding = plan.findings.find((f) => f.code === 'nedap-record-lost');
    expect(finding?.message).toMatch(/entitlements\.json is damaged \(not valid JSON\).*Active Directory runs stop.*rebuilt by writing/);
    expect(nedapKinds(plan)).toEqual(['set-duties 1018-1', 'set-teams 1018-1', 'set-locations 1018-1']);
    expect(await readFile(ledgerPath(), 'utf8')).toBe('{ broken');
    // The writes are still in the run's history.
    expect(run.outcomes.flatMap((o) => o.ledger ?? []).length).toBeGreaterThan(0);
    // Removed by the admin: the next run rebuilds the record from the desired sets, then all is quiet.
    await rm(ledgerPath());
    const rebuilt = await applied('2026-12-01');
    expect(rebuilt.plan.findings.map((f) => f.code)).toContain('nedap-record-lost');
    expect((await provisioner().preview('2026-12-01')).actions).toEqual([]);
    expect(userOf('1018-1')?.assigned).toEqual({ roles: ['Medewerker', 'Wijkverpleging'], teams: [1], locations: [11] });
  });

  it('moves the old per-target Nedap record into the ledger at the first write, and retires the old file', async () => {
    await serve([person('1019', [{ start: '2026-01-01', orgUnit: 'OE20' }])], ['1019-1']);
    await applied('2026-12-01');
    const uuid = userOf('1019-1')?.uuid as string;
    const roles = nedap.simulator.state.duties.get(`${uuid}|${SOURCE}`)?.map((d) => d.roleUuid) ?? [];
    // As an earlier version left it: the Nedap record in its own file, nothing of it in the ledger.
    const old = path.join(dataDir, 'ledger', 'nedap-ons.json');
    await writeFile(old, JSON.stringify({ version: 1, target: 'nedap-ons', users: { '1019-1': { userUuid: uuid, duties: roles, teams: ['1'], locations: ['11'] } } }));
    await writeFile(ledgerPath(), JSON.stringify({ version: 1, entries: [] }));
    // Read as part of the ledger: nothing to do, no finding.
    const quiet = await provisioner().preview('2026-12-01');
    expect(quiet.actions).toEqual([]);
    expect(quiet.findings.map((f) => f.code)).not.toContain('nedap-record-lost');
    visma.setData(scenarioData({ employees: [person('1019', [{ start: '2026-01-01', orgUnit: 'OE30' }])], orgUnits: ORG_UNITS }));
    const moved = await applied('2026-12-02');
    expect(nedapKinds(moved.plan)).toEqual(['set-teams 1019-1', 'set-locations 1019-1']);
    await expect(stat(old)).rejects.toThrow(/ENOENT/);
    expect(JSON.parse(await readFile(`${old}.migrated`, 'utf8')).users['1019-1'].userUuid).toBe(uuid);
    const entitlements = (await ledgerEntries()).map((e) => e.entitlement);
    expect(entitlements).toEqual(expect.arrayContaining(['user', 'set:duties', 'set:teams', 'set:locations', 'team:2', ...roles.map((r) => `role:${r}`)]));
    expect(entitlements).not.toContain('team:1');
    expect((await provisioner().preview('2026-12-02')).actions).toEqual([]);
  });

  it('the bench seeds the simulator and the ledger as the plan wants them: the next preview is empty', async () => {
    await serve([person('1020', [{ start: '2026-01-01', orgUnit: 'OE20' }]), person('1021', [{ start: '2026-01-01', orgUnit: 'OE10' }])], ['1020-1', '1021-1']);
    const wanted = await provisioner().preview('2026-12-01');
    const seeded = await seedAsPlanned(wanted, nedap.simulator.state, new LedgerFile(dataDir), SOURCE);
    expect(seeded).toBe(2);
    expect(userOf('1020-1')?.assigned).toEqual({ roles: ['Medewerker', 'Wijkverpleging'], teams: [1], locations: [11] });
    expect(userOf('1021-1')?.assigned).toEqual({ roles: ['Medewerker'], teams: [], locations: [] });
    expect((await provisioner().preview('2026-12-01')).actions).toEqual([]);
  });

  it('CLI: preview, apply and history show the Nedap actions; --target limits the run', async () => {
    await serve([person('1015', [{ start: '2026-01-01', orgUnit: 'OE20' }])], ['1015-1']);
    const file = path.join(dataDir, 'config.json');
    await writeFile(file, JSON.stringify({
      visma: { tokenUrl: visma.tokenUrl, baseUrl: visma.baseUrl, clientId: CLIENT.clientId, clientSecret: { env: 'HRP_TEST_VISMA_SECRET' }, tenantId: CLIENT.tenantId, allowEmptyDatasets: ALLOW_EMPTY },
      nedapOns: { baseUrl: nedap.simulator.baseUrl, pfxFile: nedap.pki.clientPfx, pfxPassword: { env: 'HRP_TEST_NEDAP_PFX_PASSWORD' }, caFile: nedap.pki.caFile },
      policy: { rules: [{ name: 'Iedereen', when: {}, grant: { nedapRoles: ['Medewerker'] } }] },
      dataDir,
    }));
    const out: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t), env: env() };
    const planFile = path.join(dataDir, 'plan.json');
    expect(await runCli(['preview', '--config', file, '--as-of', '2026-12-01', '--target', 'nedap-ons', '--out', planFile], io)).toBe(0);
    expect(out.join('')).toMatch(/2 action\(s\): Nedap 1 create-user, 1 set-duties/);
    expect(await runCli(['apply', '--config', file, '--plan', planFile, '--yes'], io)).toBe(0);
    expect(await runCli(['history', '--config', file], io)).toBe(0);
    expect(out.join('')).toMatch(/created\s+Nedap create-user 1015-1/);
    expect(JSON.parse(await readFile(planFile, 'utf8')).summary['nedap-ons']['create-user']).toBe(1);
    expect(out.join('')).not.toContain(nedap.pki.pfxPassword);
  });
});
