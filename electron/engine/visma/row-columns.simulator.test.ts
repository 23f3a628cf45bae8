import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateVismaData } from '../../simulators/visma-hrm/generate';
import { startVismaSimulator } from '../../simulators/visma-hrm/server';
import type { RunningVismaSimulator } from '../../simulators/visma-hrm/types';
import { DEFAULT_LIFECYCLE, DEFAULT_PRIMARY_CONTRACT_ORDER } from '../model/policy';
import { evaluateImport } from '../import/evaluate-import';
import type { ImportSettings } from '../import/evaluate-import';
import { fetchVismaExport } from './client';
import { restDigest, rowsOfFiles } from './csv-compact';
import type { CompactCsv } from './csv-compact';
import { EVALUATED_COLUMNS } from './datasets';
import type { DatasetName } from './datasets';
import { exportWorkerEntry, readExportInWorker } from './export-worker-host';
import { resolveVismaClientOptions } from './options';
import type { VismaClientOptions } from './options';

const SECRET = 'C0lumns-S3cret!+/=';
const AS_OF = '2026-03-02';
const data = generateVismaData({ seed: 11, employees: 60, asOf: AS_OF });
let simulator: RunningVismaSimulator;

beforeAll(async () => {
  simulator = await startVismaSimulator({ port: 0, clientId: 'columns-test', clientSecret: SECRET, tenantId: 'tenant', data, faults: { filesPerExport: 2 } });
});

afterAll(async () => {
  await simulator.close();
});

function options(extra: Partial<VismaClientOptions> = {}): VismaClientOptions {
  return {
    tokenUrl: simulator.tokenUrl, baseUrl: simulator.baseUrl, clientId: 'columns-test', clientSecret: SECRET, tenantId: 'tenant',
    includePersonalData: false, pollInitialDelayMs: 2, pollMaxDelayMs: 10, retryBaseDelayMs: 2, retryMaxDelayMs: 20,
    ...extra,
  };
}

const settings: ImportSettings = {
  asOf: AS_OF, lifecycle: DEFAULT_LIFECYCLE, primaryContractOrder: DEFAULT_PRIMARY_CONTRACT_ORDER, cutOffDays: 90,
  timeZone: 'Europe/Amsterdam', allowEmptyDatasets: [],
};

describe('rows of only the evaluated columns (visma.rowColumns)', () => {
  it('come through the compiled worker, each with the digest of its other columns', async () => {
    const whole = await fetchVismaExport(options());
    const entry = exportWorkerEntry(new URL('../../dist/cli.mjs', import.meta.url).href);
    if (entry === null) throw new Error('no compiled worker: run npm run build');
    const got: Partial<Record<DatasetName, readonly CompactCsv[]>> = {};
    await readExportInWorker(entry, resolveVismaClientOptions(options({ rowColumns: [...EVALUATED_COLUMNS] })), (dataset, files) => { got[dataset] = files; });
    const contracts = rowsOfFiles(got.contracts ?? []);
    expect(got.contracts).toHaveLength(2);
    expect(contracts).toHaveLength(data.contracts.length);
    expect(Object.keys(contracts[0] ?? {}).every((column) => EVALUATED_COLUMNS.has(column))).toBe(true);
    // Their values are those of the whole rows, and the digest stands for the rest.
    const visible = (row: object): object => Object.fromEntries(Object.entries(row));
    expect(contracts.map(visible)).toEqual(whole.contracts.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => EVALUATED_COLUMNS.has(column)))));
    expect(restDigest(contracts[0] ?? {})).toMatch(/^[0-9a-f]{32}$/);
  });

  it('evaluate exactly as whole rows do', async () => {
    const reference = evaluateImport(await fetchVismaExport(options()), settings);
    expect(reference.persons.length).toBeGreaterThan(40);
    const projected = await fetchVismaExport(options({ rowColumns: [...EVALUATED_COLUMNS] }));
    expect(Object.keys(projected.employees[0] ?? {}).length).toBeLessThan(Object.keys(data.employees[0] ?? {}).length / 2);
    expect(evaluateImport(projected, settings)).toEqual(reference);
  });
});
