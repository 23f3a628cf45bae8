import { ACTION_KINDS, type AdAction, type AdActionKind } from '../model/plan';
import type { Draft } from './ad-draft';

/** The order apply executes action kinds in. */
export const AD_ACTION_ORDER: readonly AdActionKind[] = ACTION_KINDS.ad;

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
    ...(d.rule === undefined ? {} : { rule: d.rule }),
    reasons: d.reasons,
    dependsOn: [...new Set(d.dependsOn.map((dep) => ids.get(dep) as string))],
  }));
}
