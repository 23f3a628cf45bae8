import type { HeldPerson, PlannedAction, Plan } from '../../engine/model/plan';
import type { RunRecord } from '../../engine/model/run';
import { leafValue, parseDn } from '../../engine/ad/dn';
import { ledgerCounts } from '../../engine/history/ledger-counts';
import { PlanIndex } from './plan-index';
import type { ActionDto, HeldPersonDto, PlanDto, RunDto, RunSummaryDto, TargetName } from '../../shared/dto';

/**
 * Engine values to the DTOs of electron/shared: the screens never see engine types, so the engine can
 * change shape without the renderer following.
 */

function safeLeaf(dn: string): string {
  try {
    return leafValue(dn);
  } catch {
    return dn;
  }
}

/** The first OU of a DN below its leaf ("ICT" for CN=Jan,OU=ICT,OU=Medewerkers,...); '' when none. */
export function orgUnitOf(dn: string): string {
  try {
    const ou = parseDn(dn).slice(1).find((rdn) => rdn[0]?.type.toLowerCase() === 'ou');
    return ou?.[0]?.value ?? '';
  } catch {
    return '';
  }
}

/** The parts of an action that differ per target. */
function targetParts(action: PlannedAction): Pick<ActionDto, 'personName' | 'orgUnit' | 'account' | 'entitlement'> {
  switch (action.target) {
    case 'ad':
      return {
        personName: safeLeaf(action.account.dn),
        orgUnit: orgUnitOf(action.account.dn),
        account: { name: action.account.sAMAccountName, path: action.account.dn, id: action.account.objectGuid },
        entitlement: action.entitlement,
      };
    case 'nedap-ons':
      return {
        personName: action.account.userName,
        orgUnit: '',
        account: { name: action.account.userName, path: action.account.identificationNo, id: action.account.userUuid },
        entitlement: action.set ? action.set.join(', ') : null,
      };
    default:
      return action satisfies never;
  }
}

/** One planned action for the screens, with whether it is held for review and the HR changes behind it. */
export function actionDto(action: PlannedAction, held = false, hrChanges: readonly string[] = []): ActionDto {
  return {
    id: action.id,
    target: action.target,
    action: action.action,
    personId: action.personId,
    ...targetParts(action),
    changes: action.changes,
    reasons: action.reasons,
    dependsOn: action.dependsOn,
    held,
    hrChanges,
  };
}

/** A person held for doubtful HR data, as the screens show one. */
export function heldPersonDto(held: HeldPerson): HeldPersonDto {
  return { target: held.target, personId: held.personId, employeeIds: held.employeeIds, accounts: held.accounts, reason: held.reason };
}

/** The plan's actions for the screens, each with whether it is held for review and the HR changes behind it. */
export function planActionDtos(plan: Plan): ActionDto[] {
  const held = new Set((plan.safety?.heldForReview ?? []).map((h) => h.actionId));
  const hrChanges = plan.safety?.hrChanges ?? {};
  return plan.actions.map((action) => actionDto(action, held.has(action.id), action.personId === null ? [] : (hrChanges[action.personId] ?? [])));
}

/**
 * A plan for the Preview screen, with counts per target and kind and its safety section; the actions
 * stay behind (`index` pages them). Each held action names its person, account and kind.
 */
export function planDto(plan: Plan, index: PlanIndex = new PlanIndex(plan.planId, planActionDtos(plan))): PlanDto {
  const safety = plan.safety;
  const counts = new Map<string, { target: TargetName; action: string; count: number }>();
  for (const action of plan.actions) {
    const key = `${action.target}:${action.action}`;
    const entry = counts.get(key) ?? { target: action.target, action: action.action, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const heldIds = new Set((safety?.heldForReview ?? []).map((h) => h.actionId));
  const byId = new Map(heldIds.size === 0 ? [] : index.actions.filter((a) => heldIds.has(a.id)).map((a) => [a.id, a]));
  return {
    planId: plan.planId,
    guard: safety?.guard ? { passed: safety.guard.passed, problems: safety.guard.problems, summary: safety.guard.summary } : null,
    held: (safety?.heldForReview ?? []).map((h) => {
      const a = byId.get(h.actionId);
      return {
        actionId: h.actionId, reason: h.reason, waitsFor: h.waitsFor, target: h.target, action: h.kind, personId: a?.personId ?? null,
        personName: a?.personName ?? '', accountName: a?.account.name ?? '',
      };
    }),
    heldPersons: plan.held.map(heldPersonDto),
    reviewMode: safety?.reviewMode ?? 'hold-over-limit',
    undoOf: safety?.undoOf ?? null,
    irreversible: (safety?.irreversible ?? []).map((i) => `${i.what}: ${i.reason}`),
    asOf: plan.asOf,
    createdAt: plan.createdAt,
    counts: [...counts.values()],
    total: index.actions.length,
    options: index.options(),
    unmanaged: plan.unmanaged,
    findings: plan.findings,
  };
}

/**
 * A plan as the Preview screen reads it, built once when the plan is made: its summary (PlanDto) and
 * its actions indexed for the table's pages.
 */
export class PlanView {
  readonly index: PlanIndex;
  readonly dto: PlanDto;

  constructor(readonly plan: Plan) {
    this.index = new PlanIndex(plan.planId, planActionDtos(plan));
    this.dto = planDto(plan, this.index);
  }
}

/** A run as one line of the History list. */
export function runSummaryDto(run: RunRecord): RunSummaryDto {
  const durationMs = run.finishedAt ? Date.parse(run.finishedAt) - Date.parse(run.startedAt) : null;
  return {
    runId: run.runId,
    planId: run.planId,
    asOf: run.asOf,
    trigger: run.trigger,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: durationMs !== null && Number.isFinite(durationMs) ? durationMs : null,
    status: run.status,
    counts: run.summary,
    error: run.error,
    heldPersons: run.held?.length ?? 0,
    ledger: ledgerCounts(run),
  };
}

/** A run opened in History: every action with its outcome (none yet when the run stopped before it). */
export function runDto(run: RunRecord): RunDto {
  const outcomes = new Map(run.outcomes.map((outcome) => [outcome.actionId, outcome]));
  return {
    ...runSummaryDto(run),
    actions: run.actions.map((action) => {
      const outcome = outcomes.get(action.id);
      return { action: actionDto(action), outcome: outcome?.outcome ?? null, error: outcome?.error ?? null, at: outcome?.at ?? null };
    }),
    held: (run.held ?? []).map(heldPersonDto),
  };
}
