import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/finding';
import { describeDoubt } from '../model/person';
import { aggregateEmployees, foldForComparison, type EmployeeLinks } from './aggregate';
import { Doubts } from './doubts';
import { readEmployeeRows } from './rows';
import { csvRows } from './rows-fixture';

const HEADER = 'employeeid,initials,firstname,gender,dateofbirth,birthname,prefixbirthname,companyname\n';

function aggregate(csv: string, links?: EmployeeLinks, doubts = new Doubts()): { findings: Finding[]; groups: ReturnType<typeof aggregateEmployees> } {
  const findings: Finding[] = [];
  const report = (f: Finding): void => {
    findings.push(f);
  };
  const rows = csvRows(HEADER + csv);
  doubts.numberRows(rows);
  const groups = aggregateEmployees(readEmployeeRows(rows, report, { doubts }), report, { doubts, ...(links ? { links } : {}) });
  return { findings, groups };
}

describe('foldForComparison', () => {
  it('removes diacritics, case and spaces', () => {
    expect(foldForComparison(' Éls  de Wít ')).toBe('elsdewit');
    expect(foldForComparison('Çörüş')).toBe('corus');
  });
});

describe('aggregateEmployees', () => {
  it('joins a rehire: lowest id is the person id, the highest id supplies the data, ids sorted numerically', () => {
    const { findings, groups } = aggregate(
      '100234,J.,Jan,M,1985-04-12,Berg,van den,Oud BV\n' +
      '99000,P.,Piet,M,1970-01-01,Smit,,Ander BV\n' +
      '200456,j.,Jan,m,1985-04-12,BERG,Van Den,Nieuw BV\n' +
      '30000,J.,Jan,M,1985-04-12,Berg,vanden,Tussen BV\n',
    );
    expect(findings).toEqual([]);
    expect(groups.map((g) => [g.personId, g.employeeIds, g.current.companyName])).toEqual([
      ['30000', ['30000', '100234', '200456'], 'Nieuw BV'],
      ['99000', ['99000'], 'Ander BV'],
    ]);
  });

  it('compares names with diacritics removed', () => {
    const { groups } = aggregate(
      '500,E.,Élodie,V,1990-03-12,Düring,,\n' +
      '600,É.,Elodie,V,1990-03-12,During,,\n',
    );
    expect(groups.map((g) => g.employeeIds)).toEqual([['500', '600']]);
  });

  it('keeps records apart when gender or birth date differ', () => {
    const { groups } = aggregate(
      '1,J.,Jan,M,1985-04-12,Berg,,\n' +
      '2,J.,Jan,V,1985-04-12,Berg,,\n' +
      '4,J.,Jan,M,1985-04-13,Berg,,\n',
    );
    expect(groups).toHaveLength(3);
  });

  it('reads initials as a person does: J.H., JH and j. h. are one person (a rehire gets the old account back)', () => {
    const { findings, groups } = aggregate(
      '1,J.H.,Jan,M,1985-04-12,Berg,van den,\n' +
      '2,JH,Jan,M,1985-04-12,Berg,Van den,\n' +
      '3,j. h.,jan,m,1985-04-12,van den Berg,,\n' +
      '4,J.,Jan,M,1985-04-12,Berg,van den,\n',
    );
    expect(groups.map((g) => g.employeeIds)).toEqual([['1', '2', '3'], ['4']]);
    expect(findings).toEqual([]);
  });

  it('keeps twins apart (same initials, gender, birth date and birth name, other first name) with a warning', () => {
    const { findings, groups } = aggregate(
      '100,J.,Jan,M,1985-04-12,Berg,,\n' +
      '200,J.,Joost,M,1985-04-12,Berg,,\n',
    );
    expect(groups.map((g) => g.employeeIds)).toEqual([['100'], ['200']]);
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', code: 'ambiguous-aggregation', employeeId: '100' })]);
    expect(findings[0]?.message).toContain("employees 100, 200 share initials, gender, date of birth and birth name but not the first name ('Jan', 'Joost')");
  });

  it('follows the admin\'s links: same joins records the key keeps apart, separate splits what it would join', () => {
    const csv = '100,J.,Jan,M,1985-04-12,Berg,,\n' + '200,J.,Johan,M,1985-04-12,Berg,,\n' + '300,P.,Piet,M,1970-01-01,Smit,,\n' + '400,P.,Piet,M,1970-01-01,Smit,,\n';
    const linked = aggregate(csv, { same: [['200', '100']], separate: [['300', '400']] });
    expect(linked.groups.map((g) => g.employeeIds)).toEqual([['100', '200'], ['300'], ['400']]);
    // Separated on purpose: no twin warning either.
    expect(linked.findings).toEqual([]);
  });

  it('holds a record without date of birth or birth name, and the person it may belong to, instead of making a new person', () => {
    const doubts = new Doubts();
    const { findings, groups } = aggregate(
      '100,J.,Jan,M,1985-04-12,Berg,,\n' +
      '200,J.,Jan,M,,Berg,,\n' +
      '300,P.,Piet,M,1970-01-01,,,\n',
      undefined,
      doubts,
    );
    expect(groups.map((g) => g.employeeIds)).toEqual([['100'], ['200'], ['300']]);
    expect(findings.map((f) => [f.employeeId, f.code, f.severity])).toEqual([
      ['200', 'ambiguous-aggregation', 'error'],
      ['300', 'ambiguous-aggregation', 'error'],
    ]);
    expect(findings[0]?.message).toContain('(it may be employee 100, who is held too)');
    expect(doubts.has('100')).toBe(true);
    expect(doubts.has('200')).toBe(true);
    expect(doubts.of(['300']).map(describeDoubt)).toEqual(["employees row 3: birthname '' is empty"]);
  });
});
