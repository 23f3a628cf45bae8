import { describe, expect, it } from 'vitest';
import type { LifecyclePolicy } from '../model/policy';
import { DEFAULT_LIFECYCLE } from '../model/policy';
import { contract } from '../plan/ad-plan.fixtures';
import { contractWindows, evaluateLifecycle } from './lifecycle';
import { conditionWindow, isInCondition } from './validity';

// Non-zero offsets everywhere, so every boundary is a distinct day.
const policy: LifecyclePolicy = { createDaysBeforeStart: 10, enableDaysBeforeStart: 3, disableDaysAfterEnd: 2, deleteDaysAfterEnd: 30 };
const c = contract({ id: '100234_1_1', startDate: '2026-12-01', endDate: '2027-03-31' });

function stage(asOf: string, contracts = [c], p = policy): string {
  return evaluateLifecycle(contracts, asOf, p).stage;
}

describe('evaluateLifecycle boundaries', () => {
  it.each([
    ['2026-11-20', 'none'],
    ['2026-11-21', 'prepare'], // start - 10
    ['2026-11-27', 'prepare'],
    ['2026-11-28', 'active'], // start - 3
    ['2027-03-31', 'active'], // end
    ['2027-04-02', 'active'], // end + 2
    ['2027-04-03', 'disabled'],
    ['2027-04-30', 'disabled'], // end + 30
    ['2027-05-01', 'delete'],
  ])('on %s the stage is %s', (asOf, expected) => {
    expect(stage(asOf)).toBe(expected);
  });

  it('explains itself with the contract id and dates', () => {
    expect(evaluateLifecycle([c], '2026-11-21', policy).reasons).toEqual([
      'contract 100234_1_1 starts 2026-12-01; create 10 days before start, enable from 2026-11-28',
    ]);
    expect(evaluateLifecycle([c], '2026-11-29', policy).reasons).toEqual(['contract 100234_1_1 starts 2026-12-01; enable 3 days before start']);
    expect(evaluateLifecycle([c], '2027-04-01', policy).reasons).toEqual([
      'contract 100234_1_1 ended 2027-03-31; disable 2 days after end (enabled until 2027-04-02)',
    ]);
    const disabled = evaluateLifecycle([c], '2027-04-03', policy);
    expect(disabled.reasons[0]).toBe('contract 100234_1_1 ended 2027-03-31; disable 2 days after end');
    expect(disabled.cause).toBe('contract 100234_1_1 ended 2027-03-31');
    expect(evaluateLifecycle([c], '2027-05-01', policy).reasons).toEqual(['contract 100234_1_1 ended 2027-03-31; delete 30 days after end']);
  });

  it('uses the defaults of the issue: create 7 before, enable on start, disable the day after the end', () => {
    const d = contract({ startDate: '2026-12-01', endDate: '2027-01-31' });
    expect(stage('2026-11-23', [d], DEFAULT_LIFECYCLE)).toBe('none');
    expect(stage('2026-11-24', [d], DEFAULT_LIFECYCLE)).toBe('prepare');
    expect(stage('2026-12-01', [d], DEFAULT_LIFECYCLE)).toBe('active');
    expect(stage('2027-01-31', [d], DEFAULT_LIFECYCLE)).toBe('active');
    expect(stage('2027-02-01', [d], DEFAULT_LIFECYCLE)).toBe('disabled');
    expect(stage('2027-03-03', [d], DEFAULT_LIFECYCLE)).toBe('delete');
  });

  it('takes all contracts: any enabled contract makes the person active', () => {
    const ended = contract({ id: 'old', startDate: '2020-01-01', endDate: '2026-06-30' });
    const running = contract({ id: 'new', startDate: '2026-06-01', endDate: null });
    expect(stage('2026-08-01', [ended, running])).toBe('active');
    expect(evaluateLifecycle([ended, running], '2026-08-01', policy).inCondition.map((x) => x.id)).toEqual(['new']);
  });

  it('keeps a returning employee out of delete while a new contract is coming', () => {
    const ended = contract({ id: 'old', startDate: '2020-01-01', endDate: '2025-01-31' });
    const coming = contract({ id: 'back', startDate: '2026-09-01', endDate: null });
    expect(stage('2026-06-01', [ended, coming])).toBe('none');
    expect(stage('2026-08-22', [ended, coming])).toBe('prepare');
  });

  it('treats a gap between contracts as disabled, not deleted', () => {
    const first = contract({ id: 'a', startDate: '2026-01-01', endDate: '2026-01-31' });
    const second = contract({ id: 'b', startDate: '2026-03-01', endDate: null });
    expect(stage('2026-02-10', [first, second])).toBe('disabled');
  });

  it('treats "no contracts" as ended long ago', () => {
    const evaluation = evaluateLifecycle([], '2026-06-01', policy);
    expect(evaluation.stage).toBe('delete');
    expect(evaluation.reasons[0]).toMatch(/no contracts/);
  });

  it('exposes windows and the in-condition test', () => {
    expect(contractWindows(c, policy)).toEqual({
      contractId: '100234_1_1',
      createFrom: '2026-11-21',
      enableFrom: '2026-11-28',
      enabledUntil: '2027-04-02',
      existsUntil: '2027-04-30',
    });
    // The in-condition window of `validity` agrees with the windows here, on both edges.
    expect(isInCondition(c.startDate, c.endDate, conditionWindow('2026-11-21', policy))).toBe(true);
    expect(isInCondition(c.startDate, c.endDate, conditionWindow('2027-04-02', policy))).toBe(true);
    expect(isInCondition(c.startDate, c.endDate, conditionWindow('2026-11-20', policy))).toBe(false);
    expect(isInCondition(c.startDate, c.endDate, conditionWindow('2027-04-03', policy))).toBe(false);
  });

  it('nests the windows even for an odd policy (enable before create, delete before disable)', () => {
    const odd: LifecyclePolicy = { createDaysBeforeStart: 0, enableDaysBeforeStart: 5, disableDaysAfterEnd: 10, deleteDaysAfterEnd: 2 };
    expect(stage('2026-11-26', [c], odd)).toBe('active');
    expect(stage('2027-04-10', [c], odd)).toBe('active');
    expect(stage('2027-04-11', [c], odd)).toBe('delete');
  });
});

