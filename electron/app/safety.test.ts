import { describe, expect, it } from 'vitest';
import type { AdAction, Plan } from '../engine/model/plan';
import { summarisePlan } from '../engine/model/plan';
import { gateRun } from './safety';

function disable(id: string): AdAction {
  return {
    id, target: 'ad', action: 'disable', personId: id, account: { dn: `CN=${id},OU=Zorg,DC=x`, sAMAccountName: id, objectGuid: null },
    changes: [], entitlement: null, reasons: ['contract ended'], dependsOn: [],
  };
}

function planHolding(actions: readonly AdAction[], held: readonly string[]): Plan {
  return {
    planId: 'p1', asOf: '2026-11-30', createdAt: '2026-11-30T06:00:00Z', summary: summarisePlan(actions), actions, unmanaged: [], held: [], findings: [],
    safety: {
      guard: null, managedAccounts: { ad: 100 }, reviewMode: 'hold-over-limit', excluded: [], hrChanges: {},
      heldForReview: held.map((actionId) => ({ actionId, target: 'ad', kind: 'disable', reason: 'over the limit', waitsFor: null })),
    },
  };
}

const who = { by: 'admin', at: '2026-11-30T06:00:00Z' };

describe('gateRun', () => {
  it('runs what is not held and leaves the held actions waiting', () => {
    const gate = gateRun(planHolding([disable('a'), disable('b')], ['b']), {}, who);
    expect(gate.stop).toBeNull();
    expect(gate.actions.map((a) => a.id)).toEqual(['a']);
  });

  it('says held for review, not completed, when every action of the plan waits', () => {
    const gate = gateRun(planHolding([disable('a'), disable('b')], ['a', 'b']), {}, who);
    expect(gate).toMatchObject({ stop: 'held-for-review', actions: [], error: expect.stringContaining('all 2 action(s) are held for review') });
    expect(gateRun(planHolding([disable('a'), disable('b')], ['a', 'b']), { approve: ['a'], comment: 'ok' }, who).actions.map((a) => a.id)).toEqual(['a']);
  });
});
