import type { LedgerChange } from '../model/ledger';
import type { TargetName } from '../model/plan';
import type { RunRecord } from '../model/run';

/** Entries a run added to and removed from the entitlement ledger, for one target. */
export interface LedgerCount {
  readonly target: TargetName;
  readonly added: number;
  /** Entries forgotten one by one, plus accounts forgotten whole (each counts once). */
  readonly removed: number;
}

/** Every ledger change of a run: those of its actions (on their outcomes) and those of no action. */
export function runLedgerChanges(run: RunRecord): readonly LedgerChange[] {
  return [...run.outcomes.flatMap((o) => o.ledger ?? []), ...(run.ledger ?? [])];
}

/** What a run changed in the ledger, per target that it changed (AD first). */
export function ledgerCounts(run: RunRecord): readonly LedgerCount[] {
  const counts = new Map<TargetName, { added: number; removed: number }>();
  for (const change of runLedgerChanges(run)) {
    const target = change.kind === 'record' ? change.entry.target : change.target;
    const count = counts.get(target) ?? { added: 0, removed: 0 };
    if (change.kind === 'record') count.added += 1;
    else count.removed += 1;
    counts.set(target, count);
  }
  return (['ad', 'nedap-ons'] as const).flatMap((target) => {
    const count = counts.get(target);
    return count ? [{ target, ...count }] : [];
  });
}
