import type { ImportResult, ProgressEvent } from '../app/provisioner';
import { DATASETS } from '../engine/visma/datasets';
import type { Finding } from '../engine/model/finding';
import type { RunRecord } from '../engine/model/run';
import { ledgerCounts } from '../engine/history/ledger-counts';
import { accountLabel, type AttributeValue, type HeldPerson, type Plan, type PlanSummary, type PlannedAction, type TargetName } from '../engine/model/plan';
import { formatPlanSafety, formatRunSafety, formatWhy } from './format-safety';

/** Readable reports for the terminal. Plain text, fixed-width columns, no colours. */

const number = new Intl.NumberFormat('en-GB');

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** One line per dataset when its export is done; null for the intermediate phases. */
export function formatProgress(progress: ProgressEvent): string | null {
  switch (progress.kind) {
    case 'directory':
      return progress.phase === 'read'
        ? `  ${'Active Directory'.padEnd(24, '.')} ${number.format(progress.accounts ?? 0).padStart(8)} accounts (${seconds(progress.elapsedMs)})`
        : null;
    case 'nedap-ons':
      return `  ${'Nedap Ons'.padEnd(24, '.')} ${number.format(progress.employees).padStart(8)} employees, ${number.format(progress.users)} users (${seconds(progress.elapsedMs)})`;
    case 'apply':
      // One line per 100 actions keeps a long run visibly alive without flooding the terminal.
      return progress.done % 100 === 0 || progress.done === progress.total ? `  applied ${progress.done} of ${progress.total}` : null;
    case 'notices':
      return `  ${progress.message}`;
    case 'visma':
      break;
  }
  const { event } = progress;
  if (event.phase !== 'done') return null;
  const label = DATASETS.find((d) => d.name === event.dataset)?.label ?? event.dataset;
  const files = event.files !== undefined && event.files !== 1 ? ` in ${event.files} files` : '';
  return `  ${label.padEnd(24, '.')} ${number.format(event.rows ?? 0).padStart(8)} rows${files} (${seconds(event.elapsedMs)})`;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Findings grouped by severity, the first few of each shown in full. */
export function formatFindings(findings: readonly Finding[], shown = 10): string {
  if (findings.length === 0) return 'No data problems found.\n';
  const lines = [`${number.format(findings.length)} data problem(s):`];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(`  ${severity} (${number.format(group.length)}):`);
    for (const finding of group.slice(0, shown)) lines.push(`    [${finding.code}] ${finding.message}`);
    if (group.length > shown) lines.push(`    … and ${number.format(group.length - shown)} more (use --json for all)`);
  }
  return `${lines.join('\n')}\n`;
}

/** Summary of an import: persons, contracts by state, primary contracts, findings. */
export function formatImport(result: ImportResult): string {
  const contracts = result.persons.flatMap((p) => p.contracts);
  const states = countBy(contracts, (c) => c.state);
  const multi = result.persons.filter((p) => p.employeeIds.length > 1).length;
  const withoutContract = result.persons.filter((p) => p.contracts.length === 0).length;
  const lines = [
    '',
    `As of ${result.asOf}:`,
    `  persons      ${number.format(result.persons.length).padStart(8)}  (${number.format(multi)} with more than one employee record, ${number.format(withoutContract)} without a contract in the window)`,
    `  contracts    ${number.format(contracts.length).padStart(8)}  (${['active', 'future', 'ended'].map((s) => `${number.format(states.get(s) ?? 0)} ${s}`).join(', ')})`,
    `  in condition ${number.format(contracts.filter((c) => c.inCondition).length).padStart(8)}`,
    '',
  ];
  return `${lines.join('\n')}\n${formatFindings(result.findings)}`;
}

