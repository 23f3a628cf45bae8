import { describe, expect, it } from 'vitest';
import { contract, person } from '../plan/ad-plan.fixtures';
import { matchRules, ruleGroups, ruleMatchesContract, ruleProblems, type Rule } from './rules';

const ict = contract({ id: 'c1', orgUnit: { id: 'OE10', name: 'ICT' }, function: { id: 'F01', name: 'Engineer' }, custom: { Locatie: 'Utrecht' } });
const care = contract({ id: 'c2', orgUnit: { id: 'OE20', name: 'Care' }, function: { id: 'F02', name: 'Nurse' }, costCenter: { id: 'K100', name: 'Wijkzorg' } });
const who = person({ contracts: [ict, care], custom: { Team: 'Blue', Locatie: 'Zeist' } });

function rule(when: Rule['when']): Rule {
  return { name: 'r', when, grant: { adGroups: ['CN=G,DC=x'] } };
}

describe('ruleMatchesContract', () => {
  it('ORs inside a key and ANDs across keys', () => {
    expect(ruleMatchesContract(rule({ orgUnitId: ['OE10', 'OE30'] }), ict, who)).toBe(true);
    expect(ruleMatchesContract(rule({ orgUnitId: ['OE10'], functionName: ['Nurse'] }), ict, who)).toBe(false);
    expect(ruleMatchesContract(rule({ orgUnitId: ['OE10'], functionName: ['nurse', 'ENGINEER'] }), ict, who)).toBe(true);
  });

  it('matches org unit and function names, and cost centres by code or name', () => {
    expect(ruleMatchesContract(rule({ orgUnitName: [' care '] }), care, who)).toBe(true);
    expect(ruleMatchesContract(rule({ functionId: ['F02'] }), care, who)).toBe(true);
    expect(ruleMatchesContract(rule({ costCenter: ['K100'] }), care, who)).toBe(true);
    expect(ruleMatchesContract(rule({ costCenter: ['Wijkzorg'] }), care, who)).toBe(true);
    expect(ruleMatchesContract(rule({ costCenter: ['K100'] }), ict, who)).toBe(false);
  });

  it('reads custom fields from the contract first, then the person', () => {
    expect(ruleMatchesContract(rule({ 'custom.Locatie': ['Utrecht'] }), ict, who)).toBe(true);
    expect(ruleMatchesContract(rule({ 'custom.Locatie': ['Zeist'] }), ict, who)).toBe(false);
    expect(ruleMatchesContract(rule({ 'custom.Locatie': ['Zeist'] }), care, who)).toBe(true);
    expect(ruleMatchesContract(rule({ 'custom.Team': ['Blue'] }), ict, who)).toBe(true);
    expect(ruleMatchesContract(rule({ 'custom.Missing': ['x'] }), ict, who)).toBe(false);
  });

  it('matches everyone without keys, and nothing with an empty list or an unknown key', () => {
    expect(ruleMatchesContract(rule({}), ict, who)).toBe(true);
    expect(ruleMatchesContract(rule({ orgUnitId: [] }), ict, who)).toBe(false);
    expect(ruleMatchesContract(rule({ orgUnitID: ['OE10'] }), ict, who)).toBe(false);
  });
});

describe('matchRules', () => {
  const rules: Rule[] = [
    { name: 'ICT', when: { orgUnitId: ['OE10'] }, grant: { adGroups: ['CN=ICT,DC=x'] } },
    { name: 'Care nurses', when: { orgUnitId: ['OE20'], functionName: ['Nurse'] }, grant: { adGroups: ['CN=Care,DC=x'] } },
    { name: 'Mixed', when: { orgUnitId: ['OE10'], functionName: ['Nurse'] }, grant: { adGroups: ['CN=Mixed,DC=x'] } },
  ];

  it('matches against every in-condition contract; all keys must hold on one contract', () => {
    const matches = matchRules(rules, who, [ict, care]);
    expect(matches.map((m) => [m.rule.name, m.contracts.map((c) => c.id)])).toEqual([
      ['ICT', ['c1']],
      ['Care nurses', ['c2']],
    ]);
  });

  it('ignores contracts that are not in condition', () => {
    expect(matchRules(rules, who, [care]).map((m) => m.rule.name)).toEqual(['Care nurses']);
    expect(matchRules(rules, who, [])).toEqual([]);
  });
});

describe('ruleProblems / ruleGroups', () => {
  it('reports unknown keys and empty lists', () => {
    expect(ruleProblems([{ name: 'x', when: { orgUnitID: ['1'], functionId: [], 'custom.A': ['b'] }, grant: {} }])).toEqual([
      'rule "x": unknown condition "orgUnitID" (it never matches)',
      'rule "x": condition "functionId" lists no values (it never matches)',
    ]);
  });

  it('lists every group any rule grants', () => {
    expect(ruleGroups([rule({}), { name: 'n', when: {}, grant: {} }])).toEqual(['CN=G,DC=x']);
  });
});
