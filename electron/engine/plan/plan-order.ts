import type { AdAction, AdActionKind, PlanSummary } from '../model/plan';
import type { Draft } from './ad-draft';

/** The order apply executes action kinds in. */
export const AD_ACTION_ORDER: readonly AdActionKind[] = [
  'create',
  'move',
  'update',
  'enable',
  'grant',
  'revoke',
  'disable',
  'delete',
];

/**
 * Phase 3 of planning: drafts -> actions. Orders by kind (stable within a kind), numbers them
 * (`0001-create-100234`) and turns draft dependencies into action ids.
 */
export function orderActions(drafts: readonly Draft[]): AdAction[] {
  const ordered = AD_ACTION_ORDER.flatMap((kind) => drafts.filter((d) => d.action === kind));
  const ids = new Map<Draft, string>();
  ordered.forEach((d, i) => ids.set(d, `${String(i + 1).padStart(4, '0')}-${d.action}-${d.subject}`));
  return ordered.map((d) => ({
    id: ids.get(d) as string,
    target: 'ad',
    action: d.action,
    personId: d.personId,
    account: d.account,
    changes: d.changes,
    entitlement: d.entitlement,
    reasons: d.reasons,
    dependsOn: [...new Set(d.dependsOn.map((dep) => ids.get(dep) as string))],
  }));
}

/** Counts per action kind plus the total. */
export function summariseActions(actions: readonly AdAction[]): PlanSummary {
  const counts: Record<AdActionKind, number> = {
    create: 0,
    update: 0,
    enable: 0,
    disable: 0,
    move: 0,
    delete: 0,
    grant: 0,
    revoke: 0,
  };
  for (const action of actions) counts[action.action] += 1;
  return { ...counts, total: actions.length };
}
