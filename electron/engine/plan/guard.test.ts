import { describe, expect, it } from 'vitest';
import type { ImportBaseline, SourceCounts } from '../model/safety';
import type { VismaExport } from '../visma/datasets';
import { checkSource, sourceCounts } from './guard';

function counts(persons: number, options: { employments?: number; rows?: Partial<Record<string, number>> } = {}): SourceCounts {
  const employments = options.employments ?? persons;
  return {
    datasets: { employees: persons, contracts: employments, users: 5, ...options.rows },
    personIds: Array.from({ length: persons }, (_, i) => String(100_000 + i)),
    employmentIds: Array.from({ length: employments }, (_, i) => `${100_000 + i}_1_1`),
  };
}

function baseline(c: SourceCounts): ImportBaseline {
  return { planId: 'p-1', acceptedAt: '2026-11-01T06:00:00.000Z', asOf: '2026-11-01', counts: c };
}

describe('source counts', () => {
  it('come from the export rows: an ended contract counts as long as the export has it', () => {
    const rows = (n: number, make: (i: number) => Record<string, string>) => Array.from({ length: n }, (_, i) => make(i));
    const vismaExport: VismaExport = {
      employees: rows(2, (i) => ({ employeeid: String(100 + i) })),
      employeeUdfHistories: [],
      contracts: [
        { employeeid: '100', contractid: '1', subcontractid: '1', enddate: '2020-01-31' },
        { employeeid: '100', contractid: '2', subcontractid: '1', enddate: '' },
        { employeeid: '101', contractid: '1', subcontractid: '1', enddate: '' },
      ],
      contractUdfHistories: [],
      costCenters: [],
      users: rows(1, () => ({ userid: 'U1', employeeid: '100' })),
      organizationUnits: [],
    };
    expect(sourceCounts(vismaExport)).toEqual({
      datasets: { employees: 2, employeeUdfHistories: 0, contracts: 3, contractUdfHistories: 0, costCenters: 0, users: 1, organizationUnits: 0 },
      personIds: ['100', '101'],
      employmentIds: ['100_1_1', '100_2_1', '101_1_1'],
    });
  });
});

describe('source guard', () => {
  it('passes at its limit: 2 of 20 persons (10 %) gone', () => {
    const report = checkSource(counts(18), baseline(counts(20)));
    expect(report.passed).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.summary).toContain('2 missing');
  });

  it('passes below its limit', () => {
    expect(checkSource(counts(19), baseline(counts(20))).passed).toBe(true);
  });

  it('stops above its limit and says so in numbers', () => {
    const report = checkSource(counts(11), baseline(counts(17)));
    expect(report.passed).toBe(false);
    expect(report.problems).toContain(
      'the employees export has 11 persons; the last good import had 17; 6 (35 %) are missing, more than the 10 % allowed',
    );
    expect(report.problems.some((p) => p.startsWith('the contracts export has 11 employments; the last good import had 17; 6 (35 %)'))).toBe(true);
    expect(report.baseline?.planId).toBe('p-1');
  });

  it('counts persons that are gone even when new ones came in their place', () => {
    const now: SourceCounts = { ...counts(20), personIds: [...counts(20).personIds.slice(5), 'a', 'b', 'c', 'd', 'e'] };
    const report = checkSource(now, baseline(counts(20)));
    expect(report.passed).toBe(false);
    expect(report.problems[0]).toContain('5 (25 %) are missing');
  });

  it('takes an absolute count instead of a share', () => {
    expect(checkSource(counts(15), baseline(counts(20)), { count: 5 }).passed).toBe(true);
    const report = checkSource(counts(14), baseline(counts(20)), { count: 5 });
    expect(report.passed).toBe(false);
    expect(report.problems[0]).toContain('more than the 5 allowed');
  });

  it('stops when a dataset shrinks too much, even with every person present', () => {
    const report = checkSource(counts(20, { rows: { users: 2 } }), baseline(counts(20)));
    expect(report.passed).toBe(false);
    expect(report.problems).toEqual(['the users export has 2 rows; the last good import had 5; 3 (60 %) fewer, more than the 10 % allowed']);
  });

  it('holds on a first run when the export is empty', () => {
    const report = checkSource(counts(0), null);
    expect(report.passed).toBe(false);
    expect(report.baseline).toBeNull();
    expect(report.problems).toEqual([
      'the employees export is empty; an empty export never disables anyone',
      'the contracts export is empty; an empty export never disables anyone',
    ]);
  });

  it('passes a first run with persons in it', () => {
    const report = checkSource(counts(3), null);
    expect(report.passed).toBe(true);
    expect(report.summary).toContain('first run');
  });
});
