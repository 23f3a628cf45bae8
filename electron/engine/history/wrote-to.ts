import type { TargetName } from '../model/plan';
import type { RunRecord } from '../model/run';

/**
 * True when some recorded run wrote to `target` (an action of that target created or updated
 * something): the evidence that the ledger once held entries for it, so a ledger without any is a
 * lost record, not a first run.
 */
export function wroteTo(runs: readonly RunRecord[], target: TargetName): boolean {
  return runs.some((run) => {
    const own = new Set(run.actions.filter((a) => a.target === target).map((a) => a.id));
    return run.outcomes.some((o) => own.has(o.actionId) && (o.outcome === 'created' || o.outcome === 'updated'));
  });
}
