import type { AdTargetSettings } from '../ad/ad-policy';
import { isWithin, normaliseDn, parentKey } from '../ad/naming-dn';
import type { AdAccount } from '../model/ad-account';
import { compareIds } from '../model/compare-ids';
import type { Person } from '../model/person';

/**
 * How persons and accounts relate. Persons and accounts are joined on employeeID: an account under
 * `baseDn` correlates with a person when its trimmed employeeID equals one of the person's employee
 * ids exactly. Every person lands in exactly one situation, and so does every account.
 *
 * - `linked`: one person, one account, in a managed OU: the engine manages it.
 * - `unlinked`: one person, one account, outside the managed OUs: never changed, and no second
 *   account is created for the person either.
 * - `unmatched`: a person without an account.
 * - `disputed`: persons and accounts that correlate with more than one of the other side (two
 *   accounts for one person, say): none of them is changed.
 * - `source-missing`: an account in a managed OU whose employeeID belongs to no person.
 * - `unmanaged`: an account without employeeID, outside `baseDn`, or outside the managed OUs with
 *   an employeeID of no person.
 */
export type Situation =
  | { readonly kind: 'linked'; readonly person: Person; readonly account: AdAccount }
  | { readonly kind: 'unlinked'; readonly person: Person; readonly account: AdAccount }
  | { readonly kind: 'unmatched'; readonly person: Person }
  | { readonly kind: 'disputed'; readonly persons: readonly Person[]; readonly accounts: readonly AdAccount[] }
  | { readonly kind: 'source-missing'; readonly account: AdAccount }
  | { readonly kind: 'unmanaged'; readonly account: AdAccount; readonly reason: UnmanagedReason };

/** Why an account is not managed. */
export type UnmanagedReason = 'no-employee-id' | 'outside-base-dn' | 'outside-managed-ous';

/** The normalised DNs of the OUs whose direct children the engine manages. */
export function managedOus(settings: AdTargetSettings): ReadonlySet<string> {
  return new Set([settings.usersOu, settings.disabledOu, ...Object.values(settings.ouByOrgUnit)].map(normaliseDn));
}

/**
 * True when the account sits directly in a managed OU. Sub-OUs are not included: an admin's
 * `OU=Service accounts` below the users OU stays out of reach unless it is listed.
 */
export function isInManagedOu(dn: string, managed: ReadonlySet<string>): boolean {
  return managed.has(parentKey(dn));
}

/** Persons in ascending id order (see {@link compareIds}). */
function sortPersons(persons: readonly Person[]): Person[] {
  return [...persons].sort((a, b) => compareIds(a.id, b.id));
}

/** Accounts (or groups) ordered by normalised DN, each DN normalised once rather than twice per comparison. */
export function sortByDn<A extends { readonly dn: string }>(accounts: readonly A[]): A[] {
  // One or none: nothing to compare (a person's groups, mostly).
  if (accounts.length <= 1) return [...accounts];
  return accounts
    .map((account) => ({ account, key: normaliseDn(account.dn) }))
    .sort((a, b) => compareStrings(a.key, b.key))
    .map((entry) => entry.account);
}

/**
 * Puts every person and account in its situation. Persons come out in ascending id order;
 * account-only situations follow, ordered by DN.
 *
 * Persons and accounts are joined by their positions in the sorted lists (arrays), not by maps keyed
 * by the objects: planning correlates every person and account, and each lookup in a map of tens of
 * thousands costs far more than an array index.
 */
