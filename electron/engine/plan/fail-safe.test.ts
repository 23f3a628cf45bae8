import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIMARY_CONTRACT_ORDER } from '../model/policy';
import { checkCompleteExport, IncompleteExportError } from '../visma/complete-export';
import { exportFromCsv } from '../visma/rows-fixture';
import { evaluateExport } from '../policy/evaluate';
import { account, GROUPS, POLICY, SETTINGS } from './ad-plan.fixtures';
import { planAd } from './ad-plan';

// The fail-safe rule end to end on hand-made export rows: HR data that cannot be read holds the
// person (nothing destructive, nothing the doubt could change; a finding naming row and cell) and
// everyone else proceeds.

const EMPLOYEES_HEADER = 'employeeid,initials,firstname,nickname,nameusage,birthname,prefixbirthname,partnername,prefixpartnername,dateofbirth,gender\n';
const CONTRACTS_HEADER = 'employeeid,contractid,subcontractid,startdate,enddate,orgunit,functionid,functionname,costcenter,type,weekhoursfixed,manageruserid\n';
const ICT_OU = SETTINGS.ouByOrgUnit.OE10 as string;

function evaluate(employees: string, contracts: string, asOf = '2026-12-01') {
  return evaluateExport({
    export: exportFromCsv({ employees: EMPLOYEES_HEADER + employees, contracts: CONTRACTS_HEADER + contracts }),
    asOf,
    lifecycle: POLICY.lifecycle,
    primaryContractOrder: DEFAULT_PRIMARY_CONTRACT_ORDER,
    cutOffDays: 90,
  });
}

function planFor(employees: string, contracts: string, accounts = [working('100234', 'Jan Jansen', 'j.jansen'), working('100300', 'Piet Smit', 'p.smit')]) {
  const evaluated = evaluate(employees, contracts);
  return planAd({
    persons: evaluated.persons,
    doubtful: evaluated.doubtful,
    accounts,
    asOf: '2026-12-01',
    policy: POLICY,
    settings: SETTINGS,
    findings: evaluated.findings,
  });
}

function working(employeeID: string, cn: string, sam: string) {
  return account({ dn: `CN=${cn},${ICT_OU}`, cn, sAMAccountName: sam, employeeID, userAccountControl: 512, memberOf: [GROUPS.ict, GROUPS.all] });
}

const JAN = '100234,J.,Johannes,Jan,Eigen,Jansen,,,,1980-01-01,M\n';
const PIET = '100300,P.,Piet,,Eigen,Smit,,,,1970-05-05,M\n';
// Piet left on 2026-11-15: his account is disabled (positive evidence), whatever happens to Jan.
const PIET_CONTRACT = '100300,1,1,2010-01-01,2026-11-15,OE10,F1,Engineer,,Vast,36,\n';

