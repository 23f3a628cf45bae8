import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { RetiredNameStore } from '../engine/state/retired-names';
import type { ScenarioEmployee } from '../simulators/visma-hrm/scenario';
import type { AppConfig } from './config';
import { Provisioner } from './provisioner';
import { employee, openWorld } from './samba-test-world';
import type { World } from './samba-test-world';

/**
 * Logon names over an account's life, against the real DC: a deleted leaver's logon name and addresses
 * stay taken, so the next joiner with the same name gets the next candidate; under the rename policy a
 * name change in HR renames the logon names, the old address stays an alias, and an undo brings the old
 * names back.
 */

const samba = inject('samba');
let world: World;

beforeEach(async () => {
  world = await openWorld(samba);
});
afterEach(async () => {
  await world.close();
});

async function applyOn(asOf: string): Promise<void> {
  const provisioner = new Provisioner({ config: world.config, env: world.env });
  const run = await provisioner.apply({ asOf, trigger: 'cli' });
  expect(run.status).toBe('completed');
  expect(run.outcomes.filter((o) => o.outcome === 'failed' || o.outcome === 'blocked')).toEqual([]);
}

describe('retired names against Samba', () => {
  it('deletes a leaver, records its names, and gives the next joiner with the same name the next candidate', async () => {
    const surname = `Rust${Math.random().toString(36).slice(2, 8)}`;
    const leaver: ScenarioEmployee = { ...employee('870001', surname), contracts: [{ start: '2026-01-01', end: '2026-10-01', orgUnit: 'OE10' }] };
    world.serve([{ ...leaver, contracts: [{ start: '2026-01-01', orgUnit: 'OE10' }] }]);
    await applyOn('2026-06-01');
    const sam = `t.${surname.toLowerCase()}`;
    expect((await world.accounts()).map((a) => a.sAMAccountName)).toEqual([sam]);

    // The contract ends: disabled and parked, then deleted after the grace period.
    world.serve([leaver]);
    await applyOn('2026-12-01');
    await applyOn('2026-12-10');
    expect(await world.accounts()).toEqual([]);
    const retired = await new RetiredNameStore(world.dataDir).taken(730, new Date());
    expect(retired.sAMAccountNames).toEqual([sam]);
    expect(retired.addresses).toEqual(expect.arrayContaining([`${sam}@test.local`, `${sam}@zorg.example.nl`]));

    // A new colleague with the same name: not the leaver's name, not the leaver's mail.
    world.serve([leaver, { ...employee('870002', surname), birthDate: '1990-05-05' }]);
    await applyOn('2026-12-10');
    const joiner = (await world.accounts()).find((a) => a.employeeID === '870002');
    expect(joiner?.sAMAccountName).toBe(`test.${surname.toLowerCase()}`);
    expect(joiner?.mail).toBe(`test.${surname.toLowerCase()}@zorg.example.nl`);
  });
});

describe('the rename policy against Samba', () => {
  it('renames sAMAccountName, UPN and mail after a marriage, keeps the old address as an alias, and undoes it', async () => {
    const config: AppConfig = { ...world.config, policy: { ...world.config.policy, renameLogonNames: true } };
    const provisioner = new Provisioner({ config, env: world.env });
    const tag = Math.random().toString(36).slice(2, 8);
    const single = employee('880001', `Berk${tag}`);
    world.serve([single]);
    expect((await provisioner.apply({ asOf: '2026-12-01', trigger: 'cli' })).status).toBe('completed');
    const old = `t.berk${tag}`;
    expect((await world.accounts())[0]?.sAMAccountName).toBe(old);

    // She marries and uses her partner's name.
    world.serve([{ ...single, partnerName: `Dam${tag}`, nameUsage: 'Partner' }]);
    const plan = await provisioner.preview('2026-12-02');
    const rename = plan.actions.find((a) => a.action === 'rename');
    expect(rename?.reasons[0]).toMatch(/^HR changed the name \(sn "Berk.*" → "Dam.*"\); the rename policy/);
    const run = await provisioner.apply({ plan, asOf: '2026-12-02', trigger: 'cli' });
    expect(run.outcomes.filter((o) => o.outcome === 'failed' || o.outcome === 'blocked')).toEqual([]);
    const fresh = `t.dam${tag}`;
    const renamed = (await world.accounts())[0];
    expect([renamed?.sAMAccountName, renamed?.userPrincipalName, renamed?.mail]).toEqual([fresh, `${fresh}@test.local`, `${fresh}@zorg.example.nl`]);
    expect(renamed?.proxyAddresses).toEqual(expect.arrayContaining([`SMTP:${fresh}@zorg.example.nl`, `smtp:${old}@zorg.example.nl`]));
    expect(renamed?.sn).toBe(`Dam${tag}`);
    expect((await provisioner.preview('2026-12-02')).actions).toEqual([]);

    const undone = await provisioner.undo(run.runId, { asOf: '2026-12-02', apply: true, trigger: 'cli' });
    // Latest first: the sn goes back, then the names, then the CN.
    expect(undone.plan.actions.map((a) => a.action)).toEqual(['update', 'rename', 'move']);
    expect(undone.run?.outcomes.filter((o) => o.outcome === 'failed' || o.outcome === 'blocked')).toEqual([]);
    const back = (await world.accounts())[0];
    expect([back?.sAMAccountName, back?.userPrincipalName, back?.mail, back?.proxyAddresses]).toEqual([old, `${old}@test.local`, `${old}@zorg.example.nl`, []]);
  });
});
