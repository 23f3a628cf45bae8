import type { Person } from '../engine/model/person';
import { summarisePlan } from '../engine/model/plan';
import type { Plan, PlannedAction, TargetName } from '../engine/model/plan';
import type { RunSafety, RunStatus } from '../engine/model/run';
import type { SourceCounts } from '../engine/model/safety';
import { checkSource } from '../engine/plan/guard';
import { approvedIds, holdForReview, stillHeld } from '../engine/plan/limits';
import { applyExclusions } from '../engine/plan/exclusions';
import { hrChangesByPerson } from '../engine/history/hr-changes';
import type { CompressedPersons, SnapshotStore } from '../engine/history/snapshot-store';
import type { SafetyConfig } from './safety-config';
import { effectiveActionLimits } from './safety-config';

/**
 * The safety checks around a plan, in two small steps the provisioner calls: {@link guardPlan} when a
 * preview is made (exclusions, limits, source guard, why-links, the HR snapshot), and {@link gateRun}
 * when a plan is applied (guard override, approvals, what is held back).
 */

/** What {@link guardPlan} needs besides the plan. */
export interface GuardPlanInput {
  readonly plan: Plan;
  readonly persons: readonly Person[];
  readonly counts: SourceCounts;
  readonly managedAccounts: Readonly<Partial<Record<TargetName, number>>>;
  readonly config: SafetyConfig;
  readonly snapshots: SnapshotStore;
  /** `persons` already being compressed for the snapshot (`compressPersons`), when the caller started that early. */
  readonly compressedPersons?: CompressedPersons;
}

/** The plan with its safety section; the import is kept as an HR snapshot. */
export async function guardPlan(input: GuardPlanInput): Promise<Plan> {
  const { plan, config, snapshots } = input;
  const { actions, excluded } = applyExclusions(plan.actions, input.persons, config.exclusions);
  const concerned = new Set(actions.flatMap((a) => (a.personId === null ? [] : [a.personId])));
  // The previous import only explains actions: with none that concerns a person, it is not read (a full
  // snapshot is tens of MB of JSON to unpack).
  const [baseline, previous] = await Promise.all([snapshots.baseline(), concerned.size > 0 ? snapshots.latestBefore(plan.createdAt) : null]);
  await snapshots.save({ planId: plan.planId, takenAt: plan.createdAt, asOf: plan.asOf, counts: input.counts, persons: input.persons }, input.compressedPersons);
  await snapshots.prune(config.snapshotRetentionMonths);
  return {
    ...plan,
    actions,
    summary: summarisePlan(actions),
    safety: {
      guard: checkSource(input.counts, baseline, config.sourceGuard),
      managedAccounts: input.managedAccounts,
      heldForReview: holdForReview(actions, effectiveActionLimits(config), input.managedAccounts),
      reviewMode: config.reviewMode,
      excluded,
      hrChanges: hrChangesByPerson(previous?.persons ?? [], input.persons, concerned, plan.asOf),
    },
  };
}

/** How the admin runs an apply: overrides and approvals. */
export interface ApplyDecisions {
  /** Apply even though the source guard stopped this plan (`--accept-source-drop`). */
  readonly acceptSourceDrop?: boolean;
  /** Actions held for review that the admin approves: their ids, or 'all'. */
  readonly approve?: 'all' | readonly string[];
  readonly comment?: string;
}

/** The verdict of {@link gateRun}: the actions that may run now, or why nothing runs. */
export interface RunGate {
  readonly stop: Extract<RunStatus, 'stopped-by-guard' | 'held-for-review'> | null;
  readonly error: string | null;
  readonly actions: readonly PlannedAction[];
  readonly safety: RunSafety;
}

/**
 * Decide what of `plan` an apply may write. Pure.
 * @throws ApprovalError when an approval names an action that is not held for review.
 */
export function gateRun(plan: Plan, decisions: ApplyDecisions, who: { readonly by: string; readonly at: string }): RunGate {
  const safety = plan.safety;
  const held = safety?.heldForReview ?? [];
  const approved = decisions.approve ? approvedIds(held, decisions.approve) : [];
  const approvals = approved.length > 0 ? [{ actionIds: approved, comment: decisions.comment ?? '', by: who.by, at: who.at }] : [];
  const waiting = stillHeld(plan.actions, held, approved);
  const guard = safety?.guard ?? null;
  const stopped = guard !== null && !guard.passed;
  const record: RunSafety = {
    guard,
    sourceDropAccepted: stopped && decisions.acceptSourceDrop === true,
    heldForReview: waiting,
    approvals,
    undoOf: safety?.undoOf ?? null,
  };
  if (stopped && decisions.acceptSourceDrop !== true) {
    return { stop: 'stopped-by-guard', error: `stopped by the source guard before any write: ${guard.problems.join('; ')}`, actions: [], safety: record };
  }
  if (waiting.length > 0 && safety?.reviewMode === 'all-or-nothing') {
    return {
      stop: 'held-for-review',
      error: `${waiting.length} action(s) are held for review and the review mode is all-or-nothing: nothing was applied`,
      actions: [],
      safety: record,
    };
  }
  const waitingIds = new Set(waiting.map((h) => h.actionId));
  const runnable = plan.actions.filter((a) => !waitingIds.has(a.id));
  // Every action waits: the run wrote nothing and says so, rather than "completed".
  if (waiting.length > 0 && runnable.length === 0) {
    return { stop: 'held-for-review', error: `all ${waiting.length} action(s) are held for review: nothing was applied`, actions: [], safety: record };
  }
  return { stop: null, error: null, actions: runnable, safety: record };
}
