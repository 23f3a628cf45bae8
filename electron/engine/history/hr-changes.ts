import type { IsoDate } from '../model/iso-date';
import type { CodeName, Contract, Person } from '../model/person';

/**
 * Why-links: the HR changes between two imports of one person, in words an admin can check against
 * Visma ("org unit OE20 → OE10 on contract 1008_1_1, effective 2026-11-01", "contract 1006_1_1
 * ended 2026-11-30"). Pure.
 */

function code(value: CodeName | null): string {
  return value === null ? 'none' : value.id || value.name;
}

function fullName(person: Person): string {
  const n = person.name;
  return [n.nickname || n.givenName, n.familyNamePrefix, n.familyName].filter(Boolean).join(' ');
}

function endWords(contract: Contract, asOf: IsoDate): string {
  return contract.endDate !== null && contract.endDate <= asOf ? `ended ${contract.endDate}` : `ends ${contract.endDate ?? 'never'}`;
}

function contractChanges(before: Contract, after: Contract, asOf: IsoDate): string[] {
  const changes: string[] = [];
  if (code(before.orgUnit) !== code(after.orgUnit)) {
    changes.push(`org unit ${code(before.orgUnit)} → ${code(after.orgUnit)} on contract ${after.id}, effective ${asOf}`);
  }
  // Visma may keep the function id and rename the function: either one is a change.
  if (before.function?.id !== after.function?.id || before.function?.name !== after.function?.name) {
    changes.push(`function ${before.function?.name ?? 'none'} → ${after.function?.name ?? 'none'} on contract ${after.id}, effective ${asOf}`);
  }
  if (before.endDate !== after.endDate) {
    changes.push(
      after.endDate === null
        ? `contract ${after.id} no longer has an end date (was ${before.endDate})`
        : `contract ${after.id} ${endWords(after, asOf)}${before.endDate === null ? '' : ` (was ${before.endDate})`}`,
    );
  }
  if (before.startDate !== after.startDate) changes.push(`contract ${after.id} now starts ${after.startDate} (was ${before.startDate})`);
  return changes;
}

/**
 * What changed in HR for one person from `before` (the previous import; undefined when the person
 * was not in it, or on a first run) to `after` (undefined when the person is gone), seen as of `asOf`.
 */
export function hrChanges(before: Person | undefined, after: Person | undefined, asOf: IsoDate): readonly string[] {
  if (!after) return before ? ['no longer in the HR export'] : [];
  const changes: string[] = [];
  const old = new Map((before?.contracts ?? []).map((c) => [c.id, c]));
  for (const contract of after.contracts) {
    const was = old.get(contract.id);
    if (!was) {
      changes.push(`contract ${contract.id} starts ${contract.startDate} in org unit ${code(contract.orgUnit)}` +
        (contract.endDate === null ? '' : `; ${endWords(contract, asOf)}`));
    } else {
      changes.push(...contractChanges(was, contract, asOf));
    }
  }
  const now = new Set(after.contracts.map((c) => c.id));
  for (const id of old.keys()) if (!now.has(id)) changes.push(`contract ${id} is no longer in the export`);
  if (before && fullName(before) !== fullName(after)) changes.push(`name ${fullName(before)} → ${fullName(after)}`);
  return changes;
}

/** {@link hrChanges} for every person in `ids`, between two imports (`previous` empty on a first run). */
export function hrChangesByPerson(
  previous: readonly Person[],
  current: readonly Person[],
  ids: ReadonlySet<string>,
  asOf: IsoDate,
): Readonly<Record<string, readonly string[]>> {
  const before = new Map(previous.map((p) => [p.id, p]));
  const after = new Map(current.map((p) => [p.id, p]));
  const result: Record<string, readonly string[]> = {};
  for (const id of ids) {
    const changes = hrChanges(before.get(id), after.get(id), asOf);
    if (changes.length > 0) result[id] = changes;
  }
  return result;
}
