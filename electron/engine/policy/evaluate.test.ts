import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/finding';
import { describeDoubt, type Person } from '../model/person';
import { DEFAULT_PRIMARY_CONTRACT_ORDER, type LifecyclePolicy, type PrimaryContractCriterion } from '../model/policy';
import type { VismaExport } from '../visma/datasets';
import { exportFromCsv } from '../visma/rows-fixture';
import { evaluateExport } from './evaluate';

// One small organisation, written as Visma would export it. Jan van den Berg was rehired under a
// new employee id (200456); Piet de Vries manages him; the ICT unit is renamed on 2026-02-01.
const EMPLOYEES =
  '\uFEFFemployeeid,initials,firstname,nickname,nameusage,nameusage_en,birthname,prefixbirthname,partnername,prefixpartnername,formattedname,dateofbirth,gender,companyid,companyname,businessemailaddress,existencestartutc\n' +
  '100234,J.,Jan,Jan,Eigen,Own name,Berg,van den,,,"Berg, J. van den",1985-04-12,M,1001,Zorg BV,jan.oud@example.nl,2020-01-01T00:00:00Z\n' +
  '200456,J.,Jan,Jantje,Eigen,Own name,Berg,Van den,,,"Berg, J. van den",1985-04-12,M,1002,"Zorg Nieuw, BV",jan.vandenberg@example.nl,2025-01-01T00:00:00Z\n' +
  '100101,P.,Piet,Piet,Partner,Partner name,Vries,de,Jansen,,"Vries, P. de",1970-01-01,M,1001,Zorg BV,p.devries@example.nl,2019-01-01T00:00:00Z\n' +
  '100101,P.,Piet,Piet,Partner,Partner name,Vries,de,Jansen,,"Vries, P. de",1970-01-01,M,1001,Zorg BV,p.devries@example.nl,2019-01-01T00:00:00Z\n' +
  '9,A.,Anna,,Eig./Part.,,Smit,,Bakker,,"Smit-Bakker, A.",1990-05-05,V,1001,Zorg BV,,2019-01-01T00:00:00Z\n' +
  '100500,K.,Kees,,Eigen,,Mol,,,,"Mol, K.",,M,1001,Zorg BV,,2019-01-01T00:00:00Z\n' +
  '100501,B.,,,Eigen,,,,,,"?, B.",1999-09-09,V,1001,Zorg BV,,2019-01-01T00:00:00Z\n';

const CONTRACTS =
  'startdate,enddate,type,costcenter,orgunit,orgunitname,functionid,functionname,weekhoursfixed,employeeid,contractid,subcontractid,manageruserid,managername\n' +
  '2015-01-01,2019-12-31,Bepaalde tijd,Afdeling ICT,OE0042,ICT,F0100,Systeembeheerder,36,100234,1,1,U00077,"Vries, P. de"\n' +
  '2020-01-01,2025-12-01,Bepaalde tijd,Afdeling ICT,OE0042,ICT,F0100,Systeembeheerder,36,100234,2,1,U00077,"Vries, P. de"\n' +
  '2025-01-01,,Onbepaalde tijd,Afdeling ICT,OE0042,ICT (oud),F0100,Systeembeheerder,"36,0",200456,1,1,U00077,"Vries, P. de"\n' +
  '2026-02-05,,Oproep,"Zorg, Wonen",OE0050,Gesloten afdeling,F0200,Invaller,8,200456,1,2,U00077,"Vries, P. de"\n' +
  '2010-01-01,,Onbepaalde tijd,CC100,OE0001,Zorg,F0001,Directeur,40,100101,1,1,U00099,"Berg, J. van den"\n' +
  '2012-01-01,,Onbepaalde tijd,,OE0001,Zorg,F0001,Directeur,4,100101,2,1,U00077,"Vries, P. de"\n' +
  '2018-01-01,,Onbepaalde tijd,Onbekend,OE9999,Nieuwe afdeling,F0300,Verpleegkundige,"32,5",9,1,1,U404,?\n' +
  '2026-02-01,2026-01-31,Bepaalde tijd,,OE0001,Zorg,F0300,Verpleegkundige,32,100500,2,1,,\n' +
  '2024-01-01,,Onbepaalde tijd,,OE0001,Zorg,F0300,Verpleegkundige,32,77777,1,1,,\n' +
  '2024-01-01,,Onbepaalde tijd,,OE0001,Zorg,F0300,Verpleegkundige,32,100501,1,1,,\n' +
  '2024-01-01,,Onbepaalde tijd,,,,,,,100500,1,1,U2,\n';

