import { describe, expect, it } from 'vitest';
import { dnEquals } from '../engine/ad/dn';
import type { DirectoryAccount } from '../engine/ad/directory';
import { accountOf, applied, cli, configFile, employee, provisioner, serve, useSafetyFixture } from './safety-fixture';

// Undo of a run and the why-links behind it, against a real Samba AD DC: the reverse is planned from
// what apply read just before each write, and applied like any plan.

useSafetyFixture();

const ann = (contract = {}) => employee('410001', 'a', { orgUnit: 'OE10', ...contract });
const bob = (contract = {}) => employee('410002', 'b', contract);

function sameAccount(now: DirectoryAccount | undefined, before: DirectoryAccount | undefined): void {
  expect(now).toBeDefined();
  expect(dnEquals(now!.dn, before!.dn)).toBe(true);
  expect({ enabled: now!.enabled, department: now!.department, title: now!.title, description: now!.description }).toEqual({
    enabled: before!.enabled, department: before!.department, title: before!.title, description: before!.description,
  });
  expect(now!.memberOf.map((g) => g.toLowerCase()).sort()).toEqual(before!.memberOf.map((g) => g.toLowerCase()).sort());
}

describe('undo a run against Samba', () => {
  it('reverses a run that disabled, moved, updated and revoked; links actions to HR changes; lists a delete as irreversible', async () => {
    serve([ann(), bob()]);
    await applied('2026-12-01');
    const before = { ann: await accountOf('410001'), bob: await accountOf('410002') };

    // Ann leaves; Bob moves to ICT with another function.
    serve([ann({ end: '2026-12-05' }), bob({ orgUnit: 'OE10', functionName: 'Systeembeheerder' })]);
    const plan = await applied('2026-12-06');
    expect(new Set(plan.actions.map((a) => a.action))).toEqual(new Set(['move', 'update', 'grant', 'revoke', 'disable']));
    expect(plan.safety?.hrChanges['410001']).toEqual(['contract 410001_1_1 ended 2026-12-05']);
    expect(plan.safety?.hrChanges['410002']).toEqual([
      'org unit OE20 → OE10 on contract 410002_1_1, effective 2026-12-06',
      'function Medewerker → Systeembeheerder on contract 410002_1_1, effective 2026-12-06',
    ]);
    const [run] = (await provisioner().history()).runs;
    expect((await accountOf('410001'))?.enabled).toBe(false);

    const file = await configFile();
    const shown = await cli(['undo', '--config', file, '--run', run!.runId, '--as-of', '2026-12-06']);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain(`Undo of run ${run!.runId}`);
    expect(shown.out).toContain('Nothing was written');
    expect((await accountOf('410001'))?.enabled).toBe(false);

    const undone = await cli(['undo', '--config', file, '--run', run!.runId, '--as-of', '2026-12-06', '--yes', '--json']);
    expect(undone.code).toBe(0);
    const result = JSON.parse(undone.out);
    expect(new Set(result.plan.actions.map((a: { action: string }) => a.action))).toEqual(new Set(['enable', 'grant', 'move', 'update', 'revoke']));
    expect(result.run.safety.undoOf).toBe(run!.runId);
    sameAccount(await accountOf('410001'), before.ann);
    sameAccount(await accountOf('410002'), before.bob);

    // Explain shows Bob's HR change and the actions it caused.
    const explained = await cli(['explain', '--config', file, '--person', '410002']);
    expect(explained.out).toContain('org unit OE20 → OE10 on contract 410002_1_1, effective 2026-12-06');
    expect(explained.out).toMatch(/move\s+k\.veiligb\s+updated/);
    expect(explained.out).toContain('HR: function Medewerker → Systeembeheerder');

    // HR still says Ann left: disabled again, and deleted 30 days later. A delete cannot be undone.
    await applied('2026-12-06');
    await applied('2027-01-06');
    expect(await accountOf('410001')).toBeUndefined();
    const [deleting] = (await provisioner().history()).runs;
    const { plan: undoDelete } = await provisioner().undo(deleting!.runId, { asOf: '2027-01-06', apply: false, trigger: 'cli' });
    expect(undoDelete.actions).toEqual([]);
    expect(undoDelete.safety?.irreversible).toEqual([
      expect.objectContaining({ what: `delete ${before.ann!.sAMAccountName}`, reason: expect.stringContaining('AD Recycle Bin') }),
    ]);
  });

  it('deletes an account the run created when nobody has used it', async () => {
    serve([bob()]);
    await applied('2026-12-01');
    const [created] = (await provisioner().history()).runs;
    const { plan, run } = await provisioner().undo(created!.runId, { asOf: '2026-12-01', apply: true, trigger: 'cli' });
    expect(plan.actions.find((a) => a.action === 'delete')?.reasons[0]).toContain('the account was never used');
    expect(run?.status).toBe('completed');
    expect(await accountOf('410002')).toBeUndefined();
  });
});
