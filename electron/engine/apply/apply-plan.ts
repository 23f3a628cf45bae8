import type { AdAction, NedapAction, PlannedAction, TargetName } from '../model/plan';
import type { ActionOutcome } from '../model/run';

/**
 * Apply dispatches a plan by target: each target's actions go, in plan order, to the one applier
 * (port) of that target. Targets run one after the other (AD first), so a target that cannot be
 * reached fails only its own actions' run, never the other's writes.
 */

/** Applies the actions of one target; records each outcome through `onOutcome` as it goes. */
export type TargetApplier<A extends PlannedAction> = (actions: readonly A[]) => Promise<readonly ActionOutcome[]>;

/** One applier per target; null when the configuration has no such target. */
export interface TargetAppliers {
  readonly ad: TargetApplier<AdAction> | null;
  readonly 'nedap-ons': TargetApplier<NedapAction> | null;
}

/** What {@link applyByTarget} reports per target that could not be applied at all. */
export interface TargetFailure {
  readonly target: TargetName;
  readonly error: unknown;
}

/**
 * Run every target's actions through its applier. Actions of a target without an applier are
 * skipped with a reason; a target whose applier throws (unreachable, unreadable) is reported and
 * the next target still runs.
 */
export async function applyByTarget(
  actions: readonly PlannedAction[],
  appliers: TargetAppliers,
  onSkipped: (outcome: ActionOutcome) => Promise<void>,
  now: () => Date = () => new Date(),
): Promise<readonly TargetFailure[]> {
  const ad = actions.filter((a): a is AdAction => a.target === 'ad');
  const nedap = actions.filter((a): a is NedapAction => a.target === 'nedap-ons');
  const failures: TargetFailure[] = [];
  const run = async <A extends PlannedAction>(target: TargetName, own: readonly A[], applier: TargetApplier<A> | null): Promise<void> => {
    if (applier === null) {
      for (const action of own) {
        await onSkipped({
          actionId: action.id,
          outcome: 'skipped',
          error: `the configuration has no ${target === 'ad' ? '"ad"' : '"nedapOns"'} section (or the run is limited to another target)`,
          at: now().toISOString(),
        });
      }
      return;
    }
    try {
      await applier(own);
    } catch (error) {
      failures.push({ target, error });
    }
  };
  await run('ad', ad, appliers.ad);
  await run('nedap-ons', nedap, appliers['nedap-ons']);
  return failures;
}
