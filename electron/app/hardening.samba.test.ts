import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { runCli } from '../cli/main';
import { actionsOf, type Plan } from '../engine/model/plan';
import { Provisioner } from './provisioner';
import { employee, openWorld } from './samba-test-world';
import type { World } from './samba-test-world';

/**
 * A plan is not a credential, and personal data stays private: against the real DC, through the CLI
 * and the application API.
 */

const samba = inject('samba');
let world: World;

beforeEach(async () => {
  world = await openWorld(samba);
});
afterEach(async () => {
  await world.close();
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), env: world.env } };
}

describe('saved plans against Samba', () => {
  it('applies the unchanged copy preview --out wrote, and refuses it once edited', async () => {
    world.serve([employee('810001', 'Zegel')]);
    const planFile = path.join(path.dirname(world.configFile), 'plan.json');
    const first = io();
    expect(await runCli(['preview', '--config', world.configFile, '--as-of', '2026-12-01', '--out', planFile, '--json'], first.io)).toBe(0);

    // An attacker adds a servicePrincipalName and puts the account under CN=Users.
    const original = await readFile(planFile, 'utf8');
    const edited = JSON.parse(original) as Plan & { actions: { account: { dn: string }; changes: unknown[] }[] };
    edited.actions[0]!.account.dn = `CN=Eve,CN=Users,${samba.baseDn}`;
    edited.actions[0]!.changes.push({ attribute: 'servicePrincipalName', before: null, after: 'HTTP/eve' });
    await writeFile(planFile, JSON.stringify(edited, null, 2));
    const refused = io();
    expect(await runCli(['apply', '--config', world.configFile, '--plan', planFile, '--yes'], refused.io)).toBe(2);
    expect(refused.err.join('')).toMatch(/was changed after preview saved it.*preview again/);
    expect(await world.accounts()).toEqual([]);

    await writeFile(planFile, original);
    const applied = io();
    expect(await runCli(['apply', '--config', world.configFile, '--plan', planFile, '--yes', '--json'], applied.io)).toBe(0);
    expect((JSON.parse(applied.out.join('')) as { summary: { created: number } }).summary.created).toBe(1);
    expect((await world.accounts()).map((a) => a.employeeID)).toEqual(['810001']);
  });

  it('refuses, action by action, what a handed-over plan asks beyond the configuration, and writes none of it', async () => {
    world.serve([employee('820001', 'Grens')]);
    const provisioner = new Provisioner({ config: world.config, env: world.env });
    const plan = await provisioner.preview('2026-12-01');
    const create = actionsOf(plan.actions, 'ad').find((a) => a.action === 'create')!;
    const domainAdmins = `CN=Domain Admins,CN=Users,${samba.baseDn}`;
    const forged: Plan = {
      ...plan,
      actions: [
        { ...create, changes: [...create.changes, { attribute: 'scriptPath', before: null, after: '\\\\evil\\run.bat' }] },
        { ...create, id: 'forged-outside', account: { ...create.account, dn: `CN=Eve,CN=Users,${samba.baseDn}` } },
        { ...actionsOf(plan.actions, 'ad').find((a) => a.action === 'grant')!, id: 'forged-admins', dependsOn: [], entitlement: domainAdmins },
      ],
    };
    const run = await provisioner.apply({ plan: forged, asOf: '2026-12-01', trigger: 'cli' });
    expect(run.outcomes.map((o) => o.outcome)).toEqual(['blocked', 'blocked', 'blocked']);
    expect(run.outcomes[0]?.error).toMatch(/refused by plan validation: a create may not write scriptPath/);
    expect(run.outcomes[1]?.error).toMatch(/refused by plan validation: the account CN=Eve,CN=Users,.* is outside the managed base/);
    expect(run.outcomes[2]?.error).toMatch(/refused by plan validation: no rule grants the group CN=Domain Admins/);
    expect(await world.accounts()).toEqual([]);
    const { runs } = await provisioner.history();
    expect(runs[0]?.outcomes.map((o) => o.error)).toEqual(run.outcomes.map((o) => o.error));
  });

  it('keeps dataDir, plans, history and the plan key owner-only', async () => {
    world.serve([employee('830001', 'Privé')]);
    const provisioner = new Provisioner({ config: world.config, env: world.env });
    await provisioner.apply({ asOf: '2026-12-01', trigger: 'cli' });
    const modes: Record<string, number> = {};
    const walk = async (dir: string): Promise<void> => {
      modes[path.relative(world.dataDir, dir) || '.'] = (await stat(dir)).mode & 0o777;
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else modes[path.relative(world.dataDir, full)] = (await stat(full)).mode & 0o777;
      }
    };
    await walk(world.dataDir);
    expect(Object.keys(modes)).toEqual(expect.arrayContaining(['.', 'plans', 'history', 'plan-key']));
    for (const [name, mode] of Object.entries(modes)) {
      expect([name, mode]).toEqual([name, ['.', 'plans', 'history', 'snapshots', 'ledger'].includes(name) ? 0o700 : 0o600]);
    }
  });
});
