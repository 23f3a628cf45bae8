import type { Person } from '../engine/model/person';
import { accountLabel } from '../engine/model/plan';
import type { Plan } from '../engine/model/plan';
import type { Outcome, RunRecord } from '../engine/model/run';
import type { HrSnapshot } from '../engine/history/snapshot-store';
import { hrChanges } from '../engine/history/hr-changes';

/**
 * `explain --person ID`: a person's HR changes over time (from the HR snapshots), their accounts,
 * and why each past and planned action happened. Pure over what the caller read.
 */

/** One import in which something changed for the person. */
export interface HrMoment {
  readonly asOf: string;
  readonly takenAt: string;
  readonly changes: readonly string[];
}

/** One action, past (with its outcome) or planned. */
export interface ExplainedAction {
  readonly runId: string | null;
  readonly planId: string;
  readonly at: string;
  readonly target: string;
  readonly action: string;
  readonly account: string;
  readonly outcome: Outcome | 'planned' | 'held for review' | 'not run';
  readonly reasons: readonly string[];
  /** The HR changes that led to it (why-links). */
  readonly hrChanges: readonly string[];
}

/** Everything `explain` shows for one person. */
export interface Explanation {
  readonly personId: string;
  readonly name: string | null;
  readonly hrHistory: readonly HrMoment[];
  readonly accounts: readonly { readonly target: string; readonly dn: string; readonly sAMAccountName: string }[];
  readonly past: readonly ExplainedAction[];
  readonly planned: readonly ExplainedAction[];
}

function matches(person: Person, id: string): boolean {
  return person.id === id || person.employeeIds.includes(id);
}

function displayName(person: Person): string {
  const n = person.name;
  return [n.nickname || n.givenName, n.familyNamePrefix, n.familyName].filter(Boolean).join(' ');
}

/** Explain person `id` from the snapshots (oldest first), the runs and the latest plan. */
export function explainPerson(input: {
  readonly id: string;
  readonly snapshots: readonly HrSnapshot[];
  readonly runs: readonly RunRecord[];
  readonly latestPlan: Plan | null;
}): Explanation {
  const hrHistory: HrMoment[] = [];
  let previous: Person | undefined;
  let name: string | null = null;
  for (const snapshot of input.snapshots) {
    const person = snapshot.persons.find((p) => matches(p, input.id));
    const changes = hrChanges(previous, person, snapshot.asOf);
    if (changes.length > 0) hrHistory.push({ asOf: snapshot.asOf, takenAt: snapshot.takenAt, changes });
    if (person) name = displayName(person);
    previous = person;
  }
  const personId = input.snapshots.flatMap((s) => s.persons).find((p) => matches(p, input.id))?.id ?? input.id;
  // The why of a past run: what changed in HR between the import it ran on and the one before.
  const why = (planId: string): readonly string[] => {
    const at = input.snapshots.findIndex((s) => s.planId === planId);
    if (at < 0) return [];
    const find = (i: number): Person | undefined => input.snapshots[i]?.persons.find((p) => matches(p, personId));
    return hrChanges(at > 0 ? find(at - 1) : undefined, find(at), input.snapshots[at]?.asOf ?? '');
  };
  const past = [...input.runs].reverse().flatMap((run) =>
    run.actions
      .filter((a) => a.personId === personId)
      .map((a): ExplainedAction => ({
        runId: run.runId,
        planId: run.planId,
        at: run.startedAt,
        target: a.target,
        action: a.action,
        account: accountLabel(a),
        outcome: run.outcomes.find((o) => o.actionId === a.id)?.outcome ?? (run.safety?.heldForReview.some((h) => h.actionId === a.id) ? 'held for review' : 'not run'),
        reasons: a.reasons,
        hrChanges: why(run.planId),
      })),
  );
  const plan = input.latestPlan;
  // An action of the latest plan that a run already carried out is past, not planned.
  const done = new Set(input.runs.filter((run) => run.planId === plan?.planId).flatMap((run) => run.outcomes.map((o) => o.actionId)));
  const planned = (plan?.actions ?? [])
    .filter((a) => a.personId === personId && !done.has(a.id))
    .map((a): ExplainedAction => ({
      runId: null,
      planId: plan?.planId ?? '',
      at: plan?.createdAt ?? '',
      target: a.target,
      action: a.action,
      account: accountLabel(a),
      outcome: plan?.safety?.heldForReview.some((h) => h.actionId === a.id) ? 'held for review' : 'planned',
      reasons: a.reasons,
      hrChanges: plan?.safety?.hrChanges[personId] ?? [],
    }));
  const accounts = new Map<string, { target: string; dn: string; sAMAccountName: string }>();
  for (const a of [...past, ...planned]) accounts.set(`${a.target}:${a.account}`, { target: a.target, dn: '', sAMAccountName: a.account });
  for (const run of input.runs) {
    for (const a of run.actions) {
      if (a.personId === personId && a.target === 'ad') accounts.set(`${a.target}:${accountLabel(a)}`, { target: a.target, dn: a.account.dn, sAMAccountName: accountLabel(a) });
    }
  }
  return { personId, name, hrHistory, accounts: [...accounts.values()], past, planned };
}
