import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/finding';
import { csvRows } from './rows-fixture';
import {
  compareContractIds,
  compareIds,
  parseVismaDate,
  parseVismaNumber,
  readContractRows,
  readEmployeeRows,
  readOrgUnitRows,
  readUdfRows,
} from './rows';
import { Doubts } from './doubts';
import { describeDoubt } from '../model/person';

function collect(): { findings: Finding[]; report: (f: Finding) => void } {
  const findings: Finding[] = [];
  return { findings, report: (f) => findings.push(f) };
}

describe('parseVismaDate', () => {
  it('reads ISO dates, midnight timestamps and Dutch day-first dates', () => {
    expect(parseVismaDate('2026-02-01')).toEqual({ kind: 'date', date: '2026-02-01' });
    expect(parseVismaDate(' 2026-02-01T00:00:00 ')).toEqual({ kind: 'date', date: '2026-02-01' });
    expect(parseVismaDate('2026-02-01T00:00:00.000Z')).toEqual({ kind: 'date', date: '2026-02-01' });
    expect(parseVismaDate('01-02-2026')).toEqual({ kind: 'date', date: '2026-02-01' });
  });

  it('takes the date of a date-time with an offset in the organisation\'s time zone', () => {
    // One instant, written two ways: the same day in Amsterdam (1 April, CEST), whatever the machine's zone.
    expect(parseVismaDate('2026-03-31T22:00:00Z')).toEqual({ kind: 'date', date: '2026-04-01' });
    expect(parseVismaDate('2026-04-01T00:00:00+02:00')).toEqual({ kind: 'date', date: '2026-04-01' });
    // Winter time: 23:30 UTC on 31 January is already 1 February in Amsterdam, not yet in UTC.
    expect(parseVismaDate('2026-01-31T23:30:00Z')).toEqual({ kind: 'date', date: '2026-02-01' });
    expect(parseVismaDate('2026-01-31T23:30:00Z', 'UTC')).toEqual({ kind: 'date', date: '2026-01-31' });
    // Without an offset the time is the organisation's own clock: the date part is the date.
    expect(parseVismaDate('2026-03-31T23:30:00')).toEqual({ kind: 'date', date: '2026-03-31' });
    expect(parseVismaDate('2026-02-30T10:00:00Z')).toEqual({ kind: 'invalid', text: '2026-02-30T10:00:00Z' });
  });

  it('treats an empty cell as empty and everything else as invalid', () => {
    expect(parseVismaDate('  ')).toEqual({ kind: 'empty' });
    expect(parseVismaDate('2026-02-30')).toEqual({ kind: 'invalid', text: '2026-02-30' });
    expect(parseVismaDate('31-02-2026')).toEqual({ kind: 'invalid', text: '31-02-2026' });
    expect(parseVismaDate('0000-01-01')).toEqual({ kind: 'invalid', text: '0000-01-01' });
    expect(parseVismaDate('01-01-0000')).toEqual({ kind: 'invalid', text: '01-01-0000' });
    expect(parseVismaDate('1/2/2026')).toEqual({ kind: 'invalid', text: '1/2/2026' });
    expect(parseVismaDate('morgen')).toEqual({ kind: 'invalid', text: 'morgen' });
  });

  it('knows leap years', () => {
    expect(parseVismaDate('2024-02-29').kind).toBe('date');
    expect(parseVismaDate('2000-02-29').kind).toBe('date');
    expect(parseVismaDate('2100-02-29').kind).toBe('invalid');
    expect(parseVismaDate('29-02-2025').kind).toBe('invalid');
    expect(parseVismaDate('2025-04-31').kind).toBe('invalid');
  });
});

describe('parseVismaNumber', () => {
  it('accepts a dot or a comma as the decimal separator', () => {
    expect(parseVismaNumber('36')).toEqual({ kind: 'number', value: 36 });
    expect(parseVismaNumber('36.5')).toEqual({ kind: 'number', value: 36.5 });
    expect(parseVismaNumber(' 24,75 ')).toEqual({ kind: 'number', value: 24.75 });
    expect(parseVismaNumber('')).toEqual({ kind: 'empty' });
  });

  it('rejects thousands separators and text', () => {
    expect(parseVismaNumber('1.234,5').kind).toBe('invalid');
    expect(parseVismaNumber('36 uur').kind).toBe('invalid');
  });
});

