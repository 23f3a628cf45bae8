import type { TargetName } from './plan';

/**
 * Entitlement ledger records (the store is `engine/state/entitlement-ledger.ts`), one model for
 * every target. AD: the account is the sAMAccountName, the entitlement a group DN. Nedap Ons (which
 * cannot read roles back): the account is the identificationNo, the account id the user's uuid, and
 * the entitlements are `user` (the app manages this user), `role:<uuid>`, `team:<id>`,
 * `location:<id>`, and `set:duties|teams|locations` (the app wrote that complete set, so an empty
 * set is known too). `engine/nedap-ons/ledger-view.ts` reads them as one record per user.
 */

/** How an entitlement came to be the app's: it wrote it, or found it present and a rule granting it. */
export type LedgerHow = 'granted' | 'adopted';

/** One entitlement of one account that the app owns. */
export interface LedgerEntry {
  readonly target: TargetName;
  /** The account's key in its target: the sAMAccountName (lower case) in AD, the identificationNo in Nedap Ons. */
  readonly account: string;
  /**
   * The account's immutable id when known (AD objectGUID, lower case; Nedap Ons user uuid): an entry
   * left by a deleted account whose logon name came back is not the new account's.
   */
  readonly accountId: string | null;
  /** The entitlement as the target names it (AD: the group DN; Nedap Ons: see above). */
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

/** Where apply records ledger changes; durable before it resolves. */
export interface LedgerPort {
  change(changes: readonly LedgerChange[]): Promise<void>;
}