describe('bridging a short gap between contracts (bridgeGapDays)', () => {
  const friday = contract({ id: '100234_1_1', startDate: '2020-01-01', endDate: '2026-12-04' });
  const monday = contract({ id: '100234_1_2', startDate: '2026-12-07', endDate: null });

  it('keeps the account enabled over a weekend gap, and says why', () => {
    const saturday = evaluateLifecycle([friday, monday], '2026-12-05', DEFAULT_LIFECYCLE);
    expect(saturday.stage).toBe('active');
    expect(saturday.reasons).toEqual([
      'contract 100234_1_1 ended 2026-12-04 and contract 100234_1_2 starts 2026-12-07: a gap of 2 days, at most bridgeGapDays (7 days), so the account stays enabled and keeps its entitlements',
    ]);
    // The bridged contract stays in condition, so the groups its rules grant stay too.
    expect(saturday.inCondition.map((x) => x.id)).toContain('100234_1_1');
  });

  it('bridges up to bridgeGapDays days and no further; 0 bridges nothing', () => {
    const later = (start: string) => contract({ id: '100234_1_2', startDate: start, endDate: null });
    expect(evaluateLifecycle([friday, later('2026-12-12')], '2026-12-05', DEFAULT_LIFECYCLE).stage).toBe('active'); // 7 days
    expect(evaluateLifecycle([friday, later('2026-12-13')], '2026-12-05', { ...DEFAULT_LIFECYCLE, createDaysBeforeStart: 0 }).stage).toBe('disabled'); // 8 days
    expect(evaluateLifecycle([friday, monday], '2026-12-05', { ...DEFAULT_LIFECYCLE, bridgeGapDays: 0, createDaysBeforeStart: 0 }).stage).toBe('disabled');
  });
});
