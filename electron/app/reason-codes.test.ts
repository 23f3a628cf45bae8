import { describe, expect, it } from 'vitest';
import { codeReason, translateReason } from '../shared/reason-codes';
import { contract, person, POLICY, SETTINGS, account, grantedLedger } from '../engine/plan/ad-plan.fixtures';
import { planAd } from '../engine/plan/ad-plan';
import { hrChanges } from '../engine/history/hr-changes';
import { heldReason } from '../engine/plan/ad-decide';
import { holdForReview } from '../engine/plan/limits';
import { partlyHeld } from '../engine/plan/doubt-hold';
import type { AdAccount } from '../engine/model/ad-account';
import type { Person } from '../engine/model/person';

/** The parts of `reasons` the catalogue does not know (a reason it knows as a whole counts as known). */
function unknown(reasons: readonly string[]): string[] {
  const missed: string[] = [];
  for (const reason of reasons) {
    translateReason(reason, (_, english) => english);
    if (codeReason(reason)) continue;
    for (const part of reason.split('; ')) if (!codeReason(part)) missed.push(part);
  }
  return missed;
}

function plan(persons: readonly Person[], accounts: readonly AdAccount[], asOf: string) {
  return planAd({
    persons, accounts, asOf, policy: POLICY, settings: SETTINGS, ledger: grantedLedger(accounts),
    now: () => new Date('2026-11-27T06:00:00Z'), newId: () => 'plan-1',
  });
}

describe('reason codes', () => {
  it('gives a code and parameters, counts as numbers', () => {
    expect(codeReason('contract 100234_1_1 active since 2026-01-01, no end date')).toEqual({ code: 'contractActiveOpen', params: { contract: '100234_1_1', date: '2026-01-01' } });
    expect(codeReason('disable 3 days after end')).toEqual({ code: 'disableAfterEnd', params: { count: 3 } });
    expect(codeReason('something the engine never said')).toBeNull();
  });

  it('translates a reason part by part and keeps what it does not know', () => {
    const upper = translateReason('contract 1_1 ended 2026-11-01; disable 0 days after end; a new kind of part', (coded) => coded.code.toUpperCase());
    expect(upper).toBe('CONTRACTENDED; DISABLEAFTEREND; a new kind of part');
  });

  it('knows every reason the AD planner gives a joiner, a leaver, a mover and a future joiner', () => {
    const joiner = person({ id: '100001', contracts: [contract({ employeeId: '100001', orgUnit: { id: 'OE20', name: 'Care' } })] });
    const future = person({ id: '100002', contracts: [contract({ employeeId: '100002', startDate: '2026-12-05' })] });
    const leaver = person({ id: '100003', contracts: [contract({ employeeId: '100003', endDate: '2026-11-20' })] });
    const gone = account({ dn: `CN=Kees Gone,${SETTINGS.ouByOrgUnit.OE10 ?? ''}`, sAMAccountName: 'k.gone', employeeID: '100003' });
    const p = plan([joiner, future, leaver], [gone], '2026-11-27');
    const reasons = p.actions.flatMap((a) => a.reasons);
    expect(reasons.length).toBeGreaterThan(5);
    expect(unknown(reasons)).toEqual([]);
  });

  it('knows the HR changes behind an action, held persons and actions over a limit', () => {
    const before = person({ id: '100001', contracts: [contract({ employeeId: '100001', endDate: '2027-01-31' })] });
    const after = person({ id: '100001', contracts: [contract({ employeeId: '100001', endDate: '2026-12-31', orgUnit: { id: 'OE20', name: 'Care' }, function: { id: 'F02', name: 'Nurse' } }), contract({ id: '100001_2_1', employeeId: '100001', startDate: '2027-02-01' })] });
    expect(unknown([...hrChanges(before, after, '2026-11-27'), ...hrChanges(undefined, after, '2026-11-27'), ...hrChanges(before, undefined, '2026-11-27')])).toEqual([]);
    const doubtful = { personId: '210001', employeeIds: ['210001'], doubts: [{ dataset: 'contracts', row: 1, column: 'enddate', text: '31-02-2027', problem: 'is no date' }] };
    const held = heldReason(doubtful);
    expect(codeReason(held)).toMatchObject({ code: 'hrUnreadable', params: { employee: '210001' } });
    expect(unknown([held, "contracts row 1: enddate '31-02-2027' is no date"])).toEqual([]);
    const joiners = ['1', '2', '3'].map((id) => person({ id: `10000${id}`, contracts: [contract({ employeeId: `10000${id}` })] }));
    const actions = plan(joiners, [], '2026-11-27').actions;
    const overLimit = holdForReview(actions, [{ target: 'ad', kind: 'create', limit: { count: 2 } }], { ad: 100 });
    expect(overLimit.length).toBeGreaterThan(0);
    expect(unknown(overLimit.map((h) => h.reason))).toEqual([]);
    expect(codeReason(partlyHeld(doubtful, 'ad', [], actions.slice(0, 2)).reason)).toMatchObject({ code: 'hrUnreadablePartly', params: { waiting: expect.stringMatching(/^create /) } });
    expect(codeReason(partlyHeld(doubtful, 'ad', [], []).reason)?.code).toBe('hrUnreadableNothingWaits');
    expect(codeReason(overLimit[0]?.reason ?? '')).toMatchObject({ code: 'overLimit', params: { count: 3, kinds: 'creates', target: 'Active Directory', allowed: '2' } });
  });
});
