import { describe, expect, it } from 'vitest';
import { codeReason, translateReason } from '../shared/reason-codes';
import { contract, name, person, POLICY, SETTINGS, account, grantedLedger } from '../engine/plan/ad-plan.fixtures';
import { evaluateExport } from '../engine/policy/evaluate';
import { exportFromCsv } from '../engine/visma/rows-fixture';
import { DEFAULT_PRIMARY_CONTRACT_ORDER } from '../engine/model/policy';
import { planAd } from '../engine/plan/ad-plan';
import { hrChanges } from '../engine/history/hr-changes';
import { heldReason } from '../engine/plan/ad-decide';
import { holdForReview } from '../engine/plan/limits';
import { partlyHeld } from '../engine/plan/doubt-hold';
import type { AdAccount } from '../engine/model/ad-account';
import type { Person } from '../engine/model/person';

/** The parts of `reasons` the catalogue does not know (a reason it knows as a whole counts as known). */
function unknown(reasons: readonly string[]): string[] {
  const missed: string[] = [];
  for (const reason of reasons) {
    translateReason(reason, (_, english) => english);
    if (codeReason(reason)) continue;
    for (const part of reason.split('; ')) if (!codeReason(part)) missed.push(part);
  }
  return missed;
}

function plan(persons: readonly Person[], accounts: readonly AdAccount[], asOf: string) {
  return planAd({
    persons, accounts, asOf, policy: POLICY, settings: SETTINGS, ledger: grantedLedger(accounts),
    now: () => new Date('2026-11-27T06:00:00Z'), newId: () => 'plan-1',
  });
}

