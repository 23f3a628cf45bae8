import type { PlannedAction, Plan } from '../../engine/model/plan';
import type { RunRecord } from '../../engine/model/run';
import { leafValue, parseDn } from '../../engine/ad/dn';
import type { ActionDto, PlanDto, RunDto, RunSummaryDto, TargetName } from '../../shared/dto';

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

/** A plan for the Preview screen, with counts per target and kind and its safety section. */
export function planDto(plan: Plan): PlanDto {
  const safety = plan.safety;
  const held = new Set((safety?.heldForReview ?? []).map((h) => h.actionId));
  const counts = new Map<string, { target: TargetName; action: string; count: number }>();
  for (const action of plan.actions) {
    const key = `${action.target}:${action.action}`;
    const entry = counts.get(key) ?? { target: action.target, action: action.action, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return {
    planId: plan.planId,
    guard: safety?.guard ? { passed: safety.guard.passed, problems: safety.guard.problems, summary: safety.guard.summary } : null,
    held: (safety?.heldForReview ?? []).map((h) => ({ actionId: h.actionId, reason: h.reason, waitsFor: h.waitsFor })),
    heldPersons: plan.held.map((h) => ({ target: h.target, personId: h.personId, employeeIds: h.employeeIds, accounts: h.accounts, reason: h.reason })),
    reviewMode: safety?.reviewMode ?? 'hold-over-limit',
    undoOf: safety?.undoOf ?? null,
    irreversible: (safety?.irreversible ?? []).map((i) => `${i.what}: ${i.reason}`),
    asOf: plan.asOf,
    createdAt: plan.createdAt,
    counts: [...counts.values()],
    actions: plan.actions.map((action) => actionDto(action, held.has(action.id), action.personId === null ? [] : (safety?.hrChanges[action.personId] ?? []))),
    unmanaged: plan.unmanaged,
    findings: plan.findings,
  };
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
  };
}
