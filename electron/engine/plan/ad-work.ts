import type { DesiredAccount } from '../ad/desired';
import type { AdAccount } from '../model/ad-account';
import type { Finding } from '../model/finding';
import type { Person } from '../model/person';
import type { AttributeChange, HeldPerson, UnmanagedAccount } from '../model/plan';

/**
 * The desired state of each account the plan touches: the output of the decide phase
 * (`ad-decide.ts`) and the input of the action phase (`ad-actions.ts`). Every name in it is settled
 * (reserved in the name registry), so the action phase needs no registry.
 */
export type AccountWork =
  /** A new account for a person: every name picked. */
  | {
      readonly kind: 'create';
      readonly person: Person;
      readonly desired: DesiredAccount;
      readonly dn: string;
      readonly cn: string;
      readonly sAMAccountName: string;
      readonly userPrincipalName: string;
      readonly mail: string;
    }
  /** A person's account that stays: attributes, place, groups and enabled state follow HR. */
  | {
      readonly kind: 'keep';
      readonly person: Person;
      readonly desired: DesiredAccount;
      readonly account: AdAccount;
      readonly finalDn: string;
      /** Empty UPN / mail values that are filled in from the sAMAccountName (already reserved). */
      readonly fills: readonly AddressFill[];
      /** New logon names under the rename policy (already reserved); null when they stay. */
      readonly rename: LogonRename | null;
    }
  /** An account that is disabled, stamped, stripped of rule groups and parked in the disabled OU. */
  | {
      readonly kind: 'retire';
      readonly person: Person | null;
      readonly account: AdAccount;
      readonly finalDn: string;
      /** Short cause for the disable stamp. */
      readonly cause: string;
      readonly reasons: readonly string[];
      /** Stamp it even though it is already disabled and parked (a delete is due but no stamp says since when). */
      readonly restamp?: boolean;
    }
  /** A retired account whose time is up. */
  | {
      readonly kind: 'delete';
      readonly person: Person;
      readonly account: AdAccount;
      readonly reasons: readonly string[];
    }
  /** A person's account outside the managed OUs: never changed, but other accounts may refer to it (manager). */
  | {
      readonly kind: 'reference';
      readonly person: Person;
      readonly account: AdAccount;
    };

/** An account's new logon names after an HR name change (the rename policy). */
export interface LogonRename {
  /** Only the names that change, with their new value. */
  readonly changes: readonly AttributeChange[];
  readonly reasons: readonly string[];
}

/** An empty UPN or mail that is set on an existing account. */
export interface AddressFill {
  readonly attribute: 'userPrincipalName' | 'mail';
  readonly value: string;
}

/** What the decide phase hands on: the work per account, in ascending person order, and what it found. */
export interface AdDecisions {
  readonly works: readonly AccountWork[];
  readonly findings: readonly Finding[];
  readonly unmanaged: readonly UnmanagedAccount[];
  readonly held: readonly HeldPerson[];
}