describe('id ordering', () => {
  it('compares digit ids numerically and others as strings', () => {
    expect(['100', '9', '0010', '20'].sort(compareIds)).toEqual(['9', '0010', '20', '100']);
    expect(compareIds('12345678901234567890', '12345678901234567891')).toBeLessThan(0);
    expect(['b', 'A10', 'a'].sort(compareIds)).toEqual(['A10', 'a', 'b']);
    expect(compareIds('010', '10')).not.toBe(0);
  });

  it('compares contract ids part by part', () => {
    expect(['100_10_1', '100_2_1', '99_5_5', '100_2_10', '100_2_2'].sort(compareContractIds))
      .toEqual(['99_5_5', '100_2_1', '100_2_2', '100_2_10', '100_10_1']);
  });
});

describe('readEmployeeRows', () => {
  it('reads a BOM-prefixed export with quoted commas, quotes and diacritics, trimming values', () => {
    const rows = csvRows(
      '\uFEFF employeeid , Initials,firstname,nickname,nameusage,birthname,prefixbirthname,formattedname,dateofbirth,gender\n' +
      '100234,J.,Jan,Jan,Eigen,Berg,van den,"Berg, J. van den",1985-04-12,M\n' +
      '100235, É. ,Élodie,"Lo ""Lolo""",Partner, Düring ,,"Düring, É.",12-03-1990 ,V\n',
    );
    const { findings, report } = collect();
    const employees = readEmployeeRows(rows, report);
    expect(findings).toEqual([]);
    expect(employees).toHaveLength(2);
    expect(employees[0]).toMatchObject({
      employeeId: '100234', initials: 'J.', birthName: 'Berg', birthNamePrefix: 'van den',
      formattedName: 'Berg, J. van den', dateOfBirth: '1985-04-12', partnerName: '', businessEmail: '',
    });
    expect(employees[1]).toMatchObject({
      employeeId: '100235', initials: 'É.', nickname: 'Lo "Lolo"', birthName: 'Düring', dateOfBirth: '1990-03-12',
    });
  });

  it('reports an unreadable date of birth and a row without employee id', () => {
    const rows = csvRows(
      'employeeid,birthname,formattedname,dateofbirth\n' +
      '100300,Smit,"Smit, A.",1985-13-01\n' +
      ',Bakker,"Bakker, B.",1970-01-01\n',
    );
    const { findings, report } = collect();
    const employees = readEmployeeRows(rows, report);
    expect(employees.map((e) => [e.employeeId, e.dateOfBirth])).toEqual([['100300', null]]);
    expect(findings).toEqual([
      expect.objectContaining({ code: 'invalid-date', severity: 'error', employeeId: '100300' }),
      expect.objectContaining({ code: 'unknown-employee', severity: 'error', employeeId: null }),
    ]);
    expect(findings[0]?.message).toContain("'1985-13-01'");
    expect(findings[1]?.message).toContain('Bakker, B.');
  });
});

