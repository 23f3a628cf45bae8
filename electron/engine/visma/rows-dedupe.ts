import type { CsvRow } from './datasets';
import { restDigest } from './csv-compact';
import type { Doubts } from './doubts';
import { cell, finding, type ReportFinding } from './rows';

/** How to name the rows of one dataset in findings and how to key them. */
export interface DedupeSpec {
  /** Dataset label for messages ("employees"). */
  readonly dataset: string;
  /** The row's key ('' = no key: such rows pass through untouched, the readers report them). */
  readonly key: (row: CsvRow) => string;
  /** What the key is, for messages ("employee 100234", "contract 100234_1_1"). */
  readonly describe: (key: string) => string;
  /** Employee id to put on findings for this row. */
  readonly employeeId: (row: CsvRow) => string | null;
}

/** Dedupe rules for the employees export: one row per employee id. */
export const EMPLOYEE_DEDUPE: DedupeSpec = {
  dataset: 'employees',
  key: (row) => cell(row, 'employeeid'),
  describe: (key) => `employee ${key}`,
  employeeId: (row) => cell(row, 'employeeid') || null,
};

/** Dedupe rules for the contracts export: one row per employeeid + contractid + subcontractid. */
export const CONTRACT_DEDUPE: DedupeSpec = {
  dataset: 'contracts',
  key: (row) => {
    const employeeId = cell(row, 'employeeid');
    return employeeId === '' ? '' : `${employeeId}_${cell(row, 'contractid')}_${cell(row, 'subcontractid')}`;
  },
  describe: (key) => `contract ${key}`,
  employeeId: (row) => cell(row, 'employeeid') || null,
};

/** Dedupe rules for the users export: one row per user id. */
export const USER_DEDUPE: DedupeSpec = {
  dataset: 'users',
  key: (row) => cell(row, 'userid'),
  describe: (key) => `user ${key}`,
  employeeId: (row) => cell(row, 'employeeid') || null,
};

// Column lists sorted once per distinct header, so the signature does not depend on column order.
const sortedColumnsCache = new Map<string, readonly string[]>();

// Every column counts, also those an import leaves out of its rows (their digest stands for them): two versions
// that differ only in a column the evaluation never reads are still two versions.
function signature(row: CsvRow): string {
  const columns = Object.keys(row);
  const header = columns.join('\u0001');
  let sorted = sortedColumnsCache.get(header);
  if (!sorted) {
    sorted = [...columns].sort();
    sortedColumnsCache.set(header, sorted);
  }
  let sig = '';
  for (const column of sorted) sig += `${column}\u0002${cell(row, column)}\u0001`;
  return sig + restDigest(row);
}

function existenceTime(row: CsvRow): number {
  const t = Date.parse(cell(row, 'existencestartutc'));
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/**
 * Removes repeated rows. Rows identical in every (trimmed) column are dropped with an info finding.
 * Different rows with the same key are reduced to the one with the latest `existencestartutc`
 * (the newest version Visma knows; on a tie the later row in the file, as the HelloID connector
 * let the last row win), with a warning. Output keeps the order of each key's first
 * appearance; rows without a key come last.
 */
export function dedupeRows(rows: readonly CsvRow[], spec: DedupeSpec, report: ReportFinding, doubts?: Doubts): CsvRow[] {
  // The common case (every key once) costs one map entry per row; signatures and conflict
  // bookkeeping are only built when a key repeats.
  interface Repeats { readonly signatures: Set<string>; conflicts: number; tied: boolean }
  const chosen = new Map<string, CsvRow>();
  const repeats = new Map<string, Repeats>();
  const keyless: CsvRow[] = [];
  for (const row of rows) {
    const key = spec.key(row);
    if (key === '') {
      keyless.push(row);
      continue;
    }
    const current = chosen.get(key);
    if (current === undefined) {
      chosen.set(key, row);
      continue;
    }
    let rep = repeats.get(key);
    if (!rep) {
      rep = { signatures: new Set([signature(current)]), conflicts: 0, tied: false };
      repeats.set(key, rep);
    }
    const sig = signature(row);
    if (rep.signatures.has(sig)) {
      report(finding('info', 'duplicate-row', spec.employeeId(row),
        `${spec.describe(key)} appears more than once in the ${spec.dataset} export with identical data; the copy is ignored`));
      continue;
    }
    rep.signatures.add(sig);
    rep.conflicts++;
    // Equal (or absent) existencestartutc: nothing says which version is true.
    if (existenceTime(row) === existenceTime(current)) rep.tied = true;
    if (existenceTime(row) >= existenceTime(current)) chosen.set(key, row);
  }
  for (const [key, rep] of repeats) {
    const row = chosen.get(key);
    if (rep.conflicts === 0 || row === undefined) continue;
    const stamp = cell(row, 'existencestartutc');
    report(finding('warning', 'duplicate-row', spec.employeeId(row),
      `${spec.describe(key)} appears in ${rep.conflicts + 1} different versions in the ${spec.dataset} export; ` +
      (stamp === ''
        ? 'none has an existencestartutc, so the last row in the file is used'
        : `the row with the latest existencestartutc (${stamp}) is used`)));
    const employeeId = spec.employeeId(row);
    if (rep.tied && doubts && employeeId !== null) {
      doubts.add(employeeId, {
        dataset: spec.dataset,
        row: doubts.rowNumber(row),
        column: '',
        text: '',
        problem: `${spec.describe(key)} comes in ${rep.conflicts + 1} conflicting versions and no existencestartutc says which is newest`,
      });
    }
  }
  // Rows without a key go last: the readers report and drop them.
  return keyless.length === 0 ? [...chosen.values()] : [...chosen.values(), ...keyless];
}
