import type { DoubtfulPerson } from '../model/person';
import type { Finding } from '../model/finding';
import type { HeldPerson, NedapAction } from '../model/plan';
import { holdWhatDoubtCouldChange, isDestructive, partlyHeld, renumber, splitDoubtful } from './doubt-hold';
import { heldNedapPersons } from './nedap-held';
import { planNedap, type PlanNedapInput } from './nedap-plan';

/** What {@link planNedapWithDoubts} plans: the actions, findings, and who waits for HR. */
export interface NedapPlanned {
  readonly actions: readonly NedapAction[];
  readonly findings: readonly Finding[];
  readonly held: readonly HeldPerson[];
}

/**
 * Plans Nedap Ons for the persons of `input` and the doubtful ones. A person whose doubt is about who
 * they are gets nothing; a person whose only doubt is whether some contracts count is planned without
 * those contracts, and of their actions only the constructive ones planned the same with the contracts
 * counted proceed (see `doubt-hold`). What the app recorded for any doubtful person's employments is
 * never revoked on their absence.
 */
export function planNedapWithDoubts(
  input: Omit<PlanNedapInput, 'heldEmployeeIds'>,
  doubtful: readonly DoubtfulPerson[],
): NedapPlanned {
  const { twoWay, whole } = splitDoubtful(doubtful);
  const heldEmployeeIds = new Set(doubtful.flatMap((person) => person.employeeIds));
  const planned = planNedap({ ...input, persons: [...input.persons, ...twoWay.map((p) => p.versions.leftOut)], heldEmployeeIds });
  const heldWhole = heldNedapPersons(whole, input.read, input.records.records.keys());
  if (twoWay.length === 0) return { ...planned, held: heldWhole };

  // The other reading, for them alone; absence proves nothing here, so nobody else's users are touched.
  const counterpart = planNedap({ ...input, persons: twoWay.map((p) => p.versions.counted), sourceComplete: false, firstNumber: 1 });
  const resolved = holdWhatDoubtCouldChange(planned.actions, counterpart.actions, twoWay, (a) => isDestructive(a, null));
  const users = new Map(heldNedapPersons(twoWay, input.read, input.records.records.keys()).map((h) => [h.personId, h.accounts]));
  const held = twoWay.map((p) => partlyHeld(p, 'nedap-ons', users.get(p.personId) ?? [], resolved.held.get(p.personId) ?? []));
  return {
    actions: renumber(resolved.actions, input.firstNumber ?? 1),
    findings: planned.findings,
    held: [...heldWhole, ...held],
  };
}