describe('readContractRows', () => {
  const header = 'employeeid,contractid,subcontractid,startdate,enddate,type,costcenter,orgunit,orgunitname,functionid,functionname,weekhoursfixed,manageruserid\n';

  it('reads contracts with open end dates and comma decimals', () => {
    const { findings, report } = collect();
    const rows = readContractRows(csvRows(header +
      '100234,1,1,2024-02-01,,Onbepaalde tijd,Afdeling ICT,OE0042,ICT,F0100,Systeembeheerder,"24,5",U00077\n' +
      '100234,2,1,2024-02-01T00:00:00,2026-01-31,Bepaalde tijd,,,,,,,\n'), report);
    expect(findings).toEqual([]);
    expect(rows[0]).toMatchObject({
      id: '100234_1_1', startDate: '2024-02-01', endDate: null, hoursPerWeek: 24.5, costCenterName: 'Afdeling ICT',
      orgUnitId: 'OE0042', managerUserId: 'U00077', type: 'Onbepaalde tijd',
    });
    expect(rows[1]).toMatchObject({ id: '100234_2_1', startDate: '2024-02-01', endDate: '2026-01-31', hoursPerWeek: null });
  });

  it('does not believe weekly hours outside 0-80 (negative, 1e23, 500): a finding, and the hours count as unknown', () => {
    const { findings, report } = collect();
    const rows = readContractRows(csvRows(header +
      '100234,1,1,2024-02-01,,x,,,,,,-8,\n' +
      '100234,2,1,2024-02-01,,x,,,,,,1e23,\n' +
      '100234,3,1,2024-02-01,,x,,,,,,100000000000000000000000,\n' +
      '100234,4,1,2024-02-01,,x,,,,,,"80,0",\n' +
      '100234,5,1,2024-02-01,,x,,,,,,0,\n'), report);
    expect(rows.map((r) => r.hoursPerWeek)).toEqual([null, null, null, 80, 0]);
    expect(findings.map((f) => [f.code, f.employeeId])).toEqual([
      ['invalid-number', '100234'], ['invalid-number', '100234'], ['invalid-number', '100234'],
    ]);
    expect(findings[0]?.message).toBe("contract 100234_1_1 has weekly hours '-8', outside 0-80; the hours are treated as unknown");
  });

  it('drops contracts whose dates cannot be read, records a doubt naming row and cell, and reports bad hours', () => {
    const { findings, report } = collect();
    const doubts = new Doubts();
    const csv = csvRows(header +
      '100234,1,1,,,x,,,,,,36,\n' +
      '100234,2,1,2024-02-30,,x,,,,,,36,\n' +
      '100234,3,1,2024-02-01,eind,x,,,,,,36,\n' +
      '100234,4,1,2024-02-01,,x,,,,,,zesendertig,\n' +
      ',5,1,2024-02-01,,x,,,,,,36,\n');
    doubts.numberRows(csv);
    const rows = readContractRows(csv, report, { doubts });
    expect(rows.map((r) => [r.id, r.hoursPerWeek])).toEqual([['100234_4_1', null]]);
    expect(doubts.of(['100234']).map(describeDoubt)).toEqual([
      "contracts row 1: startdate '' is empty",
      "contracts row 2: startdate '2024-02-30' is no date",
      "contracts row 3: enddate 'eind' is no date",
    ]);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['invalid-date', 'error'], ['invalid-date', 'error'], ['invalid-date', 'error'],
      ['invalid-number', 'warning'], ['unknown-employee', 'error'],
    ]);
    expect(findings[0]?.message).toBe('contract 100234_1_1 has no start date; the person is held until HR corrects it');
    expect(findings[2]?.message).toBe("contract 100234_3_1 has an unreadable end date 'eind'; the person is held until HR corrects it");
    expect(findings[3]?.message).toContain("'zesendertig'");
  });
});

describe('history readers', () => {
  it('read open dates as null and ignore rows with unreadable dates', () => {
    const { findings, report } = collect();
    const units = readOrgUnitRows(csvRows(
      'orgunitid,orgunitparentid,orgname,manageruserid,startdate,enddate\n' +
      'OE1,,Zorg,U1,,\n' +
      'OE2,OE1,Wonen,,2025-01-01,ooit\n'), report);
    expect(units).toEqual([{ orgUnitId: 'OE1', parentId: '', name: 'Zorg', managerUserId: 'U1', startDate: null, endDate: null }]);
    expect(findings).toEqual([expect.objectContaining({ code: 'invalid-date', employeeId: null })]);

    const udfFindings = collect();
    const udfs = readUdfRows(csvRows(
      'employeeid,contractid,subcontractid,fieldname,listname,value,startdate,enddate\n' +
      '100234,1,1,Locatie,Utrecht,UTR,2024-02-01,\n' +
      '100234,1,1,,x,y,2024-02-01,\n' +
      '100234,1,1,Locatie,,A,2024-02-31,\n'), udfFindings.report);
    expect(udfs).toHaveLength(1);
    expect(udfFindings.findings[0]?.message).toBe(
      "custom field 'Locatie' of contract 100234_1_1 has an unreadable start date '2024-02-31'; the row is ignored");
  });
});
