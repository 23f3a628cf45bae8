import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../cli/main';
import { actionsOf } from '../engine/model/plan';
import { seedOf, startNedapFixture, type NedapFixture } from '../simulators/nedap-ons/test-support';
import { LedgerError } from '../engine/state/entitlement-ledger';
import { Provisioner } from './provisioner';
import { employee, openWorld, type World } from './samba-test-world';

/**
 * Both targets in one pipeline: Active Directory on the real Samba DC and Nedap Ons on its simulator over
 * mutual TLS, from one import, in one plan, one apply and one history run.
 */

const samba = inject('samba');
const SOURCE = 'HR Provisioner samba test';
let nedap: NedapFixture;
let world: World;

beforeAll(async () => {
  nedap = await startNedapFixture(seedOf(['940001-1', '940002-1', '940003-1']));
  world = await openWorld(samba, {
    env: { HRP_TEST_NEDAP_PFX_PASSWORD: nedap.pki.pfxPassword },
    extend: (raw) => ({
      ...raw,
      nedapOns: {
        baseUrl: nedap.simulator.baseUrl, pfxFile: nedap.pki.clientPfx, pfxPassword: { env: 'HRP_TEST_NEDAP_PFX_PASSWORD' }, caFile: nedap.pki.caFile,
        source: SOURCE, teamsByOrgUnit: { OE10: [1] }, locationsByOrgUnit: { OE10: [11] },
      },
      policy: {
        rules: [
          ...((raw.policy as { rules: unknown[] }).rules),
          { name: 'ICT in Ons', when: { orgUnitId: ['OE10'] }, grant: { nedapRoles: ['Medewerker'] } },
        ],
      },
    }),
  });
});
afterAll(async () => {
  await world?.close();
  await nedap?.stop();
});

describe('Nedap Ons beside Active Directory', () => {
  it('preview → apply → preview: one plan and one run hold both targets, and the second preview is empty for both', async () => {
    world.serve([employee('940001', 'Beide'), employee('940002', 'Tweede'), employee('940003', 'Derde')]);
    const provisioner = new Provisioner({ config: world.config, env: world.env });
    const plan = await provisioner.preview('2026-12-01');
    expect(plan.summary.ad).toMatchObject({ create: 3, enable: 3, grant: 6 });
    expect(plan.summary['nedap-ons']).toMatchObject({ 'create-user': 3, 'set-duties': 3, 'set-teams': 3, 'set-locations': 3 });
    expect(plan.summary.total).toBe(24);
    expect(plan.findings.filter((f) => f.severity === 'error')).toEqual([]);

    const run = await provisioner.apply({ plan, asOf: '2026-12-01', trigger: 'cli' });
    expect(run.status).toBe('completed');
    expect(run.outcomes).toHaveLength(24);
    expect(run.outcomes.filter((o) => o.outcome !== 'created' && o.outcome !== 'updated')).toEqual([]);
    expect((await world.accounts()).map((a) => a.employeeID).sort()).toEqual(['940001', '940002', '940003']);
    expect(nedap.simulator.state.users.size).toBe(3);

    const again = await provisioner.preview('2026-12-01');
    expect(actionsOf(again.actions, 'ad')).toEqual([]);
    expect(actionsOf(again.actions, 'nedap-ons')).toEqual([]);

    const { runs } = await provisioner.history();
    expect(runs).toHaveLength(1);
    expect(new Set(runs[0]?.actions.map((a) => a.target))).toEqual(new Set(['ad', 'nedap-ons']));
    expect(runs[0]?.outcomes).toHaveLength(24);
  });

  it('CLI preview and history show both targets; --target limits a run to one', async () => {
    world.serve([employee('940001', 'Beide'), employee('940002', 'Tweede'), employee('940003', 'Derde'), { ...employee('940004', 'Vierde'), contracts: [{ start: '2026-01-01', orgUnit: 'OE10' }] }]);
    nedap.simulator.state.addEmployee({ identificationNo: '940004-1', firstName: 'Test', lastName: 'Vierde' });
    let out = '';
    const io = { out: (t: string) => void (out += t), err: (t: string) => void (out += t), env: world.env };
    expect(await runCli(['preview', '--config', world.configFile, '--as-of', '2026-12-01'], io)).toBe(0);
    expect(out).toMatch(/AD 1 create, 1 enable, 2 grant; Nedap 1 create-user, 1 set-duties, 1 set-teams, 1 set-locations/);
    out = '';
    expect(await runCli(['apply', '--config', world.configFile, '--as-of', '2026-12-01', '--target', 'nedap-ons', '--yes'], io)).toBe(0);
    expect(out).not.toMatch(/AD \d/);
    expect(nedap.simulator.state.users.size).toBe(4);
    expect((await world.accounts()).map((a) => a.employeeID)).not.toContain('940004');
    out = '';
    expect(await runCli(['apply', '--config', world.configFile, '--as-of', '2026-12-01', '--yes'], io)).toBe(0);
    expect((await world.accounts()).map((a) => a.employeeID)).toContain('940004');
    out = '';
    expect(await runCli(['history', '--config', world.configFile], io)).toBe(0);
    expect(out).toMatch(/Nedap/);
    expect(out).toMatch(/AD/);
    // The first run changed the ledger for both targets; its history says how much.
    expect(out).toMatch(/entitlement ledger: AD \+6 -0, Nedap \+21 -0/);
    expect(out).not.toContain(nedap.pki.pfxPassword);
  });

  it('a damaged ledger stops every run with AD and says what to do; a Nedap Ons run writes its sets again; a restored backup ends it', async () => {
    const ledger = path.join(world.config.dataDir, 'ledger', 'entitlements.json');
    const backup = await readFile(ledger, 'utf8');
    await writeFile(ledger, '{"version":1,"entries":[');
    const provisioner = new Provisioner({ config: world.config, env: world.env });
    await expect(provisioner.preview('2026-12-01')).rejects.toThrow(/entitlements\.json is damaged.*restored from a backup.*--target nedap-ons/);
    await expect(provisioner.apply({ asOf: '2026-12-01', trigger: 'cli' })).rejects.toThrow(LedgerError);
    const plan = await provisioner.preview('2026-12-01', undefined, { targets: ['nedap-ons'] });
    expect(plan.findings.find((f) => f.code === 'nedap-record-lost')?.message).toContain(ledger);
    expect(plan.summary['nedap-ons']).toMatchObject({ 'set-duties': 4, 'set-teams': 4, 'set-locations': 4 });
    const run = await provisioner.apply({ plan, asOf: '2026-12-01', trigger: 'cli', targets: ['nedap-ons'] });
    expect(run.status).toBe('completed');
    expect(await readFile(ledger, 'utf8')).toBe('{"version":1,"entries":[');
    await writeFile(ledger, backup);
    const again = await provisioner.preview('2026-12-01');
    expect(again.actions).toEqual([]);
    expect(again.findings.map((f) => f.code)).not.toContain('nedap-record-lost');
  });
});
