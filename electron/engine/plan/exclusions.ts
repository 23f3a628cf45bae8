import type { Person } from '../model/person';
import type { PlannedAction } from '../model/plan';
import type { ExcludedPerson } from '../model/safety';

/**
 * Exclusions: persons, or everyone in an org unit, whose accounts the product leaves alone, with the
 * admin's reason. Their actions are taken out of the plan (with whatever depends on them) and the
 * persons are listed as excluded, so nobody wonders why they were not touched. Pure.
 */

/** One exclusion as configured: a person (any of their employee ids) or an org unit, with a reason. */
export type Exclusion =
  | { readonly personId: string; readonly reason: string }
  | { readonly orgUnitId: string; readonly reason: string };

/** The exclusion that applies to `person`, if any: by employee id, or by the org unit of a contract. */
function exclusionOf(person: Person, exclusions: readonly Exclusion[]): Exclusion | undefined {
  return exclusions.find((e) =>
    'personId' in e
      ? person.employeeIds.includes(e.personId)
      : person.contracts.some((c) => c.orgUnit?.id === e.orgUnitId && (c.inCondition || c.id === person.primaryContractId)),
  );
}

function describe(exclusion: Exclusion): string {
  return 'personId' in exclusion
    ? `excluded by the admin: ${exclusion.reason}`
    : `everyone in org unit ${exclusion.orgUnitId} is excluded by the admin: ${exclusion.reason}`;
}

/** Remove the actions of excluded persons (and their dependents); list every excluded person. */
export function applyExclusions<A extends PlannedAction>(
  actions: readonly A[],
  persons: readonly Person[],
  exclusions: readonly Exclusion[],
): { readonly actions: readonly A[]; readonly excluded: readonly ExcludedPerson[] } {
  if (exclusions.length === 0) return { actions, excluded: [] };
  const reasons = new Map<string, string>();
  for (const person of persons) {
    const exclusion = exclusionOf(person, exclusions);
    if (exclusion) reasons.set(person.id, describe(exclusion));
  }
  const removed = new Set<string>();
  const leftOut = new Map<string, number>();
  const kept: A[] = [];
  for (const action of actions) {
    const own = action.personId !== null && reasons.has(action.personId);
    if (own || action.dependsOn.some((id) => removed.has(id))) {
      removed.add(action.id);
      if (action.personId !== null) leftOut.set(action.personId, (leftOut.get(action.personId) ?? 0) + 1);
    } else {
      kept.push(action);
    }
  }
  const excluded = [...reasons].map(([personId, reason]) => ({ personId, reason, actionsLeftOut: leftOut.get(personId) ?? 0 }));
  return { actions: kept, excluded };
}