describe('doubtful HR data holds the person, and only that person', () => {
  it('a typo in an end date (31-02-2027) holds the person instead of disabling and deleting the account', () => {
    const p = planFor(JAN + PIET, '100234,1,1,2020-01-01,31-02-2027,OE10,F1,Engineer,,Vast,36,\n' + PIET_CONTRACT);
    expect(p.actions.filter((a) => a.personId === '100234')).toEqual([]);
    expect(p.held).toEqual([{
      target: 'ad',
      personId: '100234',
      employeeIds: ['100234'],
      accounts: [`CN=Jan Jansen,${ICT_OU}`],
      reason: "HR data for employee 100234 is unreadable (contracts row 1: enddate '31-02-2027' is no date); what it could change waits until HR corrects it (move j.jansen, disable j.jansen, update j.jansen); the rest proceeds",
    }]);
    expect(p.findings).toContainEqual(expect.objectContaining({ severity: 'error', code: 'invalid-date', employeeId: '100234' }));
    // Everything else proceeds: the leaver next to him is disabled.
    expect(p.actions.filter((a) => a.personId === '100300').map((a) => a.action)).toContain('disable');
  });

  it('an emptied birth name (and no partner name) holds the person instead of retiring the account as "in no export"', () => {
    const p = planFor('100234,J.,Johannes,Jan,Eigen,,,,,1980-01-01,M\n' + PIET, '100234,1,1,2020-01-01,,OE10,F1,Engineer,,Vast,36,\n' + PIET_CONTRACT);
    expect(p.actions.filter((a) => a.target === 'ad' && a.account.sAMAccountName === 'j.jansen')).toEqual([]);
    expect(p.held.map((h) => h.reason)).toEqual([
      "HR data for employee 100234 is unreadable (employees row 1: birthname '' is empty); nothing is changed for this person until HR corrects it",
    ]);
  });

  it('an unreadable date of birth on a rehire record holds the person it may belong to, instead of making a second account', () => {
    const rehire = '100500,J.,Johannes,Jan,Eigen,Jansen,,,,1980-13-01,M\n';
    const p = planFor(JAN + rehire + PIET, '100234,1,1,2020-01-01,2026-10-31,OE10,F1,Engineer,,Vast,36,\n100500,1,1,2026-11-01,,OE10,F1,Engineer,,Vast,36,\n' + PIET_CONTRACT);
    expect(p.actions.filter((a) => a.personId === '100234' || a.personId === '100500')).toEqual([]);
    expect(p.held.map((h) => h.personId)).toEqual(['100234', '100500']);
    expect(p.held[1]?.reason).toContain("employees row 2: dateofbirth '1980-13-01' is no date");
  });

  it('without doubt the same rows plan normally (the tests above fail for the right reason)', () => {
    const p = planFor(JAN + PIET, '100234,1,1,2020-01-01,2027-02-28,OE10,F1,Engineer,,Vast,36,\n' + PIET_CONTRACT);
    expect(p.held).toEqual([]);
    const jan = p.actions.filter((a) => a.personId === '100234').map((a) => a.action);
    expect(jan.length).toBeGreaterThan(0);
    expect(jan.filter((kind) => ['disable', 'revoke', 'move', 'delete'].includes(kind))).toEqual([]);
  });
});

describe('a doubt about a contract date holds only what it could change', () => {
  // Jan works in ICT (36 h); a second, smaller contract in Care has an end date no calendar has.
  const ICT_CONTRACT = '100234,1,1,2020-01-01,,OE10,F1,Engineer,,Vast,36,\n';
  const CARE_TYPO = '100234,2,1,2025-01-01,31-02-2027,OE20,F2,Nurse,,Vast,8,\n';

  it('gives a person whose only doubt is a contract date both readings, and a doubt about who they are none', () => {
    const { doubtful } = evaluate(JAN + '100300,P.,Piet,,Eigen,Smit,,,,1970-05-35,M\n', ICT_CONTRACT + CARE_TYPO + PIET_CONTRACT);
    const jan = doubtful.find((p) => p.personId === '100234');
    expect(jan?.versions?.leftOut.contracts.map((c) => [c.id, c.endDate])).toEqual([['100234_1_1', null]]);
    // Counted, the unreadable end is open: the widest reading of "still working here".
    expect(jan?.versions?.counted.contracts.map((c) => [c.id, c.endDate, c.inCondition])).toEqual([['100234_1_1', null, true], ['100234_2_1', null, true]]);
    expect(doubtful.find((p) => p.personId === '100300')?.versions).toBeUndefined();
  });

  it('lets the changes of the readable contract proceed and holds what the doubtful one would add', () => {
    const doubtful = planFor(JAN + PIET, ICT_CONTRACT + CARE_TYPO + PIET_CONTRACT);
    const clean = planFor(JAN + PIET, ICT_CONTRACT + PIET_CONTRACT);
    const effect = (a: (typeof doubtful.actions)[number]) => [a.action, a.changes];
    const jan = doubtful.actions.filter((a) => a.personId === '100234');
    // The updates the ICT contract alone asks for are the same either way: they proceed.
    expect(jan.length).toBeGreaterThan(0);
    expect(jan.map(effect)).toEqual(clean.actions.filter((a) => a.personId === '100234').map(effect));
    expect(jan.map((a) => a.action)).not.toContain('grant');
    // The Care group only the doubtful contract would grant waits, and the plan says so.
    expect(doubtful.held).toHaveLength(1);
    expect(doubtful.held[0]?.reason).toBe(
      "HR data for employee 100234 is unreadable (contracts row 2: enddate '31-02-2027' is no date); what it could change waits until HR corrects it (grant j.jansen); the rest proceeds",
    );
    // Ids run on without gaps, and dependencies point at actions in the plan.
    const ids = doubtful.actions.map((a) => a.id);
    expect(ids.map((id) => Number(id.slice(0, 4)))).toEqual(ids.map((_, i) => i + 1));
    for (const a of doubtful.actions) for (const dep of a.dependsOn) expect(ids).toContain(dep);
  });

  it('holds a joiner\'s create when the only contract has an unreadable start date', () => {
    const p = planFor(JAN + PIET, '100234,1,1,2026-13-01,,OE10,F1,Engineer,,Vast,36,\n' + PIET_CONTRACT, [working('100300', 'Piet Smit', 'p.smit')]);
    expect(p.actions.filter((a) => a.personId === '100234')).toEqual([]);
    expect(p.held[0]?.reason).toMatch(/contracts row 1: startdate '2026-13-01' is no date\); what it could change waits until HR corrects it \(create .*, grant .*\); the rest proceeds$/);
    expect(p.actions.filter((a) => a.personId === '100300').map((a) => a.action)).toContain('disable');
  });

  it('never lets a destructive action through, even when both readings plan it', () => {
    // The doubtful contract ended (readable end) long ago whatever its start: both readings retire Jan.
    const p = planFor(JAN + PIET, '100234,1,1,,2026-10-01,OE10,F1,Engineer,,Vast,36,\n' + PIET_CONTRACT);
    expect(p.actions.filter((a) => a.personId === '100234').map((a) => a.action)).toEqual([]);
    expect(p.held[0]?.reason).toMatch(/startdate '' is empty.*\(.*disable j\.jansen.*\)/);
  });
});

