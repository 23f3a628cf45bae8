import { describe, expect, it } from 'vitest';
import type { PlannedAction } from '../model/plan';
import type { ActionOutcome } from '../model/run';
import { mixedPlan } from '../plan/plan-fixtures-mixed';
import { applyByTarget } from './apply-plan';

const at = '2026-11-30T08:00:00.000Z';
const ok = (action: PlannedAction): ActionOutcome => ({ actionId: action.id, outcome: 'created', error: null, at });

describe('applyByTarget', () => {
  it('hands each target its own actions, AD first, in plan order', async () => {
    const seen: string[] = [];
    const failures = await applyByTarget(
      mixedPlan().actions,
      {
        ad: async (actions) => (seen.push(...actions.map((a) => `ad ${a.account.sAMAccountName}`)), actions.map(ok)),
        'nedap-ons': async (actions) => (seen.push(...actions.map((a) => `nedap ${a.action} ${a.account.identificationNo}`)), actions.map(ok)),
      },
      async () => {},
    );
    expect(failures).toEqual([]);
    expect(seen).toEqual(['ad j.berg', 'nedap create-user 1003-1', 'nedap set-duties 1003-1']);
  });

  it('skips the actions of a target that is not configured, with a reason', async () => {
    const skipped: ActionOutcome[] = [];
    await applyByTarget(mixedPlan().actions, { ad: async (a) => a.map(ok), 'nedap-ons': null }, async (o) => void skipped.push(o), () => new Date(at));
    expect(skipped.map((o) => [o.actionId, o.outcome])).toEqual([
      ['0002-create-user-1003-1', 'skipped'],
      ['0003-set-duties-1003-1', 'skipped'],
    ]);
    expect(skipped[0]?.error).toMatch(/nedapOns/);
  });

  it('still runs Nedap Ons when the directory cannot be reached, and reports the AD failure', async () => {
    let nedapRan = false;
    const failures = await applyByTarget(
      mixedPlan().actions,
      {
        ad: async () => {
          throw new Error('directory unreachable');
        },
        'nedap-ons': async (a) => ((nedapRan = true), a.map(ok)),
      },
      async () => {},
    );
    expect(nedapRan).toBe(true);
    expect(failures.map((f) => f.target)).toEqual(['ad']);
  });
});
