import type { DoubtfulPerson } from '../model/person';
import type { HeldPerson } from '../model/plan';
import { heldReason } from './ad-decide';
import type { NedapRead } from './nedap-plan';

/**
 * Nedap Ons users of persons whose HR data is in doubt: the planner leaves them as they are, and the
 * plan lists them (as it lists their AD accounts), so a run limited to Nedap Ons says who waits for HR.
 */

/**
 * True when the employment key `identificationNo` belongs to one of `employeeIds`. The key is made
 * from a template (`{employeeId}-{contractId}` by default), so an id counts when it is one of its parts.
 */
export function employmentOfAny(identificationNo: string, employeeIds: ReadonlySet<string>): boolean {
  return identificationNo.split(/[^A-Za-z0-9]+/).some((part) => employeeIds.has(part));
}

/** One held person per doubtful person, with the keys of their Nedap users (read or recorded). */
export function heldNedapPersons(doubtful: readonly DoubtfulPerson[], read: NedapRead, recorded: Iterable<string>): HeldPerson[] {
  const withUser = new Set(read.users.map((user) => user.employeeObjectId));
  const keys = new Set<string>(recorded);
  for (const employee of read.employees) {
    if (employee.identificationNo !== undefined && withUser.has(employee.id)) keys.add(employee.identificationNo);
  }
  return doubtful.map((person) => {
    const ids = new Set(person.employeeIds);
    return {
      target: 'nedap-ons' as const,
      personId: person.personId,
      employeeIds: person.employeeIds,
      accounts: [...keys].filter((key) => employmentOfAny(key, ids)).sort(),
      reason: heldReason(person),
    };
  });
}
