import { describe, expect, it } from 'vitest';
import { mixedPlan } from '../engine/plan/plan-fixtures-mixed';
import { formatHistory, formatPlan } from './format';

describe('formatPlan with both targets', () => {
  it('counts per target and kind and shows each action with its target and account', () => {
    const text = formatPlan(mixedPlan());
    expect(text).toContain('3 action(s): AD 1 create; Nedap 1 create-user, 1 set-duties');
    expect(text).toMatch(/AD\s+create\s+1003\s+j\.berg/);
    expect(text).toMatch(/Nedap\s+set-duties\s+1003\s+1003-1\s+rule "Zorg" grants role Wijkverpleging/);
    expect(text).toContain('roles: — -> Wijkverpleging');
  });

  it('names the target of every outcome in the history', () => {
    const plan = mixedPlan();
    const at = '2026-11-30T08:00:00.000Z';
    const text = formatHistory({
      runs: [
        {
          runId: 'r1', planId: plan.planId, asOf: plan.asOf, trigger: 'cli', startedAt: at, finishedAt: at, status: 'completed',
          actions: plan.actions,
          outcomes: plan.actions.map((a) => ({ actionId: a.id, outcome: 'created' as const, error: null, at })),
          ledger: [
            { kind: 'record', entry: { target: 'nedap-ons', account: '1003-1', accountId: 'u-1', entitlement: 'user', rule: null, how: 'adopted', at } },
            { kind: 'forget-account', target: 'ad', account: 'j.berg' },
          ],
          summary: { created: 3, updated: 0, unchanged: 0, failed: 0, skipped: 0, blocked: 0 },
          error: null,
          safety: null,
        },
      ],
      problems: [],
      keptSince: '2026-09-01',
      retentionDays: 90,
    });
    expect(text).toContain('created   AD create j.berg');
    expect(text).toContain('created   Nedap set-duties 1003-1');
    expect(text).toContain('entitlement ledger: AD +0 -1, Nedap +1 -0');
  });
});