const ORG_UNITS =
  'odporgid,orgunitid,orgunitparentid,orgname,manager,manageruserid,startdate,enddate\n' +
  'ORG1,OE0001,,Zorg,,,,\n' +
  'ORG1,OE0042,OE0001,ICT,"Vries, P. de",U00077,,2026-01-31\n' +
  'ORG1,OE0042,OE0001,ICT & Data,"Vries, P. de",U00077,2026-02-01,\n' +
  'ORG1,OE0050,OE0001,Gesloten,,,2015-01-01,2025-01-01\n';

const USERS =
  'userid,emailaddress,employeeid\n' +
  'U00077,p.devries@example.nl,100101\n' +
  'U00099,jan.vandenberg@example.nl,200456\n' +
  'U2,vacature@example.nl,\n';

const COST_CENTERS =
  'costcenter,costcentername\n' +
  'CC100,Afdeling ICT\n' +
  'CC200,"Zorg, Wonen"\n';

const EMPLOYEE_UDFS =
  'employeeid,fieldname,listname,value,startdate,enddate\n' +
  '100234,Pasnummer,,A11111,2020-01-01,\n' +
  '200456,Pasnummer,,A22222,2025-01-01,\n' +
  '200456,Badge,,oud,2020-01-01,2026-01-31\n' +
  '200456,Parkeren,,P1,2026-02-02,\n';

const CONTRACT_UDFS =
  'employeeid,contractid,subcontractid,entityname,fieldname,fieldtypeid,listname,value,startdate,enddate\n' +
  '200456,1,1,SubContractDepartment,Locatie,1,Utrecht,,2025-01-01,2026-01-31\n' +
  '200456,1,1,SubContractDepartment,Locatie,1,Amersfoort,AMF,2026-02-01,\n';

const LIFECYCLE: LifecyclePolicy = { createDaysBeforeStart: 7, enableDaysBeforeStart: 0, disableDaysAfterEnd: 3, deleteDaysAfterEnd: 30 };

const EXPORT: VismaExport = exportFromCsv({
  employees: EMPLOYEES,
  contracts: CONTRACTS,
  organizationUnits: ORG_UNITS,
  users: USERS,
  costCenters: COST_CENTERS,
  employeeUdfHistories: EMPLOYEE_UDFS,
  contractUdfHistories: CONTRACT_UDFS,
});

function run(asOf = '2026-02-01', order: readonly PrimaryContractCriterion[] = DEFAULT_PRIMARY_CONTRACT_ORDER, cutOffDays = 90) {
  return evaluateExport({ export: EXPORT, asOf, lifecycle: LIFECYCLE, primaryContractOrder: order, cutOffDays });
}

function person(persons: readonly Person[], id: string): Person {
  const p = persons.find((x) => x.id === id);
  if (!p) throw new Error(`no person ${id}`);
  return p;
}

