import type { TargetName } from './plan';

/** Entitlement ledger records (the store is `engine/state/entitlement-ledger.ts`). */

/** How an entitlement came to be the app's: it wrote it, or found it present and a rule granting it. */
export type LedgerHow = 'granted' | 'adopted';

/** One entitlement of one account that the app owns. */
export interface LedgerEntry {
  readonly target: TargetName;
  /** The account's key in its target: the sAMAccountName (lower case) in AD. */
  readonly account: string;
  /**
   * The account's immutable id when known (AD objectGUID, lower case): an entry left by a deleted
   * account whose logon name came back is not the new account's.
   */
  readonly accountId: string | null;
  /** The entitlement as the target names it (AD: the group DN). */
  readonly entitlement: string;
  /** The rule that granted it; null when unknown (an undo that gave a membership back). */
  readonly rule: string | null;
  readonly how: LedgerHow;
  /** ISO timestamp of the grant or adoption. */
  readonly at: string;
}

/** A change to the ledger, as apply makes it and as the run history records it. */
export type LedgerChange =
  | { readonly kind: 'record'; readonly entry: LedgerEntry }
  | { readonly kind: 'forget'; readonly target: TargetName; readonly account: string; readonly entitlement: string }
  | { readonly kind: 'forget-account'; readonly target: TargetName; readonly account: string };