export function correlate(
  persons: readonly Person[],
  accounts: readonly AdAccount[],
  settings: AdTargetSettings,
): readonly Situation[] {
  const managed = managedOus(settings);
  const sortedPersons = sortPersons(persons);
  const sortedAccounts = sortByDn(accounts);

  // Person positions per employee id; a person lists each id once, however often HR repeats it
  // (persons are added one after another).
  const personsByEmployeeId = new Map<string, number[]>();
  sortedPersons.forEach((person, p) => {
    for (const employeeId of person.employeeIds) {
      const id = employeeId.trim();
      const list = personsByEmployeeId.get(id);
      if (list === undefined) personsByEmployeeId.set(id, [p]);
      else if (list[list.length - 1] !== p) list.push(p);
    }
  });

  const links: Links = { accountsOf: new Array<number[] | undefined>(sortedPersons.length), ownersOf: new Array<readonly number[] | undefined>(sortedAccounts.length) };
  const situations: Situation[] = [];
  const accountOnly: Situation[] = [];

  sortedAccounts.forEach((account, a) => {
    const employeeId = account.employeeID?.trim() ?? '';
    if (employeeId === '') {
      accountOnly.push({ kind: 'unmanaged', account, reason: 'no-employee-id' });
      return;
    }
    if (!isWithin(account.dn, settings.baseDn)) {
      accountOnly.push({ kind: 'unmanaged', account, reason: 'outside-base-dn' });
      return;
    }
    const owners = personsByEmployeeId.get(employeeId);
    if (owners === undefined) {
      accountOnly.push(
        isInManagedOu(account.dn, managed)
          ? { kind: 'source-missing', account }
          : { kind: 'unmanaged', account, reason: 'outside-managed-ous' },
      );
      return;
    }
    links.ownersOf[a] = owners;
    for (const p of owners) {
      const list = links.accountsOf[p];
      if (list === undefined) links.accountsOf[p] = [a];
      else list.push(a);
    }
  });

  // Persons and accounts joined through correlations form components; anything but 1:1 is disputed.
  const seen = new Uint8Array(sortedPersons.length);
  sortedPersons.forEach((person, p) => {
    if (seen[p] === 1) return;
    const single = oneToOne(p, links);
    if (single !== undefined) {
      // Almost every person: no account, or one account that is theirs alone. No component to walk.
      situations.push(situationOf(person, single === null ? null : (sortedAccounts[single] ?? null), managed));
      return;
    }
    const component = componentOf(p, links);
    for (const q of component.persons) seen[q] = 1;
    const ps = component.persons.map((q) => sortedPersons[q] as Person);
    const as = component.accounts.map((a) => sortedAccounts[a] as AdAccount);
    // Almost every component is one person with at most one account: nothing to sort.
    const sortedPs = ps.length === 1 ? [person] : sortPersons(ps);
    const sortedAs = as.length <= 1 ? as : sortByDn(as);
    const [only] = sortedAs;
    if (sortedPs.length === 1 && sortedAs.length <= 1) situations.push(situationOf(person, only ?? null, managed));
    else situations.push({ kind: 'disputed', persons: sortedPs, accounts: sortedAs });
  });
  return [...situations, ...accountOnly];
}

/** Who correlates with whom, by position in the sorted persons and accounts. */
interface Links {
  /** Per person, the accounts that carry one of their employee ids. */
  readonly accountsOf: (number[] | undefined)[];
  /** Per account, the persons whose employee id it carries. */
  readonly ownersOf: (readonly number[] | undefined)[];
}

/** The persons and accounts joined to person `start` through correlations, in the order they are found. */
function componentOf(start: number, links: Links): { readonly persons: readonly number[]; readonly accounts: readonly number[] } {
  const persons = new Set<number>([start]);
  const accounts = new Set<number>();
  const queue: number[] = [start];
  while (queue.length > 0) {
    const p = queue.pop() as number;
    for (const a of links.accountsOf[p] ?? []) {
      if (accounts.has(a)) continue;
      accounts.add(a);
      for (const other of links.ownersOf[a] ?? []) {
        if (!persons.has(other)) {
          persons.add(other);
          queue.push(other);
        }
      }
    }
  }
  return { persons: [...persons], accounts: [...accounts] };
}

/**
 * The person's account when the two correlate only with each other, null when the person has no account,
 * undefined when more persons or accounts are involved (a component to walk).
 */
function oneToOne(p: number, links: Links): number | null | undefined {
  const accounts = links.accountsOf[p];
  if (accounts === undefined) return null;
  const [a] = accounts;
  if (accounts.length !== 1 || a === undefined) return undefined;
  const owners = links.ownersOf[a];
  return owners?.length === 1 && owners[0] === p ? a : undefined;
}

/** The situation of a person with at most one account, which correlates with them alone. */
function situationOf(person: Person, account: AdAccount | null, managed: ReadonlySet<string>): Situation {
  if (account === null) return { kind: 'unmatched', person };
  return isInManagedOu(account.dn, managed) ? { kind: 'linked', person, account } : { kind: 'unlinked', person, account };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
