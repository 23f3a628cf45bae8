import type { TargetName } from './plan';

/**
 * The safety checks that sit between a plan and the directory (issue 10): the source guard, the
 * action limits that hold actions for review, and the exclusions. Two kinds of "held" exist in the
 * product and they are kept apart in types and in words:
 * - *held for review* (here): a valid action over an action limit; it waits for an admin's approval;
 * - *held* because of doubtful HR data (fail-safe): a person whose data cannot be read.
 */

/**
 * A limit as an admin writes it: a count, a percentage of a base, or both, in which case the
 * larger of the two applies ("5 % or 25 accounts, whichever is larger").
 */
export interface Limit {
  readonly percent?: number;
  readonly count?: number;
}

/** What one import looked like, for the source guard's comparison with the next one. */
export interface SourceCounts {
  /** Rows per Visma dataset. */
  readonly datasets: Readonly<Record<string, number>>;
  /** Employee ids of the employees export (Visma makes one per contract; a person may have several). */
  readonly personIds: readonly string[];
  /** Contract (employment) ids: `employeeid_contractid_subcontractid`. */
  readonly employmentIds: readonly string[];
}

/** The last import that a completed apply ran on: the guard compares every new import with it. */
export interface ImportBaseline {
  readonly planId: string;
  /** ISO timestamp of the apply that made it the baseline. */
  readonly acceptedAt: string;
  readonly asOf: string;
  readonly counts: SourceCounts;
}

/** The verdict of the source guard on one import. */
export interface SourceGuardReport {
  /** True when the import may be applied without an override. */
  readonly passed: boolean;
  /** Every reason the guard stops the run, in words ("the employees export has 11 persons; …"). */
  readonly problems: readonly string[];
  /** What the import was compared with; null on a first run. */
  readonly baseline: { readonly planId: string; readonly asOf: string; readonly acceptedAt: string } | null;
  /** Short summary of the comparison, also when it passed. */
  readonly summary: string;
}

/** One action held for review because its kind is over a limit (or it waits for one that is). */
export interface HeldForReview {
  readonly actionId: string;
  readonly target: TargetName;
  readonly kind: string;
  readonly reason: string;
  /** The held action this one depends on, when it is held only because of that one. */
  readonly waitsFor: string | null;
}

/** An admin's approval of held actions, as recorded in the history. */
export interface Approval {
  readonly actionIds: readonly string[];
  readonly comment: string;
  /** The operating-system user that approved. */
  readonly by: string;
  readonly at: string;
}

/** A person whose accounts the plan leaves alone on purpose. */
export interface ExcludedPerson {
  readonly personId: string;
  readonly reason: string;
  /** Ids of the actions that would have been planned, for the record. */
  readonly actionsLeftOut: number;
}

/** The safety section of a plan. */
export interface PlanSafety {
  /** Null for plans that come from no import (an undo plan). */
  readonly guard: SourceGuardReport | null;
  /** Accounts the product manages, per target: the base of percentage limits. */
  readonly managedAccounts: Readonly<Partial<Record<TargetName, number>>>;
  readonly heldForReview: readonly HeldForReview[];
  /** 'all-or-nothing': nothing is applied while any action is held for review. */
  readonly reviewMode: 'hold-over-limit' | 'all-or-nothing';
  readonly excluded: readonly ExcludedPerson[];
  /** Per person: the HR changes since the previous import that explain the person's actions. */
  readonly hrChanges: Readonly<Record<string, readonly string[]>>;
  /** For an undo plan: the run it reverses. */
  readonly undoOf?: string;
  /** For an undo plan: what the run did that cannot be reversed, and why. */
  readonly irreversible?: readonly Irreversible[];
}

/** An applied action that an undo cannot reverse. */
export interface Irreversible {
  readonly actionId: string;
  /** "delete jansenj". */
  readonly what: string;
  readonly reason: string;
}