describe('complete exports only', () => {
  it('refuses an empty or header-only dataset before anything is planned, naming it; empty employees or contracts are incomplete (the source guard stops those runs)', () => {
    const headerOnly = exportFromCsv({ employees: EMPLOYEES_HEADER + PIET, contracts: CONTRACTS_HEADER + PIET_CONTRACT, organizationUnits: 'orgunitid,orgname\n', users: 'userid,employeeid\nU1,100300\n' });
    expect(() => checkCompleteExport(headerOnly, ['employeeUdfHistories', 'contractUdfHistories'])).toThrow(IncompleteExportError);
    expect(() => checkCompleteExport(headerOnly, ['employeeUdfHistories', 'contractUdfHistories'])).toThrow(/'cost centres', 'organisation units' came back empty/);
    const noContracts = exportFromCsv({ employees: EMPLOYEES_HEADER + PIET, contracts: CONTRACTS_HEADER });
    expect(checkCompleteExport(noContracts, ['employeeUdfHistories', 'contractUdfHistories', 'costCenters', 'users', 'organizationUnits']).complete).toBe(false);
  });

  it('lets a dataset the configuration allows be empty; an allowed empty employees dataset is no evidence that anyone left', () => {
    const noUdfs = exportFromCsv({ employees: EMPLOYEES_HEADER + PIET, contracts: CONTRACTS_HEADER + PIET_CONTRACT, costCenters: 'a,b\n1,2\n', users: 'userid,employeeid\nU1,100300\n', organizationUnits: 'orgunitid\nOE10\n' });
    expect(checkCompleteExport(noUdfs, ['employeeUdfHistories', 'contractUdfHistories'])).toEqual({ complete: true, allowedEmpty: ['employeeUdfHistories', 'contractUdfHistories'] });
    const noEmployees = exportFromCsv({ contracts: CONTRACTS_HEADER + PIET_CONTRACT });
    expect(checkCompleteExport(noEmployees, ['employees', 'employeeUdfHistories', 'contractUdfHistories', 'costCenters', 'users', 'organizationUnits']).complete).toBe(false);

    const gone = planAd({ persons: [], accounts: [working('100234', 'Jan Jansen', 'j.jansen')], asOf: '2026-12-01', policy: POLICY, settings: SETTINGS, sourceComplete: false });
    expect(gone.actions).toEqual([]);
    expect(gone.unmanaged[0]?.reason).toContain('not known to be complete');
    const complete = planAd({ persons: [], accounts: [working('100234', 'Jan Jansen', 'j.jansen')], asOf: '2026-12-01', policy: POLICY, settings: SETTINGS });
    expect(complete.actions.map((a) => a.action)).toContain('disable');
  });
});
