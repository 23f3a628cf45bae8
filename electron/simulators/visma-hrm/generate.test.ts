import { describe, expect, it } from 'vitest';
import type { CsvRow } from '../../engine/visma/datasets';
import { DATASETS } from '../../engine/visma/datasets';
import { DATASET_COLUMNS } from './columns';
import { generateVismaData } from './generate';

const AS_OF = '2026-11-27';
const DAY = 86_400_000;
const asOfMs = Date.parse(`${AS_OF}T00:00:00Z`);
const daysFromAsOf = (date: string): number => (Date.parse(`${date}T00:00:00Z`) - asOfMs) / DAY;

// One large data set shared by the shape tests: the proportions only settle at realistic sizes.
const LARGE = generateVismaData({ seed: 42, employees: 30_000, asOf: AS_OF });

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const humanKey = (row: CsvRow): string =>
  [row['initials'], row['gender'], row['dateofbirth'], row['birthname'], row['prefixbirthname'], row['firstname']].join('|');

function uniqueEmployees(rows: readonly CsvRow[]): CsvRow[] {
  return [...new Map(rows.map((row) => [row['employeeid'] as string, row])).values()];
}

describe('generateVismaData: determinism', () => {
  it('gives the same data for the same seed and different data for another seed', () => {
    const options = { seed: 5, employees: 400, asOf: AS_OF };
    const first = generateVismaData(options);
    expect(generateVismaData(options)).toEqual(first);
    const other = generateVismaData({ ...options, seed: 6 });
    expect(other.employees.map((row) => row['birthname'])).not.toEqual(first.employees.map((row) => row['birthname']));
  });

  it('refuses an as-of date that is not a calendar date', () => {
    expect(() => generateVismaData({ seed: 1, employees: 10, asOf: '2026-02-30' })).toThrow(/calendar date/);
    expect(() => generateVismaData({ seed: 1, employees: 10, asOf: '27-11-2026' })).toThrow(/YYYY-MM-DD/);
  });

  it('still produces every dataset for a handful of employees', () => {
    const tiny = generateVismaData({ seed: 3, employees: 3, asOf: AS_OF });
    expect(uniqueEmployees(tiny.employees)).toHaveLength(3);
    expect(tiny.contracts.length).toBeGreaterThanOrEqual(3);
    expect(new Set(tiny.organizationUnits.map((row) => row['orgunitid'])).size).toBe(40);
    for (const unit of tiny.organizationUnits) expect(unit['manageruserid']).not.toBe('');
  });
});

describe('generateVismaData: columns', () => {
  it('fills every dataset with exactly the column set of the reference, in order', () => {
    for (const dataset of DATASETS) {
      const rows = LARGE[dataset.name];
      expect(rows.length, dataset.name).toBeGreaterThan(0);
      for (const row of [rows[0], rows.at(-1)] as CsvRow[]) expect(Object.keys(row)).toEqual(DATASET_COLUMNS[dataset.name]);
      for (const column of dataset.requiredColumns) expect(DATASET_COLUMNS[dataset.name]).toContain(column);
    }
  });

  it('writes only strings', () => {
    for (const dataset of DATASETS) {
      const offending = LARGE[dataset.name].filter((row) => {
        for (const key in row) if (typeof row[key] !== 'string') return true;
        return false;
      });
      expect(offending, dataset.name).toEqual([]);
    }
  });
});

