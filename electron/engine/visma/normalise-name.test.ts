import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/finding';
import { normaliseName, parseNameUsage } from './normalise-name';
import { readEmployeeRows } from './rows';
import { csvRows } from './rows-fixture';

const HEADER = 'employeeid,initials,firstname,nickname,nameusage,nameusage_en,birthname,prefixbirthname,partnername,prefixpartnername\n';

function namesOf(csv: string): { findings: Finding[]; names: ReturnType<typeof normaliseName>[] } {
  const findings: Finding[] = [];
  const report = (f: Finding): void => {
    findings.push(f);
  };
  const names = readEmployeeRows(csvRows(HEADER + csv), report).map((e) => normaliseName(e, report));
  return { findings, names };
}

describe('parseNameUsage', () => {
  it('maps the Dutch labels, English labels and codes', () => {
    expect(parseNameUsage('Eigen')).toBe('B');
    expect(parseNameUsage('Partner')).toBe('P');
    expect(parseNameUsage('Eig./Part.')).toBe('BP');
    expect(parseNameUsage('Part./eig.')).toBe('PB');
    expect(parseNameUsage('Own name')).toBe('B');
    expect(parseNameUsage('Partner name')).toBe('P');
    expect(parseNameUsage('Own name - partner name')).toBe('BP');
    expect(parseNameUsage('Partner name - own name')).toBe('PB');
    expect(parseNameUsage(' bp ')).toBe('BP');
    expect(parseNameUsage('pb')).toBe('PB');
    expect(parseNameUsage('b')).toBe('B');
    expect(parseNameUsage('p')).toBe('P');
  });

  it('returns null for nothing recognisable', () => {
    expect(parseNameUsage('')).toBeNull();
    expect(parseNameUsage('Onbekend')).toBeNull();
    expect(parseNameUsage('X')).toBeNull();
  });
});

describe('normaliseName', () => {
  it('builds all four conventions from realistic rows without findings', () => {
    const { findings, names } = namesOf(
      '1,J.,Jan,Jan,Eigen,Own name,Berg,van den,,\n' +
      '2,A.M.,Anna,Ans,Partner,Partner name,Smit,,Vries,de\n' +
      '3,A.,Anna,,Eig./Part.,,Smit,,Vries,de\n' +
      '4,A.,,Ans,Part./eig.,,Smit,,Vries,de\n',
    );
    expect(findings).toEqual([]);
    expect(names.map((n) => n?.convention)).toEqual(['B', 'P', 'BP', 'PB']);
    expect(names[0]).toEqual({
      initials: 'J.', givenName: 'Jan', nickname: 'Jan', familyName: 'Berg', familyNamePrefix: 'van den',
      partnerName: '', partnerNamePrefix: '', convention: 'B',
    });
    expect(names[1]).toMatchObject({ partnerName: 'Vries', partnerNamePrefix: 'de', familyName: 'Smit' });
  });

  it('uses the English value when the Dutch one is empty or unknown', () => {
    const { findings, names } = namesOf(
      '5,A.,Anna,,,Partner name - own name,Smit,,Vries,de\n' +
      '6,A.,Anna,,Iets anders,PB,Smit,,Vries,de\n',
    );
    expect(findings).toEqual([]);
    expect(names.map((n) => n?.convention)).toEqual(['PB', 'PB']);
  });

  it('falls back to B for an unknown or empty name usage', () => {
    const { findings, names } = namesOf(
      '7,A.,Anna,,Gehuwd,,Smit,,,\n' +
      '8,A.,Anna,,,,Smit,,,\n',
    );
    expect(names.map((n) => n?.convention)).toEqual(['B', 'B']);
    expect(findings).toEqual([
      { severity: 'warning', code: 'unknown-name-usage', employeeId: '7',
        message: "employee 7 has an unknown name usage 'Gehuwd'; the own name (B) is used" },
      { severity: 'info', code: 'unknown-name-usage', employeeId: '8',
        message: 'employee 8 has no name usage; the own name (B) is used' },
    ]);
  });

  it('falls back to B when a partner convention has no partner name', () => {
    const { findings, names } = namesOf('9,A.,Anna,,Eig./Part.,,Smit,,,\n');
    expect(names[0]?.convention).toBe('B');
    expect(findings).toEqual([expect.objectContaining({
      code: 'missing-name-field', severity: 'warning',
      message: 'employee 9 has name usage BP but no partner name; the own name (B) is used',
    })]);
  });

  it('uses the partner name when the birth name is missing, and skips a record without any family name', () => {
    const { findings, names } = namesOf(
      '10,A.,Anna,,Eigen,,,van,Vries,de\n' +
      '11,A.,Anna,,Eigen,,,,,\n',
    );
    expect(names[0]).toMatchObject({ convention: 'P', familyName: '', familyNamePrefix: '', partnerName: 'Vries' });
    expect(names[1]).toBeNull();
    expect(findings.map((f) => [f.employeeId, f.code, f.severity])).toEqual([
      ['10', 'missing-name-field', 'warning'],
      ['11', 'missing-name-field', 'error'],
    ]);
    expect(findings[1]?.message).toBe(
      'employee 11 has neither a birth name nor a partner name; the person is held until HR corrects it');
  });

  it('reports a record without first name and nickname but keeps it', () => {
    const { findings, names } = namesOf('12,J.H.,,,Eigen,,Berg,,,\n');
    expect(names[0]).toMatchObject({ givenName: '', nickname: '', initials: 'J.H.' });
    expect(findings).toEqual([expect.objectContaining({ code: 'missing-name-field', severity: 'warning', employeeId: '12' })]);
  });
});
