import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dnEquals, parentDn } from '../engine/ad/dn';
import { accountOf, applied, cli, config, configFile, employee, enabledCount, fixture, provisioner, serve, staff, useSafetyFixture } from './safety-fixture';

/**
 * Safe by default, end to end against a real Samba AD DC and the Visma simulator: the source guard
 * and actions held for review with a partial approval. Each test has its own OU tree and data directory.
 */

useSafetyFixture();

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
    const planFile = path.join(fixture.dataDir, 'plan.json');
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
    expect(dnEquals(parentDn((await accountOf(first.personId!))!.dn), fixture.ous.disabled)).toBe(true);
    for (const other of disables.slice(1)) {
      const account = await accountOf(other.personId!);
      expect(account?.enabled).toBe(true);
      expect(dnEquals(parentDn(account!.dn), fixture.ous.users)).toBe(true);
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

describe('exclusions against Samba', () => {
  it('leaves everyone in an excluded org unit alone and lists them as excluded, with the reason', async () => {
    const excluded = { exclusions: [{ orgUnitId: 'OE10', reason: 'ICT manages its own accounts' }] };
    serve([employee('430001', 'x', { orgUnit: 'OE10', end: '2026-12-20' }), employee('430002', 'y')]);
    const plan = await applied('2026-12-01', config(excluded));
    expect(plan.safety?.excluded).toEqual([
      { personId: '430001', reason: 'everyone in org unit OE10 is excluded by the admin: ICT manages its own accounts', actionsLeftOut: 4 },
    ]);
    expect(plan.actions.some((a) => a.personId === '430001')).toBe(false);
    expect(await accountOf('430001')).toBeUndefined();
    expect((await accountOf('430002'))?.enabled).toBe(true);
    const shown = await cli(['preview', '--config', await configFile(excluded), '--as-of', '2026-12-01', '--days', '30']);
    expect(shown.out).toContain('1 person(s) are excluded; their accounts are left alone:');
    // The excluded person's contract ends within the look-ahead, yet nothing is announced for them.
    expect(shown.out).toContain('Look-ahead: nothing happens in the coming days if HR data stays as it is.');
  });
});