describe('generateVismaData: employees', () => {
  const employees = uniqueEmployees(LARGE.employees);

  it('has the number of employee records asked for, with numeric ids from 100000 upwards', () => {
    expect(employees).toHaveLength(30_000);
    const ids = employees.map((row) => Number(row['employeeid']));
    expect(ids[0]).toBe(100000);
    expect(employees.filter((row) => !/^\d{6,}$/.test(row['employeeid'] as string))).toEqual([]);
    expect(ids.every((id, index) => index === 0 || id > (ids[index - 1] as number))).toBe(true);
  });

  it('repeats about 0.2 % of employee rows exactly', () => {
    const duplicates = LARGE.employees.length - employees.length;
    expect(duplicates).toBeGreaterThan(20);
    expect(duplicates).toBeLessThan(120);
    const repeated = [...groupBy(LARGE.employees, (row) => row['employeeid'] as string).values()].filter((group) => group.length > 1);
    expect(repeated).toHaveLength(duplicates);
    for (const [first, second] of repeated) expect(second).toEqual(first);
  });

  it('gives about 3 % of humans a second employee record with a higher id and its own contract', () => {
    const humans = groupBy(employees, humanKey);
    const multi = [...humans.values()].filter((records) => records.length > 1);
    expect(multi.length / employees.length).toBeGreaterThan(0.025);
    expect(multi.length / employees.length).toBeLessThan(0.06);
    const contractsByEmployee = groupBy(LARGE.contracts, (row) => row['employeeid'] as string);
    const wrong = multi.filter((records) => {
      const [first, second] = records.map((row) => row['employeeid'] as string);
      return !(Number(second) > Number(first)) || (contractsByEmployee.get(second as string)?.length ?? 0) === 0;
    });
    expect(wrong).toEqual([]);
  });

  it('has rehires: an ended contract on the lower id, a later contract on a new id', () => {
    const humans = groupBy(employees, humanKey);
    const contractsByEmployee = groupBy(LARGE.contracts, (row) => row['employeeid'] as string);
    const rehires = [...humans.values()].filter((records) => {
      if (records.length < 2) return false;
      const old = contractsByEmployee.get(records[0]?.['employeeid'] as string) ?? [];
      const next = contractsByEmployee.get(records[1]?.['employeeid'] as string) ?? [];
      const oldEnd = old.every((row) => row['enddate'] !== '') ? old.map((row) => row['enddate'] as string).sort().at(-1) : undefined;
      return oldEnd !== undefined && daysFromAsOf(oldEnd) < -100 && next.every((row) => (row['startdate'] as string) > oldEnd);
    });
    expect(rehires.length).toBeGreaterThan(150);
  });

  it('uses exactly the four Dutch name usages, with the partner name filled when it is used', () => {
    const usages = new Set(employees.map((row) => row['nameusage']));
    expect([...usages].sort()).toEqual(['Eig./Part.', 'Eigen', 'Part./eig.', 'Partner']);
    expect(employees.filter((row) => row['nameusage'] !== 'Eigen' && row['partnername'] === '')).toEqual([]);
    // Married people who keep their own name still have a partner name registered.
    expect(employees.some((row) => row['nameusage'] === 'Eigen' && row['partnername'] !== '')).toBe(true);
  });

  it('has Dutch prefixes, diacritics, initials, genders and ISO birth dates', () => {
    const prefixes = new Set(employees.map((row) => row['prefixbirthname']));
    for (const prefix of ['van', 'van den', 'de', 'ter', 'van der', "in 't"]) expect(prefixes).toContain(prefix);
    const first = new Set(employees.map((row) => row['firstname']?.split(' ')[0]));
    for (const name of ['Zoë', 'Ümit', 'Anaïs', 'Renée', 'Jérôme']) expect(first).toContain(name);
    expect(employees.some((row) => row['birthname'] === 'Çelik')).toBe(true);
    expect(employees.filter((row) => !/^(?:(?:IJ|\p{Lu})\.)+$/u.test(row['initials'] as string))).toEqual([]);
    expect(employees.filter((row) => row['gender'] !== 'M' && row['gender'] !== 'V')).toEqual([]);
    expect(employees.filter((row) => !/^\d{4}-\d{2}-\d{2}$/.test(row['dateofbirth'] as string))).toEqual([]);
    expect(employees.filter((row) => row['companyid'] === '')).toEqual([]);
    expect(employees.some((row) => (row['initials'] as string).length >= 4)).toBe(true);
  });

  it('shares a business e-mail address only between records of the same human', () => {
    const byAddress = groupBy(employees.filter((row) => row['businessemailaddress'] !== ''), (row) => row['businessemailaddress'] as string);
    expect([...byAddress.values()].filter((records) => new Set(records.map(humanKey)).size > 1)).toEqual([]);
  });
});