/** The history, newest first, one block per run. */
export function formatHistory(history: {
  readonly runs: readonly RunRecord[];
  readonly problems: readonly string[];
  readonly keptSince: string;
  readonly retentionDays: number;
}): string {
  const reach = `History keeps runs for ${history.retentionDays} days: it reaches back to ${history.keptSince}.\n`;
  if (history.runs.length === 0 && history.problems.length === 0) return `No runs recorded yet. ${reach}`;
  return `${reach}${formatRuns(history.runs, history.problems)}`;
}

/** Runs with their problem outcomes in full and the routine ones up to a screenful. */
function formatRuns(runs: readonly RunRecord[], problems: readonly string[], shownOutcomes = 12): string {
  const lines: string[] = [];
  for (const run of runs) {
    const counts = Object.entries(run.summary)
      .filter(([, n]) => n > 0)
      .map(([outcome, n]) => `${n} ${outcome}`)
      .join(', ');
    lines.push(`${run.startedAt}  run ${run.runId}  ${run.status}  as of ${run.asOf}  (${counts || 'nothing to do'})`);
    const ledger = ledgerCounts(run).map((c) => `${targetLabel(c.target)} +${c.added} -${c.removed}`);
    if (ledger.length > 0) lines.push(`    entitlement ledger: ${ledger.join(', ')}`);
    const byId = new Map(run.actions.map((a) => [a.id, a]));
    // Problems are always listed in full; the routine outcomes only up to a screenful.
    const problems = run.outcomes.filter((o) => o.error !== null);
    const routine = run.outcomes.filter((o) => o.error === null);
    for (const outcome of [...problems, ...routine.slice(0, shownOutcomes)]) {
      const action = byId.get(outcome.actionId);
      const what = action ? `${targetLabel(action.target)} ${action.action} ${accountLabel(action)}` : outcome.actionId;
      lines.push(`    ${outcome.outcome.padEnd(9)} ${what}${outcome.error ? `: ${outcome.error}` : ''}`);
    }
    if (routine.length > shownOutcomes) lines.push(`    … and ${routine.length - shownOutcomes} more (use --json for all)`);
    const done = new Set(run.outcomes.map((o) => o.actionId));
    const notRun = run.actions.filter((a) => !done.has(a.id)).length;
    if (notRun > 0) lines.push(`    ${notRun} planned action(s) have no outcome (the run ${run.status === 'interrupted' ? 'was interrupted' : 'stopped'})`);
    lines.push(...formatRunSafety(run.safety));
    if (run.error) lines.push(`    error: ${run.error}`);
  }
  for (const problem of problems) lines.push(`warning: ${problem}`);
  return `${lines.join('\n')}\n`;
}

function show(value: AttributeValue): string {
  if (value === null || (typeof value !== 'string' && value.length === 0)) return '—';
  return typeof value === 'string' ? value : value.join('; ');
}