describe('reason codes', () => {
  it('gives a code and parameters, counts as numbers', () => {
    expect(codeReason('contract 100234_1_1 active since 2026-01-01, no end date')).toEqual({ code: 'contractActiveOpen', params: { contract: '100234_1_1', date: '2026-01-01' } });
    expect(codeReason('disable 3 days after end')).toEqual({ code: 'disableAfterEnd', params: { count: 3 } });
    expect(codeReason('something the engine never said')).toBeNull();
  });

  it('translates a reason part by part and keeps what it does not know', () => {
    const upper = translateReason('contract 1_1 ended 2026-11-01; disable 0 days after end; a new kind of part', (coded) => coded.code.toUpperCase());
    expect(upper).toBe('CONTRACTENDED; DISABLEAFTEREND; a new kind of part');
  });

  it('knows every reason the AD planner gives a joiner, a leaver, a mover and a future joiner', () => {
    const joiner = person({ id: '100001', contracts: [contract({ employeeId: '100001', orgUnit: { id: 'OE20', name: 'Care' } })] });
    const future = person({ id: '100002', contracts: [contract({ employeeId: '100002', startDate: '2026-12-05' })] });
    const leaver = person({ id: '100003', contracts: [contract({ employeeId: '100003', endDate: '2026-11-20' })] });
    const gone = account({ dn: `CN=Kees Gone,${SETTINGS.ouByOrgUnit.OE10 ?? ''}`, sAMAccountName: 'k.gone', employeeID: '100003' });
    const p = plan([joiner, future, leaver], [gone], '2026-11-27');
    const reasons = p.actions.flatMap((a) => a.reasons);
    expect(reasons.length).toBeGreaterThan(5);
    expect(unknown(reasons)).toEqual([]);
  });

  it('knows the HR changes behind an action, held persons and actions over a limit', () => {
    const before = person({ id: '100001', contracts: [contract({ employeeId: '100001', endDate: '2027-01-31' })] });
    const after = person({ id: '100001', contracts: [contract({ employeeId: '100001', endDate: '2026-12-31', orgUnit: { id: 'OE20', name: 'Care' }, function: { id: 'F02', name: 'Nurse' } }), contract({ id: '100001_2_1', employeeId: '100001', startDate: '2027-02-01' })] });
    expect(unknown([...hrChanges(before, after, '2026-11-27'), ...hrChanges(undefined, after, '2026-11-27'), ...hrChanges(before, undefined, '2026-11-27')])).toEqual([]);
    const doubtful = { personId: '210001', employeeIds: ['210001'], doubts: [{ dataset: 'contracts', row: 1, column: 'enddate', text: '31-02-2027', problem: 'is no date' }] };
    const held = heldReason(doubtful);
    expect(codeReason(held)).toMatchObject({ code: 'hrUnreadable', params: { employee: '210001' } });
    expect(unknown([held, "contracts row 1: enddate '31-02-2027' is no date"])).toEqual([]);
    const joiners = ['1', '2', '3'].map((id) => person({ id: `10000${id}`, contracts: [contract({ employeeId: `10000${id}` })] }));
    const actions = plan(joiners, [], '2026-11-27').actions;
    const overLimit = holdForReview(actions, [{ target: 'ad', kind: 'create', limit: { count: 2 } }], { ad: 100 });
    expect(overLimit.length).toBeGreaterThan(0);
    expect(unknown(overLimit.map((h) => h.reason))).toEqual([]);
    expect(codeReason(partlyHeld(doubtful, 'ad', [], actions.slice(0, 2)).reason)).toMatchObject({ code: 'hrUnreadablePartly', params: { waiting: expect.stringMatching(/^create /) } });
    expect(codeReason(partlyHeld(doubtful, 'ad', [], []).reason)?.code).toBe('hrUnreadableNothingWaits');
    expect(codeReason(overLimit[0]?.reason ?? '')).toMatchObject({ code: 'overLimit', params: { count: 3, kinds: 'creates', target: 'Active Directory', allowed: '2' } });
  });

  it('knows the findings the evaluation of an odd export gives, so the Findings tab is Dutch too', () => {
    const odd = exportFromCsv({
      employees: 'employeeid,initials,firstname,nickname,nameusage,birthname,partnername,formattedname,dateofbirth,existencestartutc\n'
        + '1,A.,Anna,,Eigen,,,"?, A.",1990-01-01,\n'
        + '2,B.,Bea,,,Smit,,"Smit, B.",1990-01-02,\n'
        + '3,C.,Cor,,Zus,Mol,,"Mol, C.",1990-01-03,\n'
        + '4,D.,Dirk,,Partner,,Visser,"Visser, D.",1990-01-04,\n'
        + '5,E.,Eva,,Partner,Bos,,"Bos, E.",1990-01-05,\n'
        + '6,F.,,,Eigen,Kok,,"Kok, F.",1990-01-06,\n'
        + ',G.,Gijs,,Eigen,Dam,,"Dam, G.",1990-01-07,\n'
        + '8,H.,Hans,,Eigen,Hof,,"Hof, H.",31-02-1990,\n'
        + '9,I.,Ids,,Eigen,Ree,,"Ree, I.",1990-01-09,\n'
        + '9,I.,Ids,,Eigen,Ree,,"Ree, I.",1990-01-09,\n'
        + '10,J.,Jos,,Eigen,Wit,,"Wit, J.",1990-01-10,\n'
        + '10,J.,Joost,,Eigen,Wit,,"Wit, J.",1990-01-10,\n'
        + '11,K.,Kim,,Eigen,Zon,,"Zon, K.",1990-01-11,2020-01-01T00:00:00Z\n'
        + '11,K.,Kim,,Eigen,Zon,,"Zon, K.",1990-01-12,2021-01-01T00:00:00Z\n'
        + '12,L.,Lars,,Eigen,Kuipers,,"Kuipers, L.",1990-01-13,\n'
        + '13,L.,Lars,,Eigen,Kuipers,,"Kuipers, L.",,\n'
        + '14,M.,Mark,,Eigen,Veen,,"Veen, M.",1990-01-14,\n'
        + '15,M.,Max,,Eigen,Veen,,"Veen, M.",1990-01-14,\n',
      contracts: 'startdate,enddate,weekhoursfixed,employeeid,contractid,subcontractid\n'
        + '2024-01-01,,36,,1,1\n'
        + ',,36,2,1,1\n'
        + 'gisteren,,36,3,1,1\n'
        + '2024-01-01,31-02-2027,36,4,1,1\n'
        + '2024-01-01,2023-01-01,36,5,1,1\n'
        + '2024-01-01,,veel,6,1,1\n'
        + '2024-01-01,,400,9,1,1\n',
    });
    const { findings } = evaluateExport({ export: odd, asOf: '2026-02-01', lifecycle: { createDaysBeforeStart: 7, enableDaysBeforeStart: 0, disableDaysAfterEnd: 3, deleteDaysAfterEnd: 30 }, primaryContractOrder: DEFAULT_PRIMARY_CONTRACT_ORDER, cutOffDays: 90 });
    expect(findings.length).toBeGreaterThanOrEqual(15);
    expect(unknown(findings.map((f) => f.message))).toEqual([]);
    expect(new Set(findings.map((f) => codeReason(f.message)?.code))).toEqual(new Set([
      'findNoFamilyName', 'findNoNameUsage', 'findUnknownNameUsage', 'findNoBirthName', 'findNoPartnerName', 'findNoGivenName',
      'findEmployeeRowNoId', 'findBadDateOfBirth', 'findContractRowNoId', 'findNoStartDate', 'findBadStartDate', 'findBadEndDate',
      'findEndBeforeStart', 'findBadHours', 'findHoursOutOfRange', 'findDuplicateCopy', 'findDuplicateLastRow', 'findDuplicateLatest',
      'findUnmatchable', 'findUnmatchableMaybe', 'findSameButFirstName',
    ]));
  });

  it('knows the findings of the AD planner: no logon name possible, a manager without an account', () => {
    const chinese = person({ id: '100010', name: name({ givenName: '★', nickname: '', initials: '', familyName: '☆' }), contracts: [contract({ employeeId: '100010' })] });
    const managed = person({ id: '100011', contracts: [contract({ employeeId: '100011', managerPersonId: '999999' })] });
    const p = plan([chinese, managed], [], '2026-11-27');
    const codes = p.findings.map((f) => codeReason(f.message)?.code ?? f.message);
    expect(codes).toEqual(expect.arrayContaining(['findNoLatinLetters', 'findManagerNoAccount']));
  });
});
