import type { Contract, Person } from '../model/person';
import { assertNever } from '../model/assert-never';

/**
 * What a rule grants, per target: one rule drives AD groups and Nedap Ons roles, teams and
 * locations alike. Nedap grants are evaluated per employment (its own contract lines).
 */
export interface RuleGrant {
  /** Group DNs the matching person's account is a member of. */
  readonly adGroups?: readonly string[];
  /** Nedap Ons role names or uuids (resolved through the whitelisted roles). */
  readonly nedapRoles?: readonly string[];
  /** Nedap Ons team object ids (`my_teams`). */
  readonly nedapTeams?: readonly number[];
  /** Nedap Ons location object ids (`my_locations`). */
  readonly nedapLocations?: readonly number[];
}

/**
 * A business rule: when a person has an in-condition contract that matches every key of `when`,
 * the person gets what `grant` names.
 *
 * Keys of `when`: `orgUnitId`, `orgUnitName`, `functionId`, `functionName`, `costCenter`, or
 * `custom.<field>` (the contract's custom field first, then the person's). Each key lists allowed
 * values: OR inside a key, AND across keys. Values compare trimmed and case-insensitively.
 */
export interface Rule {
  readonly name: string;
  readonly when: Readonly<Partial<Record<string, readonly string[]>>>;
  readonly grant: RuleGrant;
}

/** The fixed `when` keys (besides `custom.<field>`). */
export const RULE_KEYS = ['orgUnitId', 'orgUnitName', 'functionId', 'functionName', 'costCenter'] as const;

/** One fixed `when` key. */
export type RuleKey = (typeof RULE_KEYS)[number];

const CUSTOM_PREFIX = 'custom.';

/** A rule that matched a person, with the contracts that made it match. */
export interface RuleMatch {
  readonly rule: Rule;
  readonly contracts: readonly Contract[];
}

function isRuleKey(key: string): key is RuleKey {
  return (RULE_KEYS as readonly string[]).includes(key);
}

function norm(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * The values a contract offers for one `when` key. Cost centres offer both code and name because
 * the export sometimes only knows the code (then `id` is '' and `name` carries it).
 */
function contractValues(key: string, contract: Contract, person: Person): readonly string[] {
  if (key.startsWith(CUSTOM_PREFIX)) {
    const field = key.slice(CUSTOM_PREFIX.length);
    const value = contract.custom[field] ?? person.custom[field];
    return value === undefined ? [] : [value];
  }
  if (!isRuleKey(key)) return [];
  switch (key) {
    case 'orgUnitId':
      return contract.orgUnit ? [contract.orgUnit.id] : [];
    case 'orgUnitName':
      return contract.orgUnit ? [contract.orgUnit.name] : [];
    case 'functionId':
      return contract.function ? [contract.function.id] : [];
    case 'functionName':
      return contract.function ? [contract.function.name] : [];
    case 'costCenter':
      return contract.costCenter ? [contract.costCenter.id, contract.costCenter.name].filter((v) => v !== '') : [];
    default:
      return assertNever(key);
  }
}

/**
 * True when `contract` satisfies every key of the rule. A rule without keys matches every
 * contract ("all staff"); a key with an empty list matches nothing; an unknown key matches nothing
 * (see {@link ruleProblems}), so a typo never grants more than intended.
 */
export function ruleMatchesContract(rule: Rule, contract: Contract, person: Person): boolean {
  for (const [key, allowed] of Object.entries(rule.when)) {
    if (allowed === undefined) continue;
    const offered = contractValues(key, contract, person).map(norm);
    if (!allowed.some((value) => offered.includes(norm(value)))) return false;
  }
  return true;
}

/**
 * The rules that match a person, given the contracts that are in condition on the evaluation date
 * (a rule matches when any of them matches all its keys). Order follows `rules`.
 */
export function matchRules(
  rules: readonly Rule[],
  person: Person,
  inConditionContracts: readonly Contract[],
): readonly RuleMatch[] {
  const matches: RuleMatch[] = [];
  for (const rule of rules) {
    const contracts = inConditionContracts.filter((c) => ruleMatchesContract(rule, c, person));
    if (contracts.length > 0) matches.push({ rule, contracts });
  }
  return matches;
}

/** Configuration mistakes in a rule set, in words for the admin; empty when all is well. */
export function ruleProblems(rules: readonly Rule[]): readonly string[] {
  const problems: string[] = [];
  for (const rule of rules) {
    for (const [key, allowed] of Object.entries(rule.when)) {
      if (!isRuleKey(key) && !(key.startsWith(CUSTOM_PREFIX) && key.length > CUSTOM_PREFIX.length)) {
        problems.push(`rule "${rule.name}": unknown condition "${key}" (it never matches)`);
      } else if (allowed !== undefined && allowed.length === 0) {
        problems.push(`rule "${rule.name}": condition "${key}" lists no values (it never matches)`);
      }
    }
  }
  return problems;
}

/** All AD group DNs any rule can grant: the only groups the engine ever adds or removes. */
export function ruleGroups(rules: readonly Rule[]): readonly string[] {
  return rules.flatMap((rule) => rule.grant.adGroups ?? []);
}
