import { describe, expect, it } from 'vitest';
import type { Contract, DoubtfulPerson, Person } from '../model/person';
import { DEFAULT_LIFECYCLE } from '../model/policy';
import { DEMO_LOCATIONS, DEMO_ROLES, DEMO_TEAMS } from '../../simulators/nedap-ons/generate';
import type { NedapRecord } from '../nedap-ons/ledger-view';
import { planNedapWithDoubts } from './nedap-doubt';
import { planNedap, type PlanNedapInput } from './nedap-plan';

const WIJK = DEMO_ROLES[0]?.uuid as string;
const MEDEWERKER = DEMO_ROLES[1]?.uuid as string;

function contract(id: string, over: Partial<Contract> = {}): Contract {
  const [employeeId = ''] = id.split('_');
  return {
    id, employeeId, startDate: '2026-01-01', endDate: null, state: 'active', inCondition: true,
    orgUnit: { id: 'OE20', name: 'Wijkzorg' }, function: { id: 'F1', name: 'Verpleegkundige' }, costCenter: null,
    employmentType: '', hoursPerWeek: 36, managerPersonId: null, custom: {}, ...over,
  };
}

function person(id: string, contracts: readonly Contract[]): Person {
  return {
    id, employeeIds: [id], gender: 'M', birthDate: null, company: null, businessEmail: '', primaryContractId: contracts[0]?.id ?? null, custom: {}, contracts,
    name: { initials: 'J.', givenName: 'Jan', nickname: '', familyName: 'Berg', familyNamePrefix: '', partnerName: '', partnerNamePrefix: '', convention: 'B' },
  };
}

function input(persons: readonly Person[], records: Record<string, NedapRecord> = {}, over: Partial<PlanNedapInput> = {}): PlanNedapInput {
  return {
    persons,
    asOf: '2026-12-01',
    lifecycle: DEFAULT_LIFECYCLE,
    rules: [
      { name: 'Zorg', when: { orgUnitId: ['OE20'] }, grant: { nedapRoles: ['wijkverpleging'] } },
      { name: 'Iedereen', when: {}, grant: { nedapRoles: [MEDEWERKER] } },
    ],
    settings: { source: 'test', identificationNo: '{employeeId}-{contractId}', deleteUsers: false, teamsByOrgUnit: { OE20: [1], 'OE20/F1': [2] }, locationsByOrgUnit: {} },
    read: {
      employees: [{ id: 7, identificationNo: '1003-1' }, { id: 8, identificationNo: '1003-2' }],
      users: [{ id: 70, uuid: 'u-7', employeeObjectId: 7, userName: '1003-1' }],
      roles: DEMO_ROLES, teams: DEMO_TEAMS, locations: DEMO_LOCATIONS,
    },
    records: { records: new Map(Object.entries(records)), problem: null },
    ...over,
  };
}

describe('planNedap', () => {
  it('one user per employment: sub-contracts are lines of one employment, a second contract is a second user', () => {
    const p = person('1003', [contract('1003_1_1'), contract('1003_1_2', { orgUnit: { id: 'OE10', name: 'ICT' } }), contract('1003_2_1', { orgUnit: null })]);
    const { actions } = planNedap(input([p], { '1003-1': { userUuid: 'u-7', duties: [], teams: [], locations: [] } }));
    expect(actions.map((a) => `${a.action} ${a.account.identificationNo}`)).toEqual([
      'create-user 1003-2', 'set-duties 1003-1', 'set-duties 1003-2', 'set-teams 1003-1',
    ]);
    const duties = actions.find((a) => a.id.endsWith('set-duties-1003-1'));
    expect(duties?.set).toEqual([MEDEWERKER, WIJK].sort());
    expect(actions.find((a) => a.action === 'set-teams')?.set).toEqual(['1', '2']);
    expect(actions.find((a) => a.id.endsWith('set-duties-1003-2'))?.dependsOn).toEqual([actions[0]?.id]);
  });

  it('plans nothing when the sets equal what was recorded', () => {
    const p = person('1003', [contract('1003_1_1')]);
    const { actions } = planNedap(input([p], { '1003-1': { userUuid: 'u-7', duties: [MEDEWERKER, WIJK], teams: ['2', '1'], locations: [] } }));
    expect(actions).toEqual([]);
  });

  it('never writes empty teams over an adopted user without a record, but rebuilds its duties', () => {
    const p = person('1003', [contract('1003_1_1', { orgUnit: { id: 'OE10', name: 'ICT' } })]);
    const { actions } = planNedap(input([p]));
    expect(actions.map((a) => a.action)).toEqual(['set-duties']);
    expect(actions[0]?.reasons.join(' ')).toMatch(/no record of what this app assigned/);
  });

  it('revokes an employment that is in no export any more, from the record', () => {
    const { actions } = planNedap(input([], { '1003-1': { userUuid: 'u-7', duties: [WIJK], teams: ['1'], locations: [] } }));
    expect(actions.map((a) => [a.action, a.set])).toEqual([['set-duties', []], ['set-teams', []]]);
    expect(actions[0]?.reasons[0]).toMatch(/1003-1 is in no export any more/);
    // No revoke on absence from an export not known to be complete, nor for a person held as doubtful.
    const recorded = { '1003-1': { userUuid: 'u-7', duties: [WIJK], teams: ['1'], locations: [] } };
    expect(planNedap(input([], recorded, { sourceComplete: false })).actions).toEqual([]);
    expect(planNedap(input([], recorded, { heldEmployeeIds: new Set(['1003']) })).actions).toEqual([]);
  });

  it('flags an unknown team and leaves that user\'s teams alone', () => {
    const p = person('1003', [contract('1003_1_1')]);
    const { actions, findings } = planNedap(input([p], { '1003-1': { userUuid: 'u-7', duties: [MEDEWERKER, WIJK], teams: [], locations: [] } }, {
      settings: { source: 'test', identificationNo: '{employeeId}-{contractId}', deleteUsers: false, teamsByOrgUnit: { OE20: [99] }, locationsByOrgUnit: {} },
    }));
    expect(actions).toEqual([]);
    expect(findings).toContainEqual(expect.objectContaining({ code: 'nedap-unknown-team', message: expect.stringMatching(/1003-1: team id 99/) }));
  });
});

