import type { PlannedAction, TargetName } from '../model/plan';
import type { HeldForReview, Limit } from '../model/safety';
import { allowedBy, describeLimit, isOverLimit } from './limit';

/**
 * Action limits: when a plan has more actions of one kind for one target than the admin allows,
 * every action of that kind is *held for review* (never dropped) and waits for an approval; the
 * rest proceeds. Actions that depend on a held one wait with it. Pure.
 */

/** One limit: at most `limit` actions of `kind` for `target` per run without review. */
export interface ActionLimit {
  readonly target: TargetName;
  /** An action kind of that target ('disable', 'delete', …). */
  readonly kind: string;
  readonly limit: Limit;
}

/** Defaults an admin would accept: disables and deletes over 5 % or 25 accounts, whichever is larger. */
export const DEFAULT_ACTION_LIMITS: readonly ActionLimit[] = (['ad', 'nedap-ons'] as const).flatMap((target) =>
  ['disable', 'delete'].map((kind) => ({ target, kind, limit: { percent: 5, count: 25 } })),
);

const TARGET_LABEL: Readonly<Record<TargetName, string>> = { ad: 'Active Directory', 'nedap-ons': 'Nedap Ons' };

function plural(kind: string, n: number): string {
  return n === 1 ? kind : `${kind}s`;
}

/**
 * The actions of `actions` that are held for review under `limits`; `managed` is the number of
 * accounts the product manages per target (the base of percentage limits).
 */
export function holdForReview(
  actions: readonly PlannedAction[],
  limits: readonly ActionLimit[],
  managed: Readonly<Partial<Record<TargetName, number>>>,
): readonly HeldForReview[] {
  const reasons = new Map<string, string>();
  for (const { target, kind, limit } of limits) {
    const matching = actions.filter((a) => a.target === target && a.action === kind);
    const base = managed[target] ?? 0;
    if (!isOverLimit(matching.length, base, limit)) continue;
    const reason =
      `${matching.length} ${plural(kind, matching.length)} in ${TARGET_LABEL[target]}, more than the ` +
      `${Math.floor(allowedBy(limit, base))} allowed (${describeLimit(limit, `${base} managed accounts`)}): held for review`;
    for (const action of matching) reasons.set(action.id, reason);
  }
  return withDependents(actions, reasons);
}

/** One key per account an action concerns: its GUID, or its DN for an account still to be created. */
function accountKey(action: PlannedAction): string {
  switch (action.target) {
    case 'ad':
      return `ad:${(action.account.objectGuid ?? action.account.dn).toLowerCase()}`;
    case 'nedap-ons':
      return `nedap-ons:${action.account.identificationNo}`;
  }
}

/**
 * Held actions plus what waits with them, in plan order: every action that depends (directly or
 * not) on a held one, and the other actions on the same account. A leaver whose disable is held
 * is not moved to the disabled OU or stripped of groups meanwhile: the admin reviews the person's
 * retirement as one.
 */
function withDependents(actions: readonly PlannedAction[], reasons: ReadonlyMap<string, string>): readonly HeldForReview[] {
  const heldOnAccount = new Map<string, string>();
  for (const action of actions) {
    if (reasons.has(action.id) && !heldOnAccount.has(accountKey(action))) heldOnAccount.set(accountKey(action), action.id);
  }
  const held: HeldForReview[] = [];
  const ids = new Set<string>();
  // Dependencies always come earlier in a plan, so one pass in order sees every chain.
  for (const action of actions) {
    const own = reasons.get(action.id);
    const companion = heldOnAccount.get(accountKey(action));
    const waitsFor = own === undefined ? (action.dependsOn.find((id) => ids.has(id)) ?? companion) : undefined;
    if (own === undefined && waitsFor === undefined) continue;
    ids.add(action.id);
    held.push({
      actionId: action.id,
      target: action.target,
      kind: action.action,
      reason: own ?? `waits for action ${waitsFor ?? ''}, which is held for review`,
      waitsFor: waitsFor ?? null,
    });
  }
  return held;
}

/** An approval that names actions the plan does not hold for review. */
export class ApprovalError extends Error {
  override readonly name = 'ApprovalError';
}

/**
 * Resolve an admin's approval (`'all'` or a list of action ids) against what the plan holds.
 * @throws ApprovalError when an id is not held for review in this plan.
 */
export function approvedIds(held: readonly HeldForReview[], approve: 'all' | readonly string[]): readonly string[] {
  if (approve === 'all') return held.map((h) => h.actionId);
  const heldIds = new Set(held.map((h) => h.actionId));
  const unknown = approve.filter((id) => !heldIds.has(id));
  if (unknown.length > 0) {
    throw new ApprovalError(`action(s) ${unknown.join(', ')} are not held for review in this plan; nothing was applied`);
  }
  return [...new Set(approve)];
}

/**
 * What stays held once `approved` is approved: the unapproved held actions and whatever depends on
 * them (approving a follow-up without its prerequisite does not let the follow-up run alone).
 */
export function stillHeld(actions: readonly PlannedAction[], held: readonly HeldForReview[], approved: readonly string[]): readonly HeldForReview[] {
  const ok = new Set(approved);
  const own = new Map(held.filter((h) => !ok.has(h.actionId) && h.waitsFor === null).map((h) => [h.actionId, h.reason]));
  return withDependents(actions, own);
}
