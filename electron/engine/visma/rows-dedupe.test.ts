import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/finding';
import { CONTRACT_DEDUPE, EMPLOYEE_DEDUPE, dedupeRows } from './rows-dedupe';
import { csvRows } from './rows-fixture';

function collect(): { findings: Finding[]; report: (f: Finding) => void } {
  const findings: Finding[] = [];
  return { findings, report: (f) => findings.push(f) };
}

describe('dedupeRows', () => {
  it('drops exact duplicates (also when they differ only in surrounding spaces) with an info finding', () => {
    const { findings, report } = collect();
    const out = dedupeRows(csvRows(
      'employeeid,birthname,existencestartutc\n' +
      '100234,Berg,2024-01-01T00:00:00Z\n' +
      '100235,Smit,2024-01-01T00:00:00Z\n' +
      '100234,Berg ,2024-01-01T00:00:00Z\n'), EMPLOYEE_DEDUPE, report);
    expect(out.map((r) => r['employeeid'])).toEqual(['100234', '100235']);
    expect(findings).toEqual([{
      severity: 'info', code: 'duplicate-row', employeeId: '100234',
      message: 'employee 100234 appears more than once in the employees export with identical data; the copy is ignored',
    }]);
  });

  it('keeps the row with the latest existencestartutc when rows with one key differ', () => {
    const { findings, report } = collect();
    const out = dedupeRows(csvRows(
      'employeeid,birthname,existencestartutc\n' +
      '100234,Berg,2025-03-01T08:00:00Z\n' +
      '100234,Bergh,2024-01-01T00:00:00Z\n' +
      '100234,Berg,2025-03-01T08:00:00Z\n'), EMPLOYEE_DEDUPE, report);
    expect(out).toEqual([{ employeeid: '100234', birthname: 'Berg', existencestartutc: '2025-03-01T08:00:00Z' }]);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['duplicate-row', 'info'], ['duplicate-row', 'warning']]);
    expect(findings[1]?.message).toBe(
      'employee 100234 appears in 2 different versions in the employees export; ' +
      'the row with the latest existencestartutc (2025-03-01T08:00:00Z) is used');
  });

  it('keys contracts on employee, contract and subcontract id; without timestamps the last row wins', () => {
    const { findings, report } = collect();
    const out = dedupeRows(csvRows(
      'employeeid,contractid,subcontractid,startdate,enddate\n' +
      '100234,1,1,2024-01-01,\n' +
      '100234,1,2,2024-01-01,\n' +
      '100234,1,1,2024-01-01,2026-01-31\n' +
      ',1,1,2024-01-01,\n' +
      ',1,1,2024-01-01,\n'), CONTRACT_DEDUPE, report);
    expect(out.map((r) => `${r['employeeid']}_${r['contractid']}_${r['subcontractid']}:${r['enddate']}`))
      .toEqual(['100234_1_1:2026-01-31', '100234_1_2:', '_1_1:', '_1_1:']);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe(
      'contract 100234_1_1 appears in 2 different versions in the contracts export; ' +
      'none has an existencestartutc, so the last row in the file is used');
  });
});
