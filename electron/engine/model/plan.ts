import type { Finding } from './finding';
import type { IsoDate } from './iso-date';

/**
 * A plan is a value, as Terraform's: a preview *is* a saved plan, and apply consumes one. It holds
 * no secrets (passwords are generated at apply time and never stored).
 */

/** Target systems the engine provisions. */
export type TargetName = 'ad' | 'nedap-ons';

/** An attribute value: single-valued text, multi-valued text, or absent. */
export type AttributeValue = string | readonly string[] | null;

/** One attribute as it is and as it will be. */
export interface AttributeChange {
  readonly attribute: string;
  readonly before: AttributeValue;
  readonly after: AttributeValue;
}

/** The closed set of Active Directory actions. */
export type AdActionKind = 'create' | 'update' | 'enable' | 'disable' | 'move' | 'delete' | 'grant' | 'revoke';

/** Which account an action concerns: its DN (planned DN for a create) and, once it exists, its GUID. */
export interface AccountRef {
  readonly dn: string;
  readonly sAMAccountName: string;
  readonly objectGuid: string | null;
  /**
   * The account's employeeID when the plan was made (existing accounts); apply refuses the action when
   * the account it finds by GUID carries another one. Absent for creates and in older plans.
   */
  readonly employeeID?: string | null;
}

/**
 * One planned change to Active Directory. `changes` are the attribute before/after pairs the
 * action writes (for a create: every attribute it sets, before = null; for a move: `dn`; for
 * grant/revoke: `member of`). `reasons` say why in words an admin understands.
 */
export interface AdAction {
  /** Stable within the plan: `<n>-<action>-<personId|guid>`. */
  readonly id: string;
  readonly target: 'ad';
  readonly action: AdActionKind;
  /** The person this action serves; null for an account whose employee is in no export. */
  readonly personId: string | null;
  readonly account: AccountRef;
  readonly changes: readonly AttributeChange[];
  /** Group DN for grant/revoke; null otherwise. */
  readonly entitlement: string | null;
  readonly reasons: readonly string[];
  /** Ids of actions in the same plan that must succeed first (a create before its group adds). */
  readonly dependsOn: readonly string[];
}

/** Every planned action, of every target. Nedap Ons actions join this union later. */
export type PlannedAction = AdAction;

/** An account the engine saw but will never change, and why. */
export interface UnmanagedAccount {
  readonly target: TargetName;
  readonly dn: string;
  readonly sAMAccountName: string;
  readonly employeeID: string | null;
  readonly reason: string;
}

/** Counts per action kind, for the one-line summary. */
export type PlanSummary = Readonly<Record<AdActionKind, number>> & { readonly total: number };

/** A complete plan for one evaluation date. */
export interface Plan {
  readonly planId: string;
  readonly asOf: IsoDate;
  /** ISO timestamp of when the plan was made. */
  readonly createdAt: string;
  readonly summary: PlanSummary;
  /** In the order apply executes them. */
  readonly actions: readonly PlannedAction[];
  readonly unmanaged: readonly UnmanagedAccount[];
  readonly findings: readonly Finding[];
}
