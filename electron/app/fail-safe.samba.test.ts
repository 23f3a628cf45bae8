import { describe, expect, it } from 'vitest';
import { dnEquals, parentDn } from '../engine/ad/dn';
import { addOu, withRawClient } from '../engine/ad/ldap-fixture';
import { LdapDirectory } from '../engine/ad/directory';
import { parseConfig } from './config';
import { accountOf, applied, connection, employee, fixture, provisioner, rawConfig, serve, useSafetyFixture } from './safety-fixture';

/**
 * Fail safe, end to end against a real Samba AD DC and the Visma simulator: the entitlement ledger
 * (a removed rule revokes only what it granted, a hand-added member stays), the re-check before a
 * write (an account moved out of scope after the preview is skipped), continuity over a weekend
 * gap, and the delete grace period after a retroactive end.
 */

useSafetyFixture();

async function withDirectory<T>(work: (directory: LdapDirectory) => Promise<T>): Promise<T> {
  const directory = new LdapDirectory(connection());
  try {
    return await work(directory);
  } finally {
    await directory.close();
  }
}

const memberOf = async (employeeId: string, group: string): Promise<boolean> =>
  ((await accountOf(employeeId))?.memberOf ?? []).some((g) => dnEquals(g, group));

describe('the entitlement ledger against Samba', () => {
  it('a removed rule revokes only what it granted, and a member added by hand is kept', async () => {
    const ict = employee('510001', 'a', { orgUnit: 'OE10' });
    const care = employee('510002', 'b');
    serve([ict, care]);
    await applied('2026-12-01');
    const { groups } = fixture;
    expect(await memberOf('510001', groups.ict)).toBe(true);
    // An admin adds the care employee to the ICT group by hand: the app never granted that.
    const careDn = (await accountOf('510002'))!.dn;
    await withDirectory((d) => d.addGroupMember(groups.ict, careDn));

    // The "ICT staff" rule is removed from the configuration.
    const raw = rawConfig();
    const policy = raw.policy as { rules: { name: string }[] };
    const cfg = parseConfig({ ...raw, policy: { ...policy, rules: policy.rules.filter((r) => r.name !== 'ICT staff') } }, fixture.dataDir);
    const plan = await applied('2026-12-02', cfg);
    const revokes = plan.actions.filter((a) => a.action === 'revoke');
    expect(revokes.map((a) => [a.personId, a.reasons[0]])).toEqual([['510001', expect.stringMatching(/^rule "ICT staff" granted it on \d{4}-\d{2}-\d{2}; that rule is no longer configured$/)]]);
    expect(await memberOf('510001', groups.ict)).toBe(false);
    expect(await memberOf('510002', groups.ict)).toBe(true);
    expect(await memberOf('510001', groups.allStaff)).toBe(true);
    // The run's history carries the ledger change of the revoke.
    const { runs } = await provisioner(cfg).history();
    expect(runs[0]?.outcomes.flatMap((o) => o.ledger ?? [])).toEqual([expect.objectContaining({ kind: 'forget', account: (await accountOf('510001'))!.sAMAccountName.toLowerCase() })]);
    // Converged: nothing more to do, the hand-added member stays.
    expect((await provisioner(cfg).preview('2026-12-03')).actions).toEqual([]);
  });
});

