import { parentKey, normaliseDn } from '../ad/naming-dn';
import { describeDoubt, type DoubtfulPerson, type DoubtVersions } from '../model/person';
import { accountLabel, type AdAction, type HeldPerson, type NedapAction, type PlannedAction } from '../model/plan';

/**
 * What a doubt about contract dates cannot change (issue "fail safe": constructive actions of a
 * doubtful person wait too, unless the doubt cannot change them).
 *
 * A person whose only doubt is whether some contracts count (an unreadable start or end date) is
 * planned both ways: with those contracts left out, and counted as running. An action of that person
 * proceeds only when it is constructive and the same both ways; everything else of theirs is held,
 * and so is whatever depends on a held action. A person whose doubt is about who they are (a name, a
 * date of birth, conflicting records) has no two readings: nothing is planned for them at all.
 */

/** A doubtful person with both readings of their contracts. */
export interface TwoWayPerson extends DoubtfulPerson {
  readonly versions: DoubtVersions;
}

/** Doubtful persons split into those with two readings and those held whole. */
export function splitDoubtful(doubtful: readonly DoubtfulPerson[]): {
  readonly twoWay: readonly TwoWayPerson[];
  readonly whole: readonly DoubtfulPerson[];
} {
  const twoWay: TwoWayPerson[] = [];
  const whole: DoubtfulPerson[] = [];
  for (const person of doubtful) {
    if (person.versions) twoWay.push({ ...person, versions: person.versions });
    else whole.push(person);
  }
  return { twoWay, whole };
}

/**
 * True for the actions the fail-safe rule calls destructive: disable, revoke, delete and a move into
 * the disabled OU in AD; a delete, or a set that drops something, in Nedap Ons.
 */
export function isDestructive(action: PlannedAction, disabledOu: string | null): boolean {
  if (action.target === 'nedap-ons') return isDestructiveNedap(action);
  return isDestructiveAd(action, disabledOu);
}

function isDestructiveAd(action: AdAction, disabledOu: string | null): boolean {
  switch (action.action) {
    case 'disable':
    case 'revoke':
    case 'delete':
      return true;
    case 'move': {
      const to = action.changes.find((c) => c.attribute === 'dn')?.after;
      return disabledOu !== null && typeof to === 'string' && parentKey(to) === normaliseDn(disabledOu);
    }
    default:
      return false;
  }
}

function isDestructiveNedap(action: NedapAction): boolean {
  if (action.action === 'delete-user') return true;
  if (action.action === 'create-user') return false;
  // A set write replaces the whole set: it revokes whatever the set had before and loses.
  return action.changes.some((change) => {
    const after = new Set(Array.isArray(change.after) ? change.after : []);
    return Array.isArray(change.before) && change.before.some((value) => !after.has(value));
  });
}

/** What an action writes, without its id, number or reasons: equal keys mean the same effect. */
function effectKey(action: PlannedAction): string {
  const what = action.target === 'ad' ? action.entitlement : action.set;
  return JSON.stringify([action.target, action.action, accountLabel(action), action.changes, what]);
}

/**
 * Actions kept and, per person id, what waits for HR: their held actions, and the actions only the
 * reading with the doubtful contracts counted would plan.
 */
export interface DoubtResolution<A extends PlannedAction> {
  readonly actions: readonly A[];
  readonly held: ReadonlyMap<string, readonly PlannedAction[]>;
}

/**
 * Keeps the actions of two-way persons that are constructive and planned the same in `counterpart`
 * (the plan with their doubtful contracts counted); holds the rest of theirs and whatever depends on a
 * held action. Other persons' actions pass untouched. Numbering is left to {@link renumber}.
 */
export function holdWhatDoubtCouldChange<A extends PlannedAction>(
  actions: readonly A[],
  counterpart: readonly PlannedAction[],
  twoWay: readonly TwoWayPerson[],
  destructive: (action: A) => boolean,
): DoubtResolution<A> {
  const ids = new Set(twoWay.map((p) => p.personId));
  const same = new Set(counterpart.filter((a) => a.personId !== null && ids.has(a.personId)).map(effectKey));
  const heldIds = new Set<string>();
  for (const action of actions) {
    if (action.personId !== null && ids.has(action.personId) && (destructive(action) || !same.has(effectKey(action)))) heldIds.add(action.id);
  }
  // Actions run in plan order, so a dependency is always earlier: one pass holds every dependant.
  for (const action of actions) if (action.dependsOn.some((id) => heldIds.has(id))) heldIds.add(action.id);
  // What waits: the held actions, and what only the other reading plans (a create, say).
  const planned = new Set(actions.filter((a) => a.personId !== null && ids.has(a.personId)).map(effectKey));
  const waiting = [...actions.filter((a) => heldIds.has(a.id)), ...counterpart.filter((a) => a.personId !== null && ids.has(a.personId) && !planned.has(effectKey(a)))];
  const held = new Map<string, PlannedAction[]>();
  for (const action of waiting) {
    const key = action.personId ?? '';
    held.set(key, [...(held.get(key) ?? []), action]);
  }
  return { actions: actions.filter((a) => !heldIds.has(a.id)), held };
}

/**
 * Numbers actions again from `first` after some were taken out, keeping the readable tail of each
 * id (`0007-disable-100234` becomes `0005-disable-100234`) and the dependencies between them.
 */
export function renumber<A extends PlannedAction>(actions: readonly A[], first: number): A[] {
  const ids = new Map<string, string>();
  actions.forEach((action, i) => {
    const tail = action.id.slice(action.id.indexOf('-') + 1);
    ids.set(action.id, `${String(first + i).padStart(4, '0')}-${tail}`);
  });
  return actions.map((action) => ({
    ...action,
    id: ids.get(action.id) as string,
    dependsOn: action.dependsOn.map((id) => ids.get(id) ?? id),
  }));
}

/**
 * The held entry of a two-way person: which of their accounts, what waits ("disable jdoe, move jdoe")
 * and that the rest proceeds.
 */
export function partlyHeld(
  person: DoubtfulPerson,
  target: HeldPerson['target'],
  accounts: readonly string[],
  heldActions: readonly PlannedAction[],
): HeldPerson {
  const what = [...new Set(heldActions.map((a) => `${a.action} ${accountLabel(a)}`))];
  const unreadable = `HR data for employee ${person.personId} is unreadable (${person.doubts.map(describeDoubt).join('; ')})`;
  const reason = what.length === 0
    ? `${unreadable}; no action depends on it, so nothing waits`
    : `${unreadable}; what it could change waits until HR corrects it (${what.join(', ')}); the rest proceeds`;
  return { target, personId: person.personId, employeeIds: person.employeeIds, accounts, reason };
}
