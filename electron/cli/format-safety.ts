import type { Explanation, ExplainedAction } from '../app/explain';
import type { Plan } from '../engine/model/plan';
import type { RunSafety } from '../engine/model/run';
import type { LookAheadDay } from '../engine/plan/look-ahead';

/** Readable reports of the safety checks: guard, review, exclusions, why-links, look-ahead, explain. */

/** The safety section of a plan: guard verdict, what is held for review, who is excluded, what cannot be undone. */
export function formatPlanSafety(plan: Plan): string[] {
  const safety = plan.safety;
  if (!safety) return [];
  const lines: string[] = [];
  if (safety.undoOf) lines.push('', `Undo of run ${safety.undoOf}.`);
  if (safety.guard) {
    lines.push('', safety.guard.passed ? `Source guard: passed (${safety.guard.summary}).` : 'Source guard: STOPPED. Apply will write nothing:');
    for (const problem of safety.guard.problems) lines.push(`  - ${problem}`);
    if (!safety.guard.passed) lines.push('  Check the Visma export; if the drop is real, apply once with --accept-source-drop (recorded).');
  }
  if (safety.heldForReview.length > 0) {
    lines.push('', `${safety.heldForReview.length} action(s) would be held for review (approve with --approve ID,ID|all --comment "why"):`);
    for (const held of safety.heldForReview.slice(0, 30)) lines.push(`  ${held.actionId.padEnd(36)} ${held.reason}`);
    if (safety.heldForReview.length > 30) lines.push(`  … and ${safety.heldForReview.length - 30} more (use --json for all)`);
  }
  if (safety.excluded.length > 0) {
    lines.push('', `${safety.excluded.length} person(s) are excluded; their accounts are left alone:`);
    for (const e of safety.excluded) lines.push(`  ${e.personId.padEnd(10)} ${e.reason}${e.actionsLeftOut > 0 ? ` (${e.actionsLeftOut} action(s) left out)` : ''}`);
  }
  if (safety.irreversible && safety.irreversible.length > 0) {
    lines.push('', `${safety.irreversible.length} action(s) of that run cannot be undone:`);
    for (const item of safety.irreversible) lines.push(`  ${item.what}: ${item.reason}`);
  }
  return lines;
}

/** The why-links of one person, for under an action. */
export function formatWhy(plan: Plan, personId: string | null): string[] {
  if (personId === null) return [];
  return (plan.safety?.hrChanges[personId] ?? []).map((change) => `why: ${change}`);
}

/** The safety record of a run, for the history. */
export function formatRunSafety(safety: RunSafety | null): string[] {
  if (!safety) return [];
  const lines: string[] = [];
  if (safety.undoOf) lines.push(`    undo of run ${safety.undoOf}`);
  if (safety.guard && !safety.guard.passed) {
    lines.push(safety.sourceDropAccepted ? '    source guard overridden (--accept-source-drop):' : '    stopped by guard:');
    for (const problem of safety.guard.problems) lines.push(`      ${problem}`);
  }
  for (const approval of safety.approvals) {
    lines.push(`    approved by ${approval.by} at ${approval.at}: ${approval.actionIds.length} action(s) ("${approval.comment}")`);
  }
  if (safety.heldForReview.length > 0) {
    lines.push(`    ${safety.heldForReview.length} action(s) held for review, not applied:`);
    for (const held of safety.heldForReview.slice(0, 10)) lines.push(`      ${held.actionId}: ${held.reason}`);
    if (safety.heldForReview.length > 10) lines.push(`      … and ${safety.heldForReview.length - 10} more (use --json for all)`);
  }
  return lines;
}

/** The look-ahead, one block per day. */
export function formatLookAhead(days: readonly LookAheadDay[]): string {
  if (days.length === 0) return '\nLook-ahead: nothing happens in the coming days if HR data stays as it is.\n';
  const lines = ['', 'Look-ahead (if HR data stays as it is):'];
  for (const day of days) {
    lines.push(`  ${day.date}`);
    for (const event of day.events) lines.push(`    ${event.kind.padEnd(8)} ${event.personId.padEnd(8)} ${event.name.padEnd(24)} ${event.description}`);
  }
  return `${lines.join('\n')}\n`;
}

function action(a: ExplainedAction): string[] {
  const head = `  ${a.at.slice(0, 10)}  ${a.action.padEnd(7)} ${a.account.padEnd(20)} ${a.outcome}${a.runId ? ` (run ${a.runId})` : ''}`;
  return [head, ...a.reasons.map((r) => `      because ${r}`), ...a.hrChanges.map((c) => `      HR: ${c}`)];
}

/** `explain --person`: HR history, accounts, past and planned actions with their reasons. */
export function formatExplanation(e: Explanation): string {
  const lines = ['', `Person ${e.personId}${e.name ? ` (${e.name})` : ''}`];
  lines.push('', e.hrHistory.length === 0 ? 'No HR changes recorded (no snapshots of this person).' : 'HR changes over time:');
  for (const moment of e.hrHistory) {
    lines.push(`  import of ${moment.asOf}:`);
    for (const change of moment.changes) lines.push(`    ${change}`);
  }
  lines.push('', e.accounts.length === 0 ? 'No accounts known.' : 'Accounts:');
  for (const account of e.accounts) lines.push(`  ${account.target.padEnd(9)} ${account.sAMAccountName}${account.dn ? `  ${account.dn}` : ''}`);
  lines.push('', e.past.length === 0 ? 'No past actions.' : 'Past actions:', ...e.past.flatMap(action));
  lines.push('', e.planned.length === 0 ? 'Nothing planned.' : 'Planned (latest preview):', ...e.planned.flatMap(action));
  return `${lines.join('\n')}\n`;
}
