import type { ImportBaseline, Limit, SourceCounts, SourceGuardReport } from '../model/safety';
import { DATASETS } from '../visma/datasets';
import type { CsvRow, VismaExport } from '../visma/datasets';
import { describeLimit, isOverLimit, percentOf } from './limit';

/**
 * The source guard: an export that silently lacks a third of the employees must never make the
 * next apply disable a third of the staff. Every import is compared with the last one a completed
 * apply ran on; when too many persons or employments are gone, a dataset shrank too much, or the
 * export is empty, the run stops before it writes anything. Pure: the caller reads and stores.
 */

/** The default: more than 10 % gone stops the run. */
export const DEFAULT_SOURCE_GUARD: Limit = { percent: 10 };

/** Datasets without which nobody can be evaluated: empty means the export is broken, never "everyone left". */
const ESSENTIAL = ['employees', 'contracts'] as const;

/**
 * What the guard keeps of an import: row counts per dataset and the employee and employment ids as
 * the export has them. Raw rows, not evaluated persons: a contract that ends and falls out of the
 * evaluation window is not missing from the export, and must not look like it.
 */
export function sourceCounts(vismaExport: VismaExport): SourceCounts {
  const cell = (row: CsvRow, column: string): string => (row[column] ?? '').trim();
  const distinct = (values: readonly string[]): string[] => [...new Set(values.filter((v) => v !== '' && !v.startsWith('_')))];
  return {
    datasets: Object.fromEntries(DATASETS.map((spec) => [spec.name, vismaExport[spec.name].length])),
    personIds: distinct(vismaExport.employees.map((row) => cell(row, 'employeeid'))),
    employmentIds: distinct(
      vismaExport.contracts.map((row) => `${cell(row, 'employeeid')}_${cell(row, 'contractid')}_${cell(row, 'subcontractid')}`),
    ),
  };
}

function label(dataset: string): string {
  return DATASETS.find((spec) => spec.name === dataset)?.label ?? dataset;
}

function missing(before: readonly string[], now: readonly string[]): number {
  const present = new Set(now);
  return before.filter((id) => !present.has(id)).length;
}

/** "the employees export has 11 persons; the last good import had 17; 6 (35 %) are missing, more than the 10 % allowed" */
function gone(what: string, dataset: string, now: number, before: number, lost: number, limit: Limit): string {
  return (
    `the ${label(dataset)} export has ${now} ${what}; the last good import had ${before}; ` +
    `${lost} (${percentOf(lost, before)}) are missing, more than the ${describeLimit(limit)} allowed`
  );
}

/** Judge `current` against the last good import (`baseline`, null on a first run). */
export function checkSource(current: SourceCounts, baseline: ImportBaseline | null, limit: Limit = DEFAULT_SOURCE_GUARD): SourceGuardReport {
  const problems: string[] = [];
  for (const dataset of ESSENTIAL) {
    if ((current.datasets[dataset] ?? 0) === 0) {
      problems.push(`the ${label(dataset)} export is empty; an empty export never disables anyone`);
    }
  }
  if (problems.length === 0 && current.personIds.length === 0) {
    problems.push('the import has no persons at all; an empty export never disables anyone');
  }
  if (baseline === null) {
    return { passed: problems.length === 0, problems, baseline: null, summary: `${current.personIds.length} persons; no earlier good import to compare with (first run)` };
  }
  const before = baseline.counts;
  const lostPersons = missing(before.personIds, current.personIds);
  if (isOverLimit(lostPersons, before.personIds.length, limit)) {
    problems.push(gone('persons', 'employees', current.personIds.length, before.personIds.length, lostPersons, limit));
  }
  const lostEmployments = missing(before.employmentIds, current.employmentIds);
  if (isOverLimit(lostEmployments, before.employmentIds.length, limit)) {
    problems.push(gone('employments', 'contracts', current.employmentIds.length, before.employmentIds.length, lostEmployments, limit));
  }
  for (const [dataset, had] of Object.entries(before.datasets)) {
    const has = current.datasets[dataset] ?? 0;
    if (has < had && isOverLimit(had - has, had, limit)) {
      problems.push(
        `the ${label(dataset)} export has ${has} rows; the last good import had ${had}; ` +
          `${had - has} (${percentOf(had - has, had)}) fewer, more than the ${describeLimit(limit)} allowed`,
      );
    }
  }
  return {
    passed: problems.length === 0,
    problems,
    baseline: { planId: baseline.planId, asOf: baseline.asOf, acceptedAt: baseline.acceptedAt },
    summary:
      `${current.personIds.length} persons (last good import: ${before.personIds.length}, ${lostPersons} missing), ` +
      `${current.employmentIds.length} employments (last good import: ${before.employmentIds.length}, ${lostEmployments} missing)`,
  };
}
