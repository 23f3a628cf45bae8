import { describe, expect, it } from 'vitest';
import type { AdAction } from '../model/plan';
import type { RunRecord } from '../model/run';
import { disabledOnFromHistory } from './disabled-on';

const disable = (id: string, guid: string | null): AdAction => ({
  id, target: 'ad', action: 'disable', personId: '1', account: { dn: 'CN=Jan,OU=Users,DC=x', sAMAccountName: 'jan', objectGuid: guid },
  changes: [], entitlement: null, reasons: [], dependsOn: [],
});

function run(asOf: string, actions: AdAction[], outcomes: Record<string, 'updated' | 'failed' | 'unchanged'>): RunRecord {
  return {
    runId: asOf, planId: 'p', asOf, trigger: 'cli', startedAt: `${asOf}T06:00:00Z`, finishedAt: null, status: 'completed', actions,
    outcomes: Object.entries(outcomes).map(([actionId, outcome]) => ({ actionId, outcome, error: null, at: `${asOf}T06:00:01Z` })),
    summary: { created: 0, updated: 0, unchanged: 0, failed: 0, skipped: 0, blocked: 0 }, error: null, safety: null,
  };
}

describe('disabledOnFromHistory', () => {
  it('takes the latest run whose disable of the account succeeded, by GUID', () => {
    const dates = disabledOnFromHistory([
      run('2026-12-10', [disable('a', 'G-1')], { a: 'updated' }),
      run('2026-12-01', [disable('a', 'g-1'), disable('b', 'g-2')], { a: 'updated', b: 'failed' }),
      run('2026-12-20', [disable('a', 'g-1'), disable('c', null)], { a: 'unchanged', c: 'updated' }),
    ]);
    expect([...dates]).toEqual([['g-1', '2026-12-10']]);
  });
});
