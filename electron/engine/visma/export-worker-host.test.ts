import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateVismaData } from '../../simulators/visma-hrm/generate';
import { startVismaSimulator } from '../../simulators/visma-hrm/server';
import type { RunningVismaSimulator } from '../../simulators/visma-hrm/types';
import { rowsOfFiles } from './csv-compact';
import type { CompactCsv } from './csv-compact';
import type { DatasetName } from './datasets';
import { VismaExportError } from './errors';
import { ExportWorkerStartError, exportWorkerEntry, fromWireError, readExportInWorker, toWireError } from './export-worker-host';
import type { ExportWorkerEntry } from './export-worker-host';
import { resolveVismaClientOptions } from './options';

const SECRET = 'W0rker-S3cret!+/=';
const data = generateVismaData({ seed: 7, employees: 40, asOf: '2026-03-02' });
let simulator: RunningVismaSimulator;

beforeAll(async () => {
  simulator = await startVismaSimulator({ port: 0, clientId: 'worker-test', clientSecret: SECRET, tenantId: 'tenant', data });
});

afterAll(async () => {
  await simulator.close();
});

function options(signal?: AbortSignal) {
  return resolveVismaClientOptions({
    tokenUrl: simulator.tokenUrl, baseUrl: simulator.baseUrl, clientId: 'worker-test', clientSecret: SECRET, tenantId: 'tenant',
    includePersonalData: false, pollInitialDelayMs: 2, pollMaxDelayMs: 10, retryBaseDelayMs: 2, retryMaxDelayMs: 20,
    ...(signal ? { signal } : {}),
  });
}

async function readAll(entry: ExportWorkerEntry, signal?: AbortSignal): Promise<Partial<Record<DatasetName, readonly CompactCsv[]>>> {
  const got: Partial<Record<DatasetName, readonly CompactCsv[]>> = {};
  await readExportInWorker(entry, options(signal), (dataset, files) => { got[dataset] = files; });
  return got;
}

// The bundles live in electron/dist (npm run build); the worker is found beside whichever bundle runs.
const bundle = new URL('../../dist/cli.mjs', import.meta.url).href;

describe('exportWorkerEntry', () => {
  it('starts the compiled worker beside a bundle and the TypeScript source beside this module', () => {
    expect(existsSync(fileURLToPath(new URL('../../dist/visma-worker.mjs', import.meta.url)))).toBe(true);
    expect(exportWorkerEntry(bundle)).toMatchObject({ kind: 'compiled' });
    expect(exportWorkerEntry()).toMatchObject({ kind: 'source' });
    expect(exportWorkerEntry(new URL('../../../build/nowhere.mjs', import.meta.url).href)).toBeNull();
  });
});

describe('readExportInWorker', () => {
  it('reads every dataset in the compiled worker, row for row', async () => {
    const entry = exportWorkerEntry(bundle);
    if (entry === null) throw new Error('no compiled worker: run npm run build');
    const got = await readAll(entry);
    expect(rowsOfFiles(got.costCenters ?? [])).toEqual(data.costCenters);
    expect(rowsOfFiles(got.contracts ?? [])).toHaveLength(data.contracts.length);
  });

  it('rejects with the same typed error as in-thread, without the secret', async () => {
    simulator.setFaults({ dropColumns: { contracts: ['orgunit'] } });
    try {
      const entry = exportWorkerEntry(bundle);
      if (entry === null) throw new Error('no compiled worker: run npm run build');
      const error = await readAll(entry).then(() => null, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(VismaExportError);
      expect(error).toMatchObject({ dataset: 'contracts', kind: 'missing-column' });
      expect((error as Error).message).toContain("no column 'orgunit'");
      expect((error as Error).message).not.toContain(SECRET);
    } finally {
      simulator.setFaults({});
    }
  });

  it('stops at once with the signal\'s reason', async () => {
    simulator.setFaults({ stuckJobs: { count: 1 } });
    try {
      const controller = new AbortController();
      const reason = new Error('cancelled by the admin');
      const entry = exportWorkerEntry(bundle);
      if (entry === null) throw new Error('no compiled worker: run npm run build');
      const pending = readAll(entry, controller.signal);
      setTimeout(() => controller.abort(reason), 50);
      await expect(pending).rejects.toBe(reason);
    } finally {
      simulator.setFaults({});
    }
  });
});

describe('a worker that cannot start', () => {
  it('fails with ExportWorkerStartError before anything was read', async () => {
    const broken: ExportWorkerEntry = { kind: 'compiled', script: new URL('../../dist/no-such-worker.mjs', import.meta.url) };
    await expect(readAll(broken)).rejects.toBeInstanceOf(ExportWorkerStartError);
  });
});

describe('wire errors', () => {
  it('rebuild a VismaExportError with its dataset, kind, status, job and cause', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const original = new VismaExportError({ dataset: 'users', kind: 'network', status: 503, jobId: 'job-9', message: 'could not reach', cause });
    const rebuilt = fromWireError(structuredClone(toWireError(original)));
    expect(rebuilt).toBeInstanceOf(VismaExportError);
    expect(rebuilt).toMatchObject({ name: 'VismaExportError', dataset: 'users', kind: 'network', status: 503, jobId: 'job-9', message: 'could not reach' });
    expect(rebuilt.cause).toMatchObject({ message: 'connect ECONNREFUSED', code: 'ECONNREFUSED' });
    const plain = fromWireError(toWireError(new TypeError('boom')));
    expect(plain).not.toBeInstanceOf(VismaExportError);
    expect(plain).toMatchObject({ name: 'TypeError', message: 'boom' });
  });
});
