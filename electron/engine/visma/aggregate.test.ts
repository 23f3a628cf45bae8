import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/finding';
import { aggregateEmployees, foldForComparison } from './aggregate';
import { readEmployeeRows } from './rows';
import { csvRows } from './rows-fixture';

const HEADER = 'employeeid,initials,firstname,gender,dateofbirth,birthname,prefixbirthname,companyname\n';

function aggregate(csv: string): { findings: Finding[]; groups: ReturnType<typeof aggregateEmployees> } {
  const findings: Finding[] = [];
  const report = (f: Finding): void => {
    findings.push(f);
  };
  const groups = aggregateEmployees(readEmployeeRows(csvRows(HEADER + csv), report), report);
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

  it('keeps records apart when gender, initials or birth date differ', () => {
    const { groups } = aggregate(
      '1,J.,Jan,M,1985-04-12,Berg,,\n' +
      '2,J.,Jan,V,1985-04-12,Berg,,\n' +
      '3,J.H.,Jan,M,1985-04-12,Berg,,\n' +
      '4,J.,Jan,M,1985-04-13,Berg,,\n',
    );
    expect(groups).toHaveLength(4);
  });

  it('joins records with a different first name but reports it naming both ids', () => {
    const { findings, groups } = aggregate(
      '100,J.,Jan,M,1985-04-12,Berg,,\n' +
      '200,J.,Johan,M,1985-04-12,Berg,,\n',
    );
    expect(groups.map((g) => g.employeeIds)).toEqual([['100', '200']]);
    expect(findings).toEqual([{
      severity: 'info', code: 'ambiguous-aggregation', employeeId: '100',
      message: "employee records 100 and 200 are taken as one person (same initials, gender, date of birth and birth name) " +
        "but their first names differ ('Jan' and 'Johan'); please check they are the same person",
    }]);
  });

  it('does not aggregate a record without date of birth or birth name', () => {
    const { findings, groups } = aggregate(
      '100,J.,Jan,M,1985-04-12,Berg,,\n' +
      '200,J.,Jan,M,,Berg,,\n' +
      '300,J.,Jan,M,1985-04-12,,,\n',
    );
    expect(groups.map((g) => g.employeeIds)).toEqual([['100'], ['200'], ['300']]);
    expect(findings.map((f) => [f.employeeId, f.code, f.severity])).toEqual([
      ['200', 'ambiguous-aggregation', 'warning'],
      ['300', 'ambiguous-aggregation', 'warning'],
    ]);
    expect(findings[0]?.message).toContain('employee 200 has no date of birth');
    expect(findings[1]?.message).toContain('employee 300 has no birth name');
  });
});