function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.severity}:${f.code}:${f.employeeId ?? '-'}`);
}

describe('evaluateExport', () => {
  it('produces persons sorted numerically by id, holding one without a family name and one without a date of birth', () => {
    const { persons, doubtful } = run();
    expect(persons.map((p) => p.id)).toEqual(['9', '100101', '100234']);
    expect(doubtful.map((p) => [p.personId, p.doubts.map(describeDoubt)])).toEqual([
      ['100500', ["contracts row 8: enddate '2026-01-31' is before the start date 2026-02-01", "employees row 6: dateofbirth '' is empty"]],
      ['100501', ["employees row 7: birthname '' is empty"]],
    ]);
  });

  it('joins a rehire: lowest id as person id, data from the newest record, every id kept', () => {
    const jan = person(run().persons, '100234');
    expect(jan.employeeIds).toEqual(['100234', '200456']);
    expect(jan.name).toEqual({
      initials: 'J.', givenName: 'Jan', nickname: 'Jantje', familyName: 'Berg', familyNamePrefix: 'Van den',
      partnerName: '', partnerNamePrefix: '', convention: 'B',
    });
    expect(jan.company).toEqual({ id: '1002', name: 'Zorg Nieuw, BV' });
    expect(jan.businessEmail).toBe('jan.vandenberg@example.nl');
    expect(jan.birthDate).toBe('1985-04-12');
    expect(jan.gender).toBe('M');
  });

  it('drops contracts past the cut-off, sorts the rest by start date and evaluates state and window', () => {
    const jan = person(run().persons, '100234');
    expect(jan.contracts.map((c) => [c.id, c.state, c.inCondition])).toEqual([
      ['100234_2_1', 'ended', false],
      ['200456_1_1', 'active', true],
      ['200456_1_2', 'future', true],
    ]);
    expect(jan.primaryContractId).toBe('200456_1_1');
    // With a longer cut-off the 2019 contract is back in scope.
    expect(person(run('2026-02-01', DEFAULT_PRIMARY_CONTRACT_ORDER, 3650).persons, '100234').contracts).toHaveLength(4);
  });

  it('resolves org unit, function, cost centre, hours, manager and custom fields of a contract', () => {
    const jan = person(run().persons, '100234');
    expect(jan.contracts[1]).toEqual({
      id: '200456_1_1',
      employeeId: '200456',
      startDate: '2025-01-01',
      endDate: null,
      state: 'active',
      inCondition: true,
      orgUnit: { id: 'OE0042', name: 'ICT & Data' },
      function: { id: 'F0100', name: 'Systeembeheerder' },
      costCenter: { id: 'CC100', name: 'Afdeling ICT' },
      employmentType: 'Onbepaalde tijd',
      hoursPerWeek: 36,
      managerPersonId: '100101',
      custom: { Locatie: 'AMF' },
      customLabels: { Locatie: 'Amersfoort' },
    });
    // A unit with no row valid today keeps the contract's own name; a quoted cost-centre name still maps.
    expect(jan.contracts[2]).toMatchObject({
      orgUnit: { id: 'OE0050', name: 'Gesloten afdeling' },
      costCenter: { id: 'CC200', name: 'Zorg, Wonen' },
      hoursPerWeek: 8,
    });
  });

  it('follows the org-unit rename and contract custom fields the day before, on and after the boundary', () => {
    const unitOn = (asOf: string) => person(run(asOf).persons, '100234').contracts.find((c) => c.id === '200456_1_1');
    expect(unitOn('2026-01-31')?.orgUnit?.name).toBe('ICT');
    expect(unitOn('2026-01-31')?.custom).toEqual({ Locatie: 'Utrecht' });
    expect(unitOn('2026-02-01')?.orgUnit?.name).toBe('ICT & Data');
    expect(unitOn('2026-02-02')?.orgUnit?.name).toBe('ICT & Data');
    expect(unitOn('2026-02-02')?.custom).toEqual({ Locatie: 'AMF' });
  });

  it('reads person custom fields over all employee ids: latest start wins, expired and future rows do not count', () => {
    expect(person(run('2026-02-01').persons, '100234').custom).toEqual({ Pasnummer: 'A22222' });
    expect(person(run('2026-01-31').persons, '100234').custom).toEqual({ Pasnummer: 'A22222', Badge: 'oud' });
    expect(person(run('2026-02-02').persons, '100234').custom).toEqual({ Pasnummer: 'A22222', Parkeren: 'P1' });
    expect(person(run('2024-06-01').persons, '100234').custom).toEqual({ Pasnummer: 'A11111', Badge: 'oud' });
  });

  it('resolves a manager user to the person id of the employee behind it, never to the person themself', () => {
    const { persons, findings } = run();
    const piet = person(persons, '100101');
    // U00099 is employee 200456, whose person id is 100234.
    expect(piet.contracts.map((c) => [c.id, c.managerPersonId])).toEqual([['100101_1_1', '100234'], ['100101_2_1', null]]);
    expect(findings).toContainEqual({
      severity: 'info', code: 'manager-not-found', employeeId: '100101',
      message: 'contract 100101_2_1 names manager user U00077, who is the employee themself (person 100101); ' +
        'a person is never their own manager, so the contract gets no manager',
    });
    expect(person(persons, '9').contracts[0]?.managerPersonId).toBeNull();
    expect(findings).toContainEqual(expect.objectContaining({
      severity: 'warning', code: 'manager-not-found', employeeId: '9',
      message: 'contract 9_1_1 names manager user U404, which is not in the users export; the contract gets no manager',
    }));
    expect(findings).toContainEqual(expect.objectContaining({
      severity: 'warning', code: 'manager-not-found', employeeId: '100500',
      message: 'contract 100500_1_1 names manager user U2, which has no employee id in the users export; the contract gets no manager',
    }));
  });

  it('maps a cost-centre code given on the contract, and reports unknown units and cost centres', () => {
    const { persons, findings } = run();
    expect(person(persons, '100101').contracts[0]?.costCenter).toEqual({ id: 'CC100', name: 'Afdeling ICT' });
    const anna = person(persons, '9');
    expect(anna.contracts.map((c) => c.id)).toEqual(['9_1_1']);
    expect(anna.contracts[0]).toMatchObject({
      orgUnit: { id: 'OE9999', name: 'Nieuwe afdeling' },
      costCenter: { id: '', name: 'Onbekend' },
      hoursPerWeek: 32.5,
    });
    expect(anna.name.convention).toBe('BP');
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'unknown-org-unit', employeeId: '9' }));
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'info', code: 'unknown-cost-center', employeeId: '9' }));
  });

  it('gives the full list of findings, each naming the employee and the value', () => {
    const { findings } = run();
    expect(codes(findings)).toEqual([
      'info:duplicate-row:100101',
      'error:end-before-start:100500',
      'error:ambiguous-aggregation:100500',
      'error:ambiguous-aggregation:100501',
      'info:manager-not-found:100101',
      'warning:unknown-org-unit:9',
      'info:unknown-cost-center:9',
      'warning:manager-not-found:9',
      'warning:unknown-employee:77777',
      'warning:manager-not-found:100500',
      'error:missing-name-field:100501',
      // Piet (100101) and Jan (100234) manage each other in this export.
      'warning:manager-loop:100101',
    ]);
    expect(findings).toContainEqual(expect.objectContaining({
      message: 'contract 100500_2_1 ends 2026-01-31, before it starts 2026-02-01; the person is held until HR corrects it',
    }));
    expect(findings).toContainEqual(expect.objectContaining({
      message: 'contract 77777_1_1 belongs to employee 77777, who is not in the employees export; the contract is ignored',
    }));
  });

  it('applies the configured primary-contract order', () => {
    expect(person(run('2026-02-01', ['latest-start']).persons, '100234').primaryContractId).toBe('200456_1_2');
    expect(person(run('2026-02-01', ['earliest-start']).persons, '100234').primaryContractId).toBe('100234_2_1');
    expect(person(run('2026-02-01', ['in-condition-first', 'most-hours', 'latest-start']).persons, '100234').primaryContractId)
      .toBe('200456_1_1');
  });

  it('puts the lifecycle window edges exactly on the offset days', () => {
    const contract = (asOf: string, id: string) =>
      person(run(asOf).persons, '100234').contracts.find((c) => c.id === id);
    // Starts 2026-02-05, created 7 days ahead: in condition from 2026-01-29.
    expect(contract('2026-01-28', '200456_1_2')).toMatchObject({ state: 'future', inCondition: false });
    expect(contract('2026-01-29', '200456_1_2')).toMatchObject({ state: 'future', inCondition: true });
    expect(contract('2026-02-05', '200456_1_2')).toMatchObject({ state: 'active', inCondition: true });
    // Ends 2025-12-01, disabled 3 days after: in condition through 2025-12-04.
    expect(contract('2025-12-01', '100234_2_1')).toMatchObject({ state: 'active', inCondition: true });
    expect(contract('2025-12-02', '100234_2_1')).toMatchObject({ state: 'ended', inCondition: true });
    expect(contract('2025-12-04', '100234_2_1')).toMatchObject({ state: 'ended', inCondition: true });
    expect(contract('2025-12-05', '100234_2_1')).toMatchObject({ state: 'ended', inCondition: false });
  });

  it('keeps a contract ending exactly cutOffDays before the date and drops one ending a day earlier', () => {
    // 100234_2_1 ends 2025-12-01; with 90 cut-off days it stays in scope through 2026-03-01.
    const ids = (asOf: string) => person(run(asOf).persons, '100234').contracts.map((c) => c.id);
    expect(ids('2026-03-01')).toContain('100234_2_1');
    expect(ids('2026-03-02')).not.toContain('100234_2_1');
    expect(ids('2026-03-02')).toEqual(['200456_1_1', '200456_1_2']);
  });

  it('keeps a person without contracts, with a null primary contract', () => {
    const only = exportFromCsv({ employees: EMPLOYEES });
    const { persons } = evaluateExport({
      export: only, asOf: '2026-02-01', lifecycle: LIFECYCLE, primaryContractOrder: DEFAULT_PRIMARY_CONTRACT_ORDER, cutOffDays: 90,
    });
    expect(persons.every((p) => p.contracts.length === 0 && p.primaryContractId === null)).toBe(true);
  });

  it('never throws on garbage data, only on a caller mistake', () => {
    const garbage = exportFromCsv({
      employees: 'employeeid,birthname,dateofbirth\n,,\nx,y,z\n',
      contracts: 'employeeid,contractid,subcontractid,startdate,enddate,weekhoursfixed\nx,,,gisteren,,veel\nx,1,1,2024-01-01,,\n',
      organizationUnits: 'orgunitid,startdate,enddate\nA,nooit,\n',
      contractUdfHistories: 'employeeid,contractid,subcontractid,fieldname,value,startdate,enddate\nx,1,1,F,v,?,\n',
    });
    const result = evaluateExport({
      export: garbage, asOf: '2026-02-01', lifecycle: LIFECYCLE, primaryContractOrder: DEFAULT_PRIMARY_CONTRACT_ORDER, cutOffDays: 0,
    });
    // x has an unreadable date of birth and a contract without a readable start: held, not guessed at.
    expect(result.persons).toEqual([]);
    expect(result.doubtful.map((p) => [p.personId, p.doubts.map(describeDoubt)])).toEqual([
      ['x', ["employees row 2: dateofbirth 'z' is no date", "contracts row 1: startdate 'gisteren' is no date"]],
    ]);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(() => evaluateExport({
      export: garbage, asOf: '01-02-2026', lifecycle: LIFECYCLE, primaryContractOrder: [], cutOffDays: 0,
    })).toThrow(RangeError);
  });
});