function wrap(parts: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    if (line && line.length + part.length + 2 > width) {
      lines.push(`${line};`);
      line = part;
    } else {
      line = line ? `${line}; ${part}` : part;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

const TARGET_LABELS: Readonly<Record<TargetName, string>> = { ad: 'AD', 'nedap-ons': 'Nedap' };

/** The short name of a target in tables ("AD", "Nedap"). */
export function targetLabel(target: TargetName): string {
  return TARGET_LABELS[target];
}

/** "AD 3 create, 2 grant; Nedap 2 create-user": the non-zero counts of each target. */
export function formatSummary(summary: PlanSummary): string {
  const parts: string[] = [];
  for (const target of ['ad', 'nedap-ons'] as const) {
    const counts = Object.entries(summary[target])
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${n} ${kind}`);
    if (counts.length > 0) parts.push(`${targetLabel(target)} ${counts.join(', ')}`);
  }
  return parts.join('; ');
}

const INDENT = ' '.repeat(50);

/** The lines below an action's row: further reasons, the group, and what changes. */
function actionDetails(action: PlannedAction): string[] {
  const lines = action.reasons.slice(1).map((more) => `${INDENT} ${more}`);
  if (action.target === 'ad' && action.entitlement) lines.push(`${INDENT} group ${action.entitlement}`);
  if (action.action === 'create' || action.action === 'create-user') {
    // A new account has no "before": its attributes read better as one wrapped list.
    lines.push(...wrap(action.changes.map((c) => `${c.attribute}=${show(c.after)}`), 100).map((l) => `${INDENT}   ${l}`));
    return lines;
  }
  for (const change of action.changes) {
    if (change.attribute === 'memberOf') continue;
    lines.push(`${INDENT}   ${change.attribute}: ${truncate(show(change.before), 40)} -> ${truncate(show(change.after), 60)}`);
  }
  return lines;
}

/** The plan as a table: one row per action with its reasons and attribute changes below it. */
export function formatPlan(plan: Plan, savedTo: string | null = null): string {
  const lines = ['', `Plan ${plan.planId} as of ${plan.asOf}`];
  lines.push(plan.actions.length === 0 ? 'Nothing to change: the targets match Visma.' : `${plan.summary.total} action(s): ${formatSummary(plan.summary)}`);
  if (plan.actions.length > 0) {
    lines.push('', `${'#'.padEnd(5)} ${'target'.padEnd(6)} ${'action'.padEnd(13)} ${'person'.padEnd(8)} ${'account'.padEnd(14)} reason`);
    const explained = new Set<string>();
    plan.actions.forEach((action, i) => {
      const reason = action.reasons[0] ?? '';
      lines.push(
        `${String(i + 1).padEnd(5)} ${targetLabel(action.target).padEnd(6)} ${action.action.padEnd(13)} ${(action.personId ?? '—').padEnd(8)} ${truncate(accountLabel(action), 14).padEnd(14)} ${reason}`,
      );
      // The HR changes behind a person's actions, once per person (under their first action).
      if (action.personId !== null && !explained.has(action.personId)) {
        explained.add(action.personId);
        for (const why of formatWhy(plan, action.personId)) lines.push(`${' '.repeat(44)} ${why}`);
      }
      lines.push(...actionDetails(action));
    });
  }
  if (plan.unmanaged.length > 0) {
    lines.push('', `${plan.unmanaged.length} account(s) are not managed and will not be changed:`);
    for (const account of plan.unmanaged.slice(0, 20)) lines.push(`  ${targetLabel(account.target).padEnd(6)} ${account.sAMAccountName.padEnd(20)} ${account.reason}`);
    if (plan.unmanaged.length > 20) lines.push(`  … and ${plan.unmanaged.length - 20} more (use --json for all)`);
  }
  // A person is held in every target: say so once, with the targets.
  const byPerson = new Map<string, HeldPerson[]>();
  for (const h of plan.held) byPerson.set(h.personId, [...(byPerson.get(h.personId) ?? []), h]);
  const held = [...byPerson.values()];
  if (held.length > 0) {
    lines.push('', `${held.length} person(s) are held: nothing is changed for them until HR corrects their data:`);
    for (const entries of held.slice(0, 20)) lines.push(`  held (${entries.map((h) => targetLabel(h.target)).join(', ')}): ${entries[0]?.reason ?? ''}`);
    if (held.length > 20) lines.push(`  … and ${held.length - 20} more (use --json for all)`);
  }
  lines.push(...formatPlanSafety(plan));
  lines.push('', formatFindings(plan.findings).trimEnd());
  if (savedTo) lines.push(`Plan saved to ${savedTo}; apply it with: npm run --silent cli -- apply --config FILE --plan ${savedTo} --yes`);
  return `${lines.join('\n')}\n`;
}

/** The outcome of an apply run. */
export function formatRun(run: RunRecord): string {
  const lines = [formatRuns([run], []).trimEnd()];
  if (run.summary.failed > 0) lines.push(`${run.summary.failed} action(s) failed; the others were applied. Preview again to see what is left.`);
  return `${lines.join('\n')}\n`;
}
