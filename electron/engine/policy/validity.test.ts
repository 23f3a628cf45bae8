import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/finding';
import { readOrgUnitRows, readUdfRows } from '../visma/rows';
import { csvRows } from '../visma/rows-fixture';
import { conditionWindow, contractStateOn, customFieldsOn, customLabelsOn, isInCondition, isValidOn, validRowOn } from './validity';

const ignore = (_f: Finding): void => {};

describe('history rows', () => {
  // OE0042 is renamed from ICT to "ICT & Data" on 2025-07-01; the old row ends the day before.
  const units = readOrgUnitRows(csvRows(
    'orgunitid,orgunitparentid,orgname,manageruserid,startdate,enddate\n' +
    'OE0042,OE0001,ICT,U1,,2025-06-30\n' +
    'OE0042,OE0001,ICT & Data,U1,2025-07-01,\n'), ignore);

  it('treats empty dates as open and both ends as inclusive', () => {
    expect(isValidOn({ startDate: null, endDate: null }, '1900-01-01')).toBe(true);
    expect(isValidOn({ startDate: '2025-01-01', endDate: '2025-01-31' }, '2025-01-31')).toBe(true);
    expect(isValidOn({ startDate: '2025-01-01', endDate: '2025-01-31' }, '2025-02-01')).toBe(false);
    expect(isValidOn({ startDate: '2025-01-01', endDate: null }, '2024-12-31')).toBe(false);
  });

  it('picks the row valid the day before, on and after a rename', () => {
    expect(validRowOn(units, '2025-06-30')?.name).toBe('ICT');
    expect(validRowOn(units, '2025-07-01')?.name).toBe('ICT & Data');
    expect(validRowOn(units, '2025-07-02')?.name).toBe('ICT & Data');
  });

  it('prefers the latest start when rows overlap, and returns null when none is valid', () => {
    const overlapping = readOrgUnitRows(csvRows(
      'orgunitid,orgname,startdate,enddate\n' +
      'OE1,Nieuw,2025-07-01,\n' +
      'OE1,Oud,2020-01-01,2025-07-01\n'), ignore);
    expect(validRowOn(overlapping, '2025-07-01')?.name).toBe('Nieuw');
    expect(validRowOn(overlapping, '2019-12-31')).toBeNull();
  });

  it('reads custom fields valid on the date: expired and future rows do not count, value beats listname', () => {
    const udfs = readUdfRows(csvRows(
      'employeeid,fieldname,listname,value,startdate,enddate\n' +
      '100234,Pasnummer,,A11111,2023-01-01,2024-01-31\n' +
      '100234,Pasnummer,,A12345,2024-02-01,\n' +
      '100234,Pasnummer,,A99999,2026-01-01,\n' +
      '100234,Locatie,Utrecht,,2024-02-01,\n' +
      '100234,Team,Rood,R,,\n' +
      '100234,Verlopen,,x,2020-01-01,2020-12-31\n'), ignore);
    expect(customFieldsOn(udfs, '2025-06-01')).toEqual({ Pasnummer: 'A12345', Locatie: 'Utrecht', Team: 'R' });
    expect(customFieldsOn(udfs, '2024-01-31')).toEqual({ Pasnummer: 'A11111', Team: 'R' });
    expect(customFieldsOn(udfs, '2026-01-01')).toEqual({ Pasnummer: 'A99999', Locatie: 'Utrecht', Team: 'R' });
    expect(customLabelsOn(udfs, '2025-06-01')).toEqual({ Locatie: 'Utrecht', Team: 'Rood' });
  });
});

describe('contract state', () => {
  it('is future before the start, active from start through end day, ended after', () => {
    expect(contractStateOn('2026-02-01', '2026-06-30', '2026-01-31')).toBe('future');
    expect(contractStateOn('2026-02-01', '2026-06-30', '2026-02-01')).toBe('active');
    expect(contractStateOn('2026-02-01', '2026-06-30', '2026-06-30')).toBe('active');
    expect(contractStateOn('2026-02-01', '2026-06-30', '2026-07-01')).toBe('ended');
    expect(contractStateOn('2026-02-01', null, '2099-01-01')).toBe('active');
  });
});

describe('inCondition', () => {
  const lifecycle = { createDaysBeforeStart: 14, enableDaysBeforeStart: 0, disableDaysAfterEnd: 3, deleteDaysAfterEnd: 30 };
  const at = (asOf: string, start: string, end: string | null): boolean =>
    isInCondition(start, end, conditionWindow(asOf, lifecycle));

  it('starts exactly createDaysBeforeStart before the start', () => {
    expect(at('2026-01-17', '2026-02-01', null)).toBe(false);
    expect(at('2026-01-18', '2026-02-01', null)).toBe(true);
  });

  it('ends exactly disableDaysAfterEnd after the end, across a month boundary', () => {
    expect(at('2026-02-03', '2025-01-01', '2026-01-31')).toBe(true);
    expect(at('2026-02-04', '2025-01-01', '2026-01-31')).toBe(false);
  });

  it('reads the create offset as at least the enable offset', () => {
    const odd = conditionWindow('2026-01-22', { ...lifecycle, createDaysBeforeStart: 3, enableDaysBeforeStart: 10 });
    expect(isInCondition('2026-02-01', null, odd)).toBe(true);
    expect(isInCondition('2026-02-02', null, odd)).toBe(false);
  });

  it('has no upper bound for an open end, and zero offsets mean the contract days themselves', () => {
    expect(at('2090-01-01', '2025-01-01', null)).toBe(true);
    const zero = conditionWindow('2026-01-31', { ...lifecycle, createDaysBeforeStart: 0, disableDaysAfterEnd: 0 });
    expect(isInCondition('2026-01-31', '2026-01-31', zero)).toBe(true);
    expect(isInCondition('2026-02-01', null, zero)).toBe(false);
    expect(isInCondition('2026-01-01', '2026-01-30', zero)).toBe(false);
  });
});
