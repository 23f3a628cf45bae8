import { describe, expect, it } from 'vitest';
import { generateVismaData } from '../../simulators/visma-hrm/generate';
import { columnsOf, writeCsvFiles } from '../../simulators/visma-hrm/csv-writer';
import { DEFAULT_LIFECYCLE, DEFAULT_PRIMARY_CONTRACT_ORDER } from '../model/policy';
import { rowsOfFiles } from '../visma/csv-compact';
import { parseVismaCsvStream } from '../visma/csv';
import { DATASETS, EVALUATED_COLUMNS } from '../visma/datasets';
import type { CsvRow, DatasetName, VismaExport } from '../visma/datasets';
import { evaluateImport } from './evaluate-import';
import type { ImportSettings } from './evaluate-import';

const AS_OF = '2026-03-02';
const settings: ImportSettings = {
  asOf: AS_OF, lifecycle: DEFAULT_LIFECYCLE, primaryContractOrder: DEFAULT_PRIMARY_CONTRACT_ORDER, cutOffDays: 90, allowEmptyDatasets: [],
};

type Datasets = Record<DatasetName, CsvRow[]>;

/** The rows as the download gives them: each dataset written as CSV and parsed, with only `columns` in each row. */
async function throughCsv(data: Datasets, columns: readonly string[] | 'all'): Promise<VismaExport> {
  const out: Partial<Record<DatasetName, readonly CsvRow[]>> = {};
  for (const spec of DATASETS) {
    const rows = data[spec.name];
    const files = writeCsvFiles(rows, columnsOf(rows, spec.requiredColumns), 2);
    out[spec.name] = rowsOfFiles(await Promise.all(files.map((text, i) => parseVismaCsvStream([text], spec, { index: i + 1, count: files.length }, 'utf-8', columns))));
  }
  return out as VismaExport;
}

/** An export with the odd cases the evaluation reads more columns for: repeated records, with and without differences. */
function oddData(): Datasets {
  const data = generateVismaData({ seed: 5, employees: 120, asOf: AS_OF });
  const [first, second] = data.employees;
  const [contract] = data.contracts;
  if (!first || !second || !contract) throw new Error('the generated export is too small');
  // An unread column: one the evaluation never looks at.
  const unread = Object.keys(first).find((column) => !EVALUATED_COLUMNS.has(column));
  if (unread === undefined) throw new Error('the generated employees have no column outside the evaluated ones');
  return {
    ...data,
    employees: [
      ...data.employees,
      { ...first }, // an exact copy: dropped with an info finding
      { ...second, [unread]: `${second[unread] ?? ''}-changed` }, // differs only where the evaluation never reads
    ],
    contracts: [...data.contracts, { ...contract }],
  };
}

describe('EVALUATED_COLUMNS', () => {
  it('holds every column the evaluation reads from any dataset', () => {
    // Records that repeat are compared whole (their left-out columns through restDigest); this export has none.
    const data = generateVismaData({ seed: 5, employees: 120, asOf: AS_OF });
    const read = new Set<string>();
    const watched = Object.fromEntries(DATASETS.map((spec) => [spec.name, data[spec.name].map((row) => new Proxy(row, {
      get(target, key, receiver) {
        if (typeof key === 'string') read.add(key);
        return Reflect.get(target, key, receiver) as unknown;
      },
    }))])) as unknown as VismaExport;
    const result = evaluateImport(watched, settings);
    expect(result.persons.length).toBeGreaterThan(100);
    expect(read.size).toBeGreaterThan(20);
    expect([...read].filter((column) => !EVALUATED_COLUMNS.has(column)).sort()).toEqual([]);
  });

  it('holds the required columns of every dataset', () => {
    for (const spec of DATASETS) expect(spec.requiredColumns.filter((column) => !EVALUATED_COLUMNS.has(column))).toEqual([]);
  });
});

describe('rows of only the evaluated columns', () => {
  it('evaluate exactly as whole rows do, repeated records and their findings included', async () => {
    const data = oddData();
    const whole = evaluateImport(await throughCsv(data, 'all'), settings);
    const projected = await throughCsv(data, [...EVALUATED_COLUMNS]);
    expect(evaluateImport(projected, settings)).toEqual(whole);
    // The record that differs only in an unread column is still two versions, not a copy.
    expect(whole.findings.filter((f) => f.code === 'duplicate-row').map((f) => f.severity).sort()).toEqual(['info', 'info', 'warning']);
    expect(Object.keys(projected.employees[0] ?? {}).every((column) => EVALUATED_COLUMNS.has(column))).toBe(true);
  });

});
