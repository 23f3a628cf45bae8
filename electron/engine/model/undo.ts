import type { AttributeValue } from './plan';

/**
 * What it takes to reverse one applied action, read from the directory just before the write
 * (never from the plan, which may be hours old). Recorded with the action's outcome in the history.
 */

/** An account's state before the write, limited to what the action changed. */
export interface AccountBefore {
  readonly dn: string;
  readonly objectGuid: string;
  readonly sAMAccountName: string;
  readonly employeeID: string | null;
  readonly enabled: boolean;
  /** Old values of the attributes the action wrote. */
  readonly attributes: readonly { readonly attribute: string; readonly value: AttributeValue }[];
  /** Groups the account was a direct member of. */
  readonly memberOf: readonly string[];
}

/** Undo information of an Active Directory action; `before` is null for an account the action created. */
export interface AdUndoInfo {
  readonly target: 'ad';
  readonly before: AccountBefore | null;
}

/**
 * Undo information of a Nedap Ons set-* action: the set the app had recorded for that user and field
 * just before the write (Nedap Ons cannot read roles back, so the record is all there is).
 */
export interface NedapUndoInfo {
  readonly target: 'nedap-ons';
  /** The user the set was written to. */
  readonly userUuid: string;
  /** The set recorded before the write; null when the app had no record of it (nothing to restore). */
  readonly before: readonly string[] | null;
}

/** Undo information of any target. */
export type UndoInfo = AdUndoInfo | NedapUndoInfo;