describe('generateVismaData: contracts', () => {
  it('has about 35,000 contract lines per 30,000 employee records', () => {
    expect(LARGE.contracts.length).toBeGreaterThan(33_000);
    expect(LARGE.contracts.length).toBeLessThan(37_000);
  });

  it('has future hires, recent and upcoming leavers, and second contract lines', () => {
    const starts = LARGE.contracts.map((row) => daysFromAsOf(row['startdate'] as string));
    const ends = LARGE.contracts.filter((row) => row['enddate'] !== '').map((row) => daysFromAsOf(row['enddate'] as string));
    expect(starts.filter((day) => day > 0 && day <= 30).length).toBeGreaterThan(300);
    expect(starts.every((day) => day <= 30)).toBe(true);
    expect(ends.filter((day) => day <= 0 && day >= -60).length).toBeGreaterThan(600);
    expect(ends.filter((day) => day > 0 && day <= 14).length).toBeGreaterThan(100);
    expect(LARGE.contracts.filter((row) => row['subcontractid'] === '2').length).toBeGreaterThan(2_500);
    expect(LARGE.contracts.filter((row) => row['enddate'] !== '' && (row['enddate'] as string) < (row['startdate'] as string))).toEqual([]);
  });

  it('points at org units, cost-centre names and manager users that exist', () => {
    const units = new Set(LARGE.organizationUnits.map((row) => row['orgunitid']));
    const costCenterNames = new Set(LARGE.costCenters.map((row) => row['costcentername']));
    const users = new Map(LARGE.users.map((row) => [row['userid'], row]));
    const employeeIds = new Set(LARGE.employees.map((row) => row['employeeid']));
    const dangling = LARGE.contracts.filter((row) => {
      const manager = users.get(row['manageruserid']);
      // Only the director's contract has nobody above it.
      const needsManager = row['functionname'] !== 'Bestuurder';
      return !units.has(row['orgunit']) || !costCenterNames.has(row['costcenter']) || !employeeIds.has(row['employeeid'])
        || (needsManager && !employeeIds.has(manager?.['employeeid']));
    });
    expect(dangling).toEqual([]);
    expect(new Set(LARGE.contracts.map((row) => row['functionname']))).toContain('Verzorgende IG');
    expect(new Set(LARGE.contracts.map((row) => row['weekhoursfixed']))).toContain('32.5');
  });
});

