import type { AdAccount } from '../model/ad-account';
import type { AccountRef, AdActionKind, AttributeChange } from '../model/plan';

/** An action before it has its place (and so its id) in the plan. */
export interface Draft {
  readonly action: AdActionKind;
  readonly personId: string | null;
  readonly account: AccountRef;
  readonly changes: AttributeChange[];
  readonly entitlement: string | null;
  /** For a grant: the rule that grants the group (recorded in the ledger). */
  readonly rule?: string;
  readonly reasons: string[];
  readonly dependsOn: Draft[];
  /** Person id, or GUID for an account without person: the readable tail of the action id. */
  readonly subject: string;
}

type Optional = 'changes' | 'reasons' | 'dependsOn' | 'entitlement';

/** A draft as its author writes it: the list fields may be left out. */
export type DraftInput = Omit<Draft, Optional> & Partial<Pick<Draft, Optional>>;

/** The drafts of one plan, in the order they were written. */
export class Drafts {
  readonly all: Draft[] = [];

  /** Adds a draft and returns it, so later drafts can depend on it. */
  add(input: DraftInput): Draft {
    const made: Draft = { changes: [], reasons: [], dependsOn: [], entitlement: null, ...input };
    this.all.push(made);
    return made;
  }
}

/** The reference to an existing account, at `dn` (where it is when the action runs). */
export function refOf(account: AdAccount, dn: string = account.dn): AccountRef {
  return { dn, sAMAccountName: account.sAMAccountName, objectGuid: account.objectGuid, employeeID: account.employeeID };
}
