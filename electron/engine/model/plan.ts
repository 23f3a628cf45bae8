import type { Finding } from './finding';
import type { IsoDate } from './iso-date';
import type { PlanSafety } from './safety';

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

/**
 * The closed set of Active Directory actions. `rename` changes an existing account's logon names
 * (sAMAccountName, UPN, mail, with the old address kept as an alias); only under the rename policy.
 */
export type AdActionKind = 'create' | 'update' | 'rename' | 'enable' | 'disable' | 'move' | 'delete' | 'grant' | 'revoke';

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
  /** For a grant: the rule that grants the group, recorded in the entitlement ledger. */
  readonly rule?: string;
  readonly reasons: readonly string[];
  /** Ids of actions in the same plan that must succeed first (a create before its group adds). */
  readonly dependsOn: readonly string[];
}

/**
 * A change to the entitlement ledger that needs no write to the directory: `adopt` records a
 * membership that is present and that a rule grants as the app's; `forget` drops an entry whose
 * membership (or account) is gone. Apply checks each against the directory as it is then.
 */
export interface LedgerNote {
  readonly kind: 'adopt' | 'forget';
  readonly target: 'ad';
  /** The account's key in the ledger (lower-case sAMAccountName). */
  readonly account: string;
  readonly objectGuid: string | null;
  readonly entitlement: string;
  /** For an adoption: the rule that grants it. */
  readonly rule: string | null;
  readonly reason: string;
}

/** The closed set of Nedap Ons actions. Nedap has no disable: a leaver's sets are emptied instead. */
export type NedapActionKind = 'create-user' | 'set-duties' | 'set-teams' | 'set-locations' | 'delete-user';

/**
 * Which Nedap Ons user an action concerns. One user per employment: `identificationNo` is the
 * employment key (`{employeeId}-{contractId}` by default) that the Nedap employee carries.
 */
export interface NedapUserRef {
  readonly identificationNo: string;
  /** The Nedap employee's object id the user is linked to; null when no such employee was found. */
  readonly employeeObjectId: number | null;
  /** The user's uuid once it exists; null for a user this plan creates. */
  readonly userUuid: string | null;
  readonly userName: string;
}

/**
 * One planned change to Nedap Ons. `set` is the complete set a set-* action writes (role uuids for
 * duties, object ids for teams and locations): Nedap replaces what this connector owns with it.
 * `changes` show that set as before/after, the before being what the app recorded last.
 */
export interface NedapAction {
  /** Stable within the plan: `<n>-<action>-<identificationNo>`. */
  readonly id: string;
  readonly target: 'nedap-ons';
  readonly action: NedapActionKind;
  readonly personId: string | null;
  readonly account: NedapUserRef;
  readonly changes: readonly AttributeChange[];
  readonly set: readonly string[] | null;
  /** The rule (or mapping) that grants each member of `set`, keyed by member; recorded in the ledger. */
  readonly rules?: Readonly<Record<string, string>>;
  readonly reasons: readonly string[];
  readonly dependsOn: readonly string[];
}

/** Every planned action, of every target: apply dispatches on `target`. */
export type PlannedAction = AdAction | NedapAction;

/** The action kinds of each target, in the order apply runs them. */
export const ACTION_KINDS: { readonly ad: readonly AdActionKind[]; readonly 'nedap-ons': readonly NedapActionKind[] } = {
  ad: ['create', 'move', 'rename', 'update', 'enable', 'grant', 'revoke', 'disable', 'delete'],
  'nedap-ons': ['create-user', 'set-duties', 'set-teams', 'set-locations', 'delete-user'],
};

/** The account an action concerns, as an admin names it: sAMAccountName or Nedap identificationNo. */
export function accountLabel(action: PlannedAction): string {
  switch (action.target) {
    case 'ad':
      return action.account.sAMAccountName;
    case 'nedap-ons':
      return action.account.identificationNo;
  }
}

/** An account the engine saw but will never change, and why. */
export interface UnmanagedAccount {
  readonly target: TargetName;
  readonly dn: string;
  readonly sAMAccountName: string;
  readonly employeeID: string | null;
  readonly reason: string;
}

/**
 * A person whose HR data is in doubt: their accounts get no destructive action, and no constructive
 * one the doubt could change, until HR fixes the data. When the doubt is only whether some contracts
 * count, the constructive actions that are the same either way are planned (see `plan/doubt-hold`).
 */
export interface HeldPerson {
  readonly target: TargetName;
  readonly personId: string;
  readonly employeeIds: readonly string[];
  /** DNs (or target account keys) of the person's accounts that are left as they are. */
  readonly accounts: readonly string[];
  /**
   * "HR data for employee 100234 is unreadable (contracts row 1234: enddate '31-02-2027' is no date); what it
   * could change waits until HR corrects it (disable j.jansen, move j.jansen); the rest proceeds".
   */
  readonly reason: string;
}

/** Counts per target and action kind, for the one-line summary. */
export interface PlanSummary {
  readonly total: number;
  readonly ad: Readonly<Record<AdActionKind, number>>;
  readonly 'nedap-ons': Readonly<Record<NedapActionKind, number>>;
}

/** Counts per target and kind plus the total. */
export function summarisePlan(actions: readonly PlannedAction[]): PlanSummary {
  const zero = <K extends string>(kinds: readonly K[]): Record<K, number> =>
    Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<K, number>;
  const ad = zero(ACTION_KINDS.ad);
  const nedap = zero(ACTION_KINDS['nedap-ons']);
  for (const action of actions) {
    if (action.target === 'ad') ad[action.action] += 1;
    else nedap[action.action] += 1;
  }
  return { total: actions.length, ad, 'nedap-ons': nedap };
}

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
  /** Persons held because their HR data is in doubt, and what of theirs waits. */
  readonly held: readonly HeldPerson[];
  readonly findings: readonly Finding[];
  /** Ledger adoptions and stale entries to forget; absent in plans made before the ledger. */
  readonly ledgerNotes?: readonly LedgerNote[];
  /** Source guard, actions held for review, exclusions and why-links; absent in a plan not yet guarded. */
  readonly safety?: PlanSafety;
}

/** The actions of one target, in plan order. */
export function actionsOf<T extends TargetName>(
  actions: readonly PlannedAction[],
  target: T,
): readonly Extract<PlannedAction, { readonly target: T }>[] {
  return actions.filter((a): a is Extract<PlannedAction, { readonly target: T }> => a.target === target);
}