describe('generateVismaData: organisation units, users, cost centres', () => {
  it('has about forty units with parents, managers and history rows', () => {
    const byUnit = groupBy(LARGE.organizationUnits, (row) => row['orgunitid'] as string);
    expect(byUnit.size).toBe(40);
    const names = LARGE.organizationUnits.map((row) => row['orgname']);
    for (const name of ['Zorgteam Noord', 'ICT', 'HR', 'Wijkverpleging Oost', 'Thuiszorg Centrum']) expect(names).toContain(name);
    const users = new Map(LARGE.users.map((row) => [row['userid'], row]));
    expect(LARGE.organizationUnits.filter((row) => row['orgunitparentid'] !== '' && !byUnit.has(row['orgunitparentid'] as string))).toEqual([]);
    expect(LARGE.organizationUnits.filter((row) => !users.get(row['manageruserid'])?.['employeeid'])).toEqual([]);
    expect(LARGE.organizationUnits.filter((row) => row['orgunitparentid'] === '')).toHaveLength(1);
  });

  it('renames some units: an old row valid until a past day, the new one from the next day', () => {
    const histories = [...groupBy(LARGE.organizationUnits, (row) => row['orgunitid'] as string).values()].filter((rows) => rows.length > 1);
    expect(histories.length).toBeGreaterThanOrEqual(4);
    for (const [old, current] of histories as [CsvRow, CsvRow][]) {
      expect(old['orgname']).not.toBe(current['orgname']);
      expect(daysFromAsOf(current['startdate'] as string) - daysFromAsOf(old['enddate'] as string)).toBe(1);
      expect(current['enddate']).toBe('');
    }
    expect(histories.filter(([old]) => daysFromAsOf(old?.['enddate'] as string) < 0).length).toBeGreaterThanOrEqual(3);
    // One rename is still to come: on the as-of date the old name is the valid one.
    expect(histories.some(([old]) => daysFromAsOf(old?.['enddate'] as string) > 0)).toBe(true);
    // And one unit was closed.
    expect(LARGE.organizationUnits.some((row) => row['enddate'] !== '' && daysFromAsOf(row['enddate'] as string) < 0
      && histories.every(([old]) => old?.['orgunitid'] !== row['orgunitid']))).toBe(true);
  });

  it('has users for managers and some others, plus users without an employee', () => {
    expect(LARGE.users.filter((row) => !/^U\d{5}$/.test(row['userid'] as string))).toEqual([]);
    expect(new Set(LARGE.users.map((row) => row['userid'])).size).toBe(LARGE.users.length);
    const linked = LARGE.users.filter((row) => row['employeeid'] !== '');
    expect(linked.length).toBeGreaterThan(3_000);
    expect(LARGE.users.some((row) => row['employeeid'] === '')).toBe(true);
  });

  it('lists cost centres as code and name', () => {
    for (const row of LARGE.costCenters) expect(row['costcenter']).toMatch(/^CC\d{3}$/);
    expect(LARGE.costCenters.map((row) => row['costcentername'])).toContain('Afdeling ICT');
  });
});

describe('generateVismaData: user-defined-field histories', () => {
  it('has Pasnummer and Locatie rows, some people with several Locatie history rows', () => {
    const fields = new Set(LARGE.employeeUdfHistories.map((row) => row['fieldname']));
    expect(fields).toEqual(new Set(['Pasnummer', 'Locatie']));
    const locations = groupBy(LARGE.employeeUdfHistories.filter((row) => row['fieldname'] === 'Locatie'), (row) => row['employeeid'] as string);
    const withHistory = [...locations.values()].filter((rows) => rows.length > 1);
    expect(withHistory.length).toBeGreaterThan(1_000);
    const overlapping = withHistory.filter((rows) => rows.some((row, index) => {
      const previous = rows[index - 1];
      return previous !== undefined && (previous['enddate'] === '' || (row['startdate'] as string) <= (previous['enddate'] as string));
    }));
    expect(overlapping).toEqual([]);
  });

  it('has a Nedap Ons identification number per care contract line, and Locatie list values', () => {
    const rows = LARGE.contractUdfHistories;
    expect(rows.filter((row) => row['entityname'] !== 'SubContractDepartment')).toEqual([]);
    const nedap = rows.filter((row) => row['fieldname'] === 'NedapOnsIdentificationNo');
    expect(nedap.length).toBeGreaterThan(20_000);
    expect(nedap.filter((row) => !new RegExp(`^${row['employeeid']}-\\d+$`).test(row['value'] as string))).toEqual([]);
    const keys = new Set(LARGE.contracts.map((row) => `${row['employeeid']}_${row['contractid']}_${row['subcontractid']}`));
    expect(rows.filter((row) => !keys.has(`${row['employeeid']}_${row['contractid']}_${row['subcontractid']}`))).toEqual([]);
    expect(rows.some((row) => row['fieldname'] === 'Locatie' && row['listname'] !== '' && row['fieldtypeid'] === '1')).toBe(true);
  });
});
