import type { ImportResult, ProgressEvent } from '../app/provisioner';
import { DATASETS } from '../engine/visma/datasets';
import type { Finding } from '../engine/model/finding';
import type { RunRecord } from '../engine/model/run';

/** Readable reports for the terminal. Plain text, fixed-width columns, no colours. */

const number = new Intl.NumberFormat('en-GB');

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** One line per dataset when its export is done; null for the intermediate phases. */
export function formatProgress(progress: ProgressEvent): string | null {
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
export function formatHistory(runs: readonly RunRecord[], problems: readonly string[]): string {
  if (runs.length === 0 && problems.length === 0) return 'No runs recorded yet.\n';
  const lines: string[] = [];
  for (const run of runs) {
    const counts = Object.entries(run.summary)
      .filter(([, n]) => n > 0)
      .map(([outcome, n]) => `${n} ${outcome}`)
      .join(', ');
    lines.push(`${run.startedAt}  run ${run.runId}  ${run.status}  as of ${run.asOf}  (${counts || 'nothing to do'})`);
    const byId = new Map(run.actions.map((a) => [a.id, a]));
    for (const outcome of run.outcomes) {
      const action = byId.get(outcome.actionId);
      const what = action ? `${action.action} ${action.account.sAMAccountName}` : outcome.actionId;
      lines.push(`    ${outcome.outcome.padEnd(9)} ${what}${outcome.error ? `: ${outcome.error}` : ''}`);
    }
    const done = new Set(run.outcomes.map((o) => o.actionId));
    const notRun = run.actions.filter((a) => !done.has(a.id)).length;
    if (notRun > 0) lines.push(`    ${notRun} planned action(s) have no outcome (the run ${run.status === 'interrupted' ? 'was interrupted' : 'stopped'})`);
    if (run.error) lines.push(`    error: ${run.error}`);
  }
  for (const problem of problems) lines.push(`warning: ${problem}`);
  return `${lines.join('\n')}\n`;
}
