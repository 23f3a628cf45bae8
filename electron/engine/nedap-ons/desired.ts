import type { IsoDate } from '../model/iso-date';
import type { Contract, Person } from '../model/person';
import type { LifecyclePolicy } from '../model/policy';
import { evaluateLifecycle, type LifecycleEvaluation } from '../policy/lifecycle';
import { matchRules, type Rule } from '../policy/rules';
import { renderTemplate } from '../policy/template';
import type { NedapSettings } from './settings';

/**
 * Desired Nedap Ons state per employment. An employment is a Visma employee id + contract id; its
 * sub-contracts are lines of it. Each employment has its own lifecycle (over its own lines), its
 * own identificationNo, and its own roles, teams and locations from the rules and mapping tables.
 */

/** One granted item with the reasons that grant it. */
export interface Granted<T> {
  readonly value: T;
  readonly reasons: readonly string[];
  /** The first rule (by name) or mapping (`team mapping OE20`) that grants it: the ledger records it. */
  readonly rule: string;
}

/** What one employment should have in Nedap Ons on the evaluation date. */
export interface DesiredEmployment {
  readonly personId: string;
  readonly employeeId: string;
  readonly contractId: string;
  readonly identificationNo: string;
  readonly lifecycle: LifecycleEvaluation;
  /** Role names or uuids as the rules write them (resolved later against the whitelist). */
  readonly roles: readonly Granted<string>[];
  readonly teams: readonly Granted<number>[];
  readonly locations: readonly Granted<number>[];
}

/** The employment's contract id: the middle part of `employeeid_contractid_subcontractid`. */
export function contractIdOf(contract: Contract): string {
  const parts = contract.id.split('_');
  return parts.length >= 3 ? (parts[parts.length - 2] ?? '') : (parts[1] ?? contract.id);
}

/** The contract lines of a person grouped per employment, in id order. */
export function employmentsOf(person: Person): readonly { readonly employeeId: string; readonly contractId: string; readonly lines: readonly Contract[] }[] {
  const groups = new Map<string, { employeeId: string; contractId: string; lines: Contract[] }>();
  for (const contract of person.contracts) {
    const contractId = contractIdOf(contract);
    const key = `${contract.employeeId}\u0000${contractId}`;
    const group = groups.get(key) ?? { employeeId: contract.employeeId, contractId, lines: [] };
    group.lines.push(contract);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => (a.employeeId + a.contractId < b.employeeId + b.contractId ? -1 : 1));
}

type Grants<T> = Map<T, { readonly reasons: string[]; readonly rule: string }>;

/** Adds `value` with `reason`, merging reasons of a value granted twice (the first rule stays its rule). */
function grant<T>(into: Grants<T>, value: T, reason: string, rule: string): void {
  const known = into.get(value) ?? { reasons: [], rule };
  if (!known.reasons.includes(reason)) known.reasons.push(reason);
  into.set(value, known);
}

function granted<T>(from: Grants<T>): readonly Granted<T>[] {
  return [...from].map(([value, { reasons, rule }]) => ({ value, reasons, rule }));
}

/** Mapping-table ids for the lines: org-unit rows and org-unit/function rows add up. */
function mapped(table: Readonly<Record<string, readonly number[]>>, lines: readonly Contract[], into: Grants<number>, what: string): void {
  for (const line of lines) {
    const unit = line.orgUnit?.id;
    if (!unit) continue;
    const keys = [unit, ...(line.function ? [`${unit}/${line.function.id}`] : [])];
    for (const key of keys) {
      for (const id of table[key] ?? []) grant(into, id, `${what} mapping ${key} (contract ${line.id})`, `${what} mapping ${key}`);
    }
  }
}

/** The desired state of every employment of `person`, or a template error per employment. */
export function desiredEmployments(
  person: Person,
  asOf: IsoDate,
  lifecycle: LifecyclePolicy,
  rules: readonly Rule[],
  settings: NedapSettings,
): { readonly desired: readonly DesiredEmployment[]; readonly errors: readonly string[] } {
  const desired: DesiredEmployment[] = [];
  const errors: string[] = [];
  for (const employment of employmentsOf(person)) {
    const rendered = renderTemplate(settings.identificationNo, { employeeId: employment.employeeId, contractId: employment.contractId, personId: person.id });
    if (!rendered.ok || rendered.value === '') {
      errors.push(`nedapOns.identificationNo for employment ${employment.employeeId}-${employment.contractId}: ${rendered.ok ? 'renders empty' : rendered.error}`);
      continue;
    }
    const evaluation = evaluateLifecycle(employment.lines, asOf, lifecycle);
    const roles: Grants<string> = new Map();
    const teams: Grants<number> = new Map();
    const locations: Grants<number> = new Map();
    // Access follows the enabled window, as AD's enable does: from the first working day.
    if (evaluation.stage === 'active') {
      for (const match of matchRules(rules, person, evaluation.inCondition)) {
        const because = `rule "${match.rule.name}" matches contract ${match.contracts.map((c) => c.id).join(', ')}`;
        const rule = match.rule.name;
        for (const role of match.rule.grant.nedapRoles ?? []) grant(roles, role, because, rule);
        for (const team of match.rule.grant.nedapTeams ?? []) grant(teams, team, because, rule);
        for (const location of match.rule.grant.nedapLocations ?? []) grant(locations, location, because, rule);
      }
      mapped(settings.teamsByOrgUnit, evaluation.inCondition, teams, 'team');
      mapped(settings.locationsByOrgUnit, evaluation.inCondition, locations, 'location');
    }
    desired.push({
      personId: person.id,
      employeeId: employment.employeeId,
      contractId: employment.contractId,
      identificationNo: rendered.value,
      lifecycle: evaluation,
      roles: granted(roles),
      teams: granted(teams),
      locations: granted(locations),
    });
  }
  return { desired, errors };
}
