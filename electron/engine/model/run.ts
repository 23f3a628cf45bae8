import type { IsoDate } from './iso-date';
import type { LedgerChange } from './ledger';
import type { HeldPerson, PlannedAction } from './plan';
import type { Approval, HeldForReview, SourceGuardReport } from './safety';
import type { UndoInfo } from './undo';

/** The closed set of per-action outcomes. */
export type Outcome = 'created' | 'updated' | 'unchanged' | 'failed' | 'skipped' | 'blocked';

/** What happened to one action of a plan. */
export interface ActionOutcome {
  readonly actionId: string;
  readonly outcome: Outcome;
  /** Admin-readable reason for failed / skipped / blocked; null otherwise. Never holds a secret. */
  readonly error: string | null;
  /** ISO timestamp. */
  readonly at: string;
  /** What it takes to reverse the action, read from the directory just before the write. */
  readonly undo?: UndoInfo;
  /** What the action changed in the entitlement ledger. */
  readonly ledger?: readonly LedgerChange[];
  /**
   * Persons whose HR data was in doubt when the run was planned (what of theirs waited); absent when
   * none were, and in runs recorded before this was kept. Kept so the admin still sees them after the
   * plan is consumed or the app restarts.
   */
  readonly held?: readonly HeldPerson[];
}

/**
 * How a run ended. `interrupted` is a run whose record has no end: the process died mid-run.
 * `stopped-by-guard`: the source guard stopped it before any write. `held-for-review`: in
 * all-or-nothing mode, actions over a limit waited for review, so nothing was written.
 */
export type RunStatus = 'running' | 'completed' | 'failed' | 'interrupted' | 'stopped-by-guard' | 'held-for-review';

/** The safety checks of a run, as recorded in its history (issue 10). */
export interface RunSafety {
  readonly guard: SourceGuardReport | null;
  /** The admin overrode a guard that had stopped the import (`apply --accept-source-drop`). */
  readonly sourceDropAccepted: boolean;
  /** Actions held for review that this run did not apply (not approved, or waiting for one that is not). */
  readonly heldForReview: readonly HeldForReview[];
  readonly approvals: readonly Approval[];
  /** The run this one reverses, for an undo run. */
  readonly undoOf: string | null;
}

/** What started a run. */
export type RunTrigger = 'cli' | 'manual' | 'schedule';

/** Counts per outcome. */
export type RunSummary = Readonly<Record<Outcome, number>>;

/** One apply run as recorded in the history. */
export interface RunRecord {
  readonly runId: string;
  readonly planId: string;
  readonly asOf: IsoDate;
  readonly trigger: RunTrigger;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly status: RunStatus;
  readonly actions: readonly PlannedAction[];
  readonly outcomes: readonly ActionOutcome[];
  readonly summary: RunSummary;
  /** Why the run failed as a whole (a source that could not be read), if it did. */
  readonly error: string | null;
  /** Guard, review and approvals; null in runs recorded before they existed. */
  readonly safety: RunSafety | null;
  /** Ledger changes that belong to no action (adoptions, stale entries dropped); those of actions are on their outcomes. */
  readonly ledger?: readonly LedgerChange[];
  /**
   * Persons whose HR data was in doubt when the run was planned (and what of theirs waited); absent
   * when none were, and in runs recorded before this was kept. Kept so the admin still sees them after
   * the plan is consumed or the app restarts.
   */
  readonly held?: readonly HeldPerson[];
}