describe('planNedapWithDoubts', () => {
  /** Jan (1003): employment 1003-1 reads fine; employment 1003-2 has an end date no calendar has. */
  function doubtfulJan(readable: Contract): DoubtfulPerson {
    return {
      personId: '1003',
      employeeIds: ['1003'],
      doubts: [{ dataset: 'contracts', row: 2, column: 'enddate', text: '31-02-2027', problem: 'is no date', contractId: '1003_2_1' }],
      versions: { leftOut: person('1003', [readable]), counted: person('1003', [readable, contract('1003_2_1')]) },
    };
  }
  const teamsOnly = { settings: { source: 'test', identificationNo: '{employeeId}-{contractId}', deleteUsers: false, teamsByOrgUnit: { OE20: [1] }, locationsByOrgUnit: {} }, firstNumber: 5 };

  it('lets the readable employment proceed and holds the user only the doubtful contract would get', () => {
    const planned = planNedapWithDoubts(input([], { '1003-1': { userUuid: 'u-7', duties: [], teams: [], locations: [] } }, teamsOnly), [doubtfulJan(contract('1003_1_1'))]);
    expect(planned.actions.map((a) => a.id)).toEqual(['0005-set-duties-1003-1', '0006-set-teams-1003-1']);
    expect(planned.actions[0]?.set).toEqual([MEDEWERKER, WIJK].sort());
    expect(planned.held).toEqual([{
      target: 'nedap-ons',
      personId: '1003',
      employeeIds: ['1003'],
      accounts: ['1003-1'],
      reason: "HR data for employee 1003 is unreadable (contracts row 2: enddate '31-02-2027' is no date); what it could change waits until HR corrects it (create-user 1003-2, set-duties 1003-2, set-teams 1003-2); the rest proceeds",
    }]);
  });

  it('holds a revoke even when both readings plan it, and never revokes the doubtful employment on its absence', () => {
    const records = {
      '1003-1': { userUuid: 'u-7', duties: [MEDEWERKER, WIJK], teams: ['1'], locations: [] },
      '1003-2': { userUuid: 'u-7', duties: [WIJK], teams: ['1'], locations: [] },
    };
    // Employment 1003-1 moved to ICT: its Wijkverpleging role and team go, whichever way the doubt goes.
    const planned = planNedapWithDoubts(input([], records, teamsOnly), [doubtfulJan(contract('1003_1_1', { orgUnit: { id: 'OE10', name: 'ICT' } }))]);
    expect(planned.actions).toEqual([]);
    expect(planned.held[0]?.reason).toMatch(/waits until HR corrects it \(set-duties 1003-1, set-teams 1003-1, create-user 1003-2/);
  });

  it('plans nothing for a person whose doubt is about who they are', () => {
    const whole: DoubtfulPerson = { personId: '1003', employeeIds: ['1003'], doubts: [{ dataset: 'employees', row: 1, column: 'dateofbirth', text: '1980-13-01', problem: 'is no date' }] };
    const planned = planNedapWithDoubts(input([], { '1003-1': { userUuid: 'u-7', duties: [WIJK], teams: [], locations: [] } }), [whole]);
    expect(planned.actions).toEqual([]);
    expect(planned.held[0]?.reason).toMatch(/nothing is changed for this person until HR corrects it$/);
  });
});