describe('re-checks before a write against Samba', () => {
  it('skips the actions of an account moved out of the managed OUs after the preview', async () => {
    serve([employee('520001', 'a')]);
    await applied('2026-12-01');
    serve([employee('520001', 'a', { end: '2026-12-05' })]);
    const plan = await provisioner().preview('2026-12-06');
    expect(plan.actions.map((a) => a.action).sort()).toEqual(['disable', 'move', 'revoke']);
    // After the preview, an admin moves the account to an OU the app does not manage.
    const elsewhere = `OU=Elsewhere,${parentDn(fixture.ous.users)}`;
    await withRawClient(connection(), (client) => addOu(client, elsewhere));
    const before = (await accountOf('520001'))!;
    await withDirectory((d) => d.move(before.dn, elsewhere));
    const run = await provisioner().apply({ plan, asOf: '2026-12-06', trigger: 'cli' });
    expect(run.outcomes.map((o) => o.outcome)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(run.outcomes[0]?.error).toContain(`was moved to ${elsewhere} after the preview, outside the managed OUs: it is not changed`);
    const after = (await accountOf('520001'))!;
    expect(after).toMatchObject({ enabled: true, description: before.description });
    expect(dnEquals(parentDn(after.dn), elsewhere)).toBe(true);
    expect(after.memberOf.length).toBe(before.memberOf.length);
  });
});

describe('continuity and the delete grace period against Samba', () => {
  it('a weekend gap between two contracts keeps the account enabled and its groups', async () => {
    const weekend = employee('530001', 'a', { end: '2026-12-04' });
    serve([{ ...weekend, contracts: [...weekend.contracts, { contractId: '2', start: '2026-12-07', orgUnit: 'OE20' }] }]);
    await applied('2026-12-01');
    const saturday = await provisioner().preview('2026-12-05');
    expect(saturday.actions).toEqual([]);
    expect(saturday.findings).toContainEqual(expect.objectContaining({ code: 'contract-gap-bridged', employeeId: '530001' }));
    expect((await accountOf('530001'))?.enabled).toBe(true);
  });

  it('a retroactive end disables now and deletes only after the grace period from the disable', async () => {
    serve([employee('540001', 'a')]);
    await applied('2026-12-01');
    // On 2027-01-10 HR records that the contract ended on 2026-11-30: end + 30 days has passed already.
    serve([employee('540001', 'a', { end: '2026-11-30' })]);
    const first = await applied('2027-01-10');
    expect(first.actions.map((a) => a.action)).not.toContain('delete');
    expect((await accountOf('540001'))?.enabled).toBe(false);
    expect((await provisioner().preview('2027-01-16')).actions).toEqual([]);
    const due = await applied('2027-01-17');
    expect(due.actions.map((a) => a.action)).toEqual(['delete']);
    expect(due.actions[0]?.reasons).toContain('disabled on 2027-01-10; deleted no earlier than 7 days after that (from 2027-01-17)');
    expect(await accountOf('540001')).toBeUndefined();
  });
});

describe('a doubtful contract date against Samba', () => {
  it('writes what the doubt cannot change, and holds the disable that a doubtful second contract could make wrong', async () => {
    serve([employee('550001', 'a', { hours: 24 })]);
    await applied('2026-12-01');
    const enabledDn = (await accountOf('550001'))!.dn;
    // HR adds a second contract with an end date no calendar has, and corrects the first name.
    const typo = { contractId: '2', start: '2026-06-01', end: '31-02-2027', orgUnit: 'OE20', hours: 8 };
    const renamed = { ...employee('550001', 'a', { hours: 24 }), firstName: 'Cees' };
    serve([{ ...renamed, contracts: [...renamed.contracts, typo] }]);
    const plan = await applied('2026-12-02');
    // The name change (attributes, and the CN in the same OU) is the same whether or not the second
    // contract counts: it reaches the directory.
    expect(plan.actions.filter((a) => a.personId === '550001').map((a) => a.action)).toEqual(['move', 'update']);
    expect(plan.held).toEqual([expect.objectContaining({ personId: '550001', reason: expect.stringMatching(/enddate '31-02-2027' is no date\); no action depends on it, so nothing waits$/) })]);
    const renamedAccount = (await accountOf('550001'))!;
    expect(renamedAccount.givenName).toBe('Cees');
    expect(dnEquals(parentDn(renamedAccount.dn), parentDn(enabledDn))).toBe(true);

    // The first contract ends, readably; the second might still run: nothing destructive happens.
    const ended = { ...renamed, contracts: [{ ...renamed.contracts[0]!, end: '2026-12-10' }, typo] };
    serve([ended]);
    const later = await applied('2026-12-20');
    expect(later.actions.filter((a) => a.personId === '550001')).toEqual([]);
    expect(later.held[0]?.reason).toMatch(/what it could change waits until HR corrects it \(.*disable .*\); the rest proceeds$/);
    const after = (await accountOf('550001'))!;
    expect(after.enabled).toBe(true);
    expect(dnEquals(after.dn, renamedAccount.dn)).toBe(true);
  });
});
