import type { Finding } from '../model/finding';
import type { Person } from '../model/person';
import { finding } from '../visma/rows';

/**
 * Managers that lead back to the person: A's manager is B and B's manager is A (or a longer ring).
 * Active Directory stores such a ring without complaint, so the managers are still written as Visma
 * says; but it is almost always a data-entry mistake, so the admin is told once per ring. (A person
 * named as their own manager is already dropped, with a finding, when the contract is read.)
 */

/** The person id of each person's manager, by the primary contract. */
function managerOf(persons: readonly Person[]): ReadonlyMap<string, string> {
  const managers = new Map<string, string>();
  for (const person of persons) {
    const primary = person.contracts.find((c) => c.id === person.primaryContractId);
    if (primary?.managerPersonId && primary.managerPersonId !== person.id) managers.set(person.id, primary.managerPersonId);
  }
  return managers;
}

/** One warning per ring of managers, naming the persons in the order the chain runs. */
export function managerLoopFindings(persons: readonly Person[]): readonly Finding[] {
  const managers = managerOf(persons);
  const settled = new Set<string>();
  const findings: Finding[] = [];
  for (const start of managers.keys()) {
    // Walk up the chain; a person seen twice on this walk closes a ring.
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | undefined = start;
    while (current !== undefined && !settled.has(current) && !onPath.has(current)) {
      onPath.set(current, path.length);
      path.push(current);
      current = managers.get(current);
    }
    if (current !== undefined && onPath.has(current)) {
      const ring = path.slice(onPath.get(current));
      findings.push(finding('warning', 'manager-loop', ring[0] ?? null,
        `the managers of persons ${ring.join(', ')} form a loop (${[...ring, ring[0]].join(' → ')}); `
        + 'Active Directory accepts it, so the managers are set as Visma has them: correct them in Visma'));
    }
    for (const id of path) settled.add(id);
  }
  return findings;
}
