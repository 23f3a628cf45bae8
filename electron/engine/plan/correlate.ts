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
  return accounts
    .map((account) => ({ account, key: normaliseDn(account.dn) }))
    .sort((a, b) => compareStrings(a.key, b.key))
    .map((entry) => entry.account);
}

/**
 * Puts every person and account in its situation. Persons come out in ascending id order;
 * account-only situations follow, ordered by DN.
 */
export function correlate(
  persons: readonly Person[],
  accounts: readonly AdAccount[],
  settings: AdTargetSettings,
): readonly Situation[] {
  const managed = managedOus(settings);
  const sortedPersons = sortPersons(persons);
  const sortedAccounts = sortByDn(accounts);

  const personsByEmployeeId = new Map<string, Person[]>();
  for (const person of sortedPersons) {
    for (const employeeId of person.employeeIds) {
      const id = employeeId.trim();
      const list = personsByEmployeeId.get(id);
      // A person lists each id once, however often HR repeats it (persons are added one after another).
      if (list === undefined) personsByEmployeeId.set(id, [person]);
      else if (list[list.length - 1] !== person) list.push(person);
    }
  }

  const accountsByPerson = new Map<Person, AdAccount[]>();
  const personsByAccount = new Map<AdAccount, Person[]>();
  const situations: Situation[] = [];
  const accountOnly: Situation[] = [];

  for (const account of sortedAccounts) {
    const employeeId = account.employeeID?.trim() ?? '';
    if (employeeId === '') {
      accountOnly.push({ kind: 'unmanaged', account, reason: 'no-employee-id' });
      continue;
    }
    if (!isWithin(account.dn, settings.baseDn)) {
      accountOnly.push({ kind: 'unmanaged', account, reason: 'outside-base-dn' });
      continue;
    }
    const owners = personsByEmployeeId.get(employeeId) ?? [];
    if (owners.length === 0) {
      accountOnly.push(
        isInManagedOu(account.dn, managed)
          ? { kind: 'source-missing', account }
          : { kind: 'unmanaged', account, reason: 'outside-managed-ous' },
      );
      continue;
    }
    personsByAccount.set(account, owners);
    for (const person of owners) {
      const list = accountsByPerson.get(person);
      if (list === undefined) accountsByPerson.set(person, [account]);
      else list.push(account);
    }
  }

  // Persons and accounts joined through correlations form components; anything but 1:1 is disputed.
  const seen = new Set<Person>();
  for (const person of sortedPersons) {
    if (seen.has(person)) continue;
    const single = oneToOne(person, accountsByPerson, personsByAccount);
    if (single !== undefined) {
      // Almost every person: no account, or one account that is theirs alone. No component to walk.
      situations.push(situationOf(person, single, managed));
      continue;
    }
    const componentPersons = new Set<Person>([person]);
    const componentAccounts = new Set<AdAccount>();
    const queue: Person[] = [person];
    while (queue.length > 0) {
      const p = queue.pop() as Person;
      for (const account of accountsByPerson.get(p) ?? []) {
        if (componentAccounts.has(account)) continue;
        componentAccounts.add(account);
        for (const other of personsByAccount.get(account) ?? []) {
          if (!componentPersons.has(other)) {
            componentPersons.add(other);
            queue.push(other);
          }
        }
      }
    }
    for (const p of componentPersons) seen.add(p);
    // Almost every component is one person with at most one account: nothing to sort.
    const ps = componentPersons.size === 1 ? [person] : sortPersons([...componentPersons]);
    const as = componentAccounts.size <= 1 ? [...componentAccounts] : sortByDn([...componentAccounts]);
    const [only] = as;
    if (ps.length === 1 && as.length <= 1) situations.push(situationOf(person, only ?? null, managed));
    else situations.push({ kind: 'disputed', persons: ps, accounts: as });
  }
  return [...situations, ...accountOnly];
}

/**
 * The person's account when the two correlate only with each other, null when the person has no account,
 * undefined when more persons or accounts are involved (a component to walk).
 */
function oneToOne(person: Person, accountsByPerson: ReadonlyMap<Person, readonly AdAccount[]>, personsByAccount: ReadonlyMap<AdAccount, readonly Person[]>): AdAccount | null | undefined {
  const accounts = accountsByPerson.get(person);
  if (accounts === undefined) return null;
  const [account] = accounts;
  if (accounts.length !== 1 || account === undefined) return undefined;
  const owners = personsByAccount.get(account);
  return owners?.length === 1 && owners[0] === person ? account : undefined;
}

/** The situation of a person with at most one account, which correlates with them alone. */
function situationOf(person: Person, account: AdAccount | null, managed: ReadonlySet<string>): Situation {
  if (account === null) return { kind: 'unmatched', person };
  return isInManagedOu(account.dn, managed) ? { kind: 'linked', person, account } : { kind: 'unlinked', person, account };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
