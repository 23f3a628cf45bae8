import { describe, expect, it } from 'vitest';
import type { AdAction, Plan } from '../engine/model/plan';
import { summarisePlan } from '../engine/model/plan';
import type { RunRecord } from '../engine/model/run';
import { explainPerson } from './explain';

function action(id: string, kind: AdAction['action']): AdAction {
  return {
    id, target: 'ad', action: kind, personId: '100234', account: { dn: 'CN=Jan,OU=Zorg,DC=x', sAMAccountName: 'j.berg', objectGuid: 'g' },
    changes: [], entitlement: null, reasons: [`${kind} because`], dependsOn: [],
  };
}

const actions = [action('1-update-100234', 'update'), action('2-grant-100234', 'grant')];
const plan: Plan = { planId: 'p1', asOf: '2026-11-30', createdAt: '2026-11-30T06:00:00Z', summary: summarisePlan(actions), actions, unmanaged: [], held: [], findings: [] };

describe('explainPerson', () => {
  it('lists an action of the latest plan as past once a run carried it out, and the rest as planned', () => {
    const run: RunRecord = {
      runId: 'r1', planId: 'p1', asOf: '2026-11-30', trigger: 'manual', startedAt: '2026-11-30T06:01:00Z', finishedAt: '2026-11-30T06:02:00Z',
      status: 'completed', actions: [actions[0]!], outcomes: [{ actionId: '1-update-100234', outcome: 'updated', error: null, at: '2026-11-30T06:01:30Z' }],
      summary: { created: 0, updated: 1, unchanged: 0, failed: 0, skipped: 0, blocked: 0 }, error: null, safety: null,
    };
    const explained = explainPerson({ id: '100234', snapshots: [], runs: [run], latestPlan: plan });
    expect(explained.past.map((a) => [a.action, a.outcome])).toEqual([['update', 'updated']]);
    expect(explained.planned.map((a) => [a.action, a.outcome])).toEqual([['grant', 'planned']]);
    expect(explainPerson({ id: '100234', snapshots: [], runs: [], latestPlan: plan }).planned).toHaveLength(2);
  });
});
