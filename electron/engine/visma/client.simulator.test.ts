import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateVismaData } from '../../simulators/visma-hrm/generate';
import { startVismaSimulator } from '../../simulators/visma-hrm/server';
import type { RunningVismaSimulator, VismaFaults } from '../../simulators/visma-hrm/types';
import { fetchVismaExport, fetchVismaExportWith } from './client';
import { CONTACT_INFORMATION_SCOPE, CONTRACT_EXCLUDED_FIELDS, DATASETS } from './datasets';
import type { CsvRow, DatasetName, VismaExport } from './datasets';
import { VismaExportError } from './errors';
import { createHttpContext } from './http';
import { resolveVismaClientOptions } from './options';
import type { VismaClientOptions, VismaProgressEvent } from './options';

// Integration tests against the real simulator over HTTP on loopback: one simulator for the file,
// faults replaced per test. Delays are tiny so the fault paths run in milliseconds.

const CLIENT_ID = 'hr-provisioner-test';
const CLIENT_SECRET = 'Vi5ma-Cl1ent-S3cret!+/=&%';
const TENANT_ID = 'af1140c1-52e0-46c7-b684-df894d4b8a5a';

const data = generateVismaData({ seed: 42, employees: 60, asOf: '2026-03-02' });
let simulator: RunningVismaSimulator;

beforeAll(async () => {
  simulator = await startVismaSimulator({ port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, tenantId: TENANT_ID, data });
});

afterAll(async () => {
  await simulator.close();
});

let firstRequest = 0;
beforeEach(() => {
  simulator.setFaults({});
  firstRequest = simulator.requests.length;
});

/** Requests of the current test only. */
function requests() {
  return simulator.requests.slice(firstRequest);
}

function options(extra: Partial<VismaClientOptions> = {}): VismaClientOptions {
  return {
    tokenUrl: simulator.tokenUrl,
    baseUrl: simulator.baseUrl,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    tenantId: TENANT_ID,
    includePersonalData: false,
    jobTimeoutMs: 5_000,
    pollInitialDelayMs: 2,
    pollMaxDelayMs: 10,
    retryBaseDelayMs: 2,
    retryMaxDelayMs: 20,
    requestTimeoutMs: 5_000,
    ...extra,
  };
}

function run(faults: VismaFaults, extra: Partial<VismaClientOptions> = {}): Promise<VismaExport> {
  simulator.setFaults(faults);
  return fetchVismaExport(options(extra));
}

async function failure(promise: Promise<unknown>): Promise<VismaExportError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(VismaExportError);
  assertNoSecret(error as VismaExportError);
  return error as VismaExportError;
}

/** The secret must appear in no message, no cause, and no rendering of the error. */
function assertNoSecret(error: VismaExportError): void {
  const texts = [error.message, String(error.stack), inspect(error, { depth: 20 }), JSON.stringify(error)];
  for (let cause: unknown = error.cause; cause instanceof Error; cause = cause.cause) texts.push(cause.message, String(cause.stack));
  for (const text of texts) {
    expect(text).not.toContain(CLIENT_SECRET);
    expect(text).not.toContain(encodeURIComponent(CLIENT_SECRET));
  }
}

const commands = (dataset?: DatasetName) =>
  requests().filter(
    (request) =>
      request.method === 'POST' &&
      request.path.startsWith('/v1/command/') &&
      (dataset === undefined || commandDataset(request.path) === dataset),
  );
const queries = () => requests().filter((request) => request.path.startsWith('/v1/query/'));
const downloads = () => requests().filter((request) => request.path.startsWith('/files/'));
const tokenRequests = () => requests().filter((request) => request.path === '/connect/token');

function commandDataset(path: string): DatasetName | undefined {
  const bare = path.replace(/^\/v1\/command\//, '').replace(/\?.*$/, '');
  return DATASETS.find((spec) => spec.path === bare)?.name;
}

/** A row limited to some columns, for comparing served data with downloaded rows. */
function pick(row: CsvRow | undefined, columns: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(columns.map((column) => [column, row?.[column]]));
}

describe('fetchVismaExport against the simulator', () => {
  it('reads all seven exports, row for row, with the first poll InProgress', async () => {
    const events: VismaProgressEvent[] = [];
    const result = await run({}, { onProgress: (event) => events.push(event) });
    for (const spec of DATASETS) {
      expect(result[spec.name], spec.name).toHaveLength(data[spec.name].length);
    }
    expect(result.costCenters).toEqual(data.costCenters);
    expect(result.users).toEqual(data.users);
    const columns = DATASETS.find((spec) => spec.name === 'contracts')?.requiredColumns ?? [];
    expect(result.contracts.map((row) => pick(row, columns))).toEqual(data.contracts.map((row) => pick(row, columns)));

    // One job per dataset, in table order, each polled twice (InProgress, Completed).
    expect(commands().map((request) => commandDataset(request.path))).toEqual(DATASETS.map((spec) => spec.name));
    expect(queries()).toHaveLength(2 * DATASETS.length);
    expect(tokenRequests()).toHaveLength(1);
    // Jobs run at the same time: each dataset is done once, in whatever order its job finished.
    expect(events.filter((event) => event.phase === 'done').map((event) => event.dataset).sort()).toEqual(DATASETS.map((spec) => spec.name).sort());
    expect(events.find((event) => event.dataset === 'contracts' && event.phase === 'done')?.rows).toBe(data.contracts.length);
  });

  it('sends the contracts field exclusion with a literal ! and commas, and gets no salary columns back', async () => {
    const result = await run({});
    const [contracts] = commands('contracts');
    expect(contracts?.path).toBe(`/v1/command/nl/hrm/contracts?fields=!${CONTRACT_EXCLUDED_FIELDS.join(',')}`);
    expect(JSON.parse(contracts?.body ?? '')).toEqual({ callbackAddress: simulator.baseUrl });
    expect(commands().filter((request) => request.path.includes('?'))).toHaveLength(1);
    const columns = Object.keys(result.contracts[0] ?? {});
    expect(columns).toContain('orgunit');
    for (const excluded of CONTRACT_EXCLUDED_FIELDS) expect(columns).not.toContain(excluded);
  });

  it('asks for contact information only with includePersonalData', async () => {
    const without = await run({});
    const withPersonal = await run({}, { includePersonalData: true });
    const scopes = tokenRequests().map((request) => new URLSearchParams(request.body).get('scope')?.split(' ') ?? []);
    expect(scopes[0]).toHaveLength(5);
    expect(scopes[0]).not.toContain(CONTACT_INFORMATION_SCOPE);
    expect(scopes[1]).toContain(CONTACT_INFORMATION_SCOPE);
    expect(Object.keys(without.employees[0] ?? {})).not.toContain('homeemailaddress');
    expect(Object.keys(withPersonal.employees[0] ?? {})).toContain('homeemailaddress');
  });

  it('keeps polling while jobs answer InProgress', async () => {
    await run({ inProgressPolls: 4 });
    expect(queries()).toHaveLength(5 * DATASETS.length);
    expect(commands()).toHaveLength(DATASETS.length);
  });

  it('ends a stuck job after jobTimeoutMs, names dataset and job, and exports nothing after it', async () => {
    const started = performance.now();
    // 1 s, not less: the jobs before the stuck one must finish within the same limit on a busy machine.
    const error = await failure(run({ stuckJobs: { count: 1, datasets: ['contracts'] } }, { jobTimeoutMs: 1_000, parallelJobs: 1 }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(error.kind).toBe('timeout');
    expect(error.dataset).toBe('contracts');
    expect(error.message).toMatch(
      /^the Visma\.net export of contracts did not finish within 1 s \(job [0-9a-f-]{36}\); Visma may be busy, try again later or raise visma\.jobTimeoutSeconds$/,
    );
    expect(error.message).toContain(error.jobId ?? 'no job id');
    expect(commands().map((request) => commandDataset(request.path))).toEqual(['employees', 'employeeUdfHistories', 'contracts']);
  });

  it('starts every export job before the first download, and reads them all', async () => {
    const result = await run({ inProgressPolls: 2, latencyMs: 5 });
    const log = requests();
    const firstDownload = log.findIndex((request) => request.path.startsWith('/files/'));
    const lastCommand = log.map((request) => request.path.startsWith('/v1/command/')).lastIndexOf(true);
    expect(commands()).toHaveLength(DATASETS.length);
    expect(lastCommand).toBeLessThan(firstDownload);
    expect(result.contracts).toHaveLength(data.contracts.length);
    expect(result.users).toHaveLength(data.users.length);
  });

  it('with parallel jobs, the first failure cancels the others and nothing is requested after the error', async () => {
    // The employees export is refused at once; the other six would need 20 polls each before their downloads.
    const error = await failure(run({ missingScopes: ['hrmanalytics:nlhrm:exportemployees'], inProgressPolls: 20 }));
    expect(error.dataset).toBe('employees');
    expect(error.kind).toBe('auth');
    // Requests already on the wire when the error came may still reach the log; after that, silence: a
    // cancelled job must not poll on (without the cancel, the others poll 50 times each, every few ms).
    await new Promise((resolve) => setTimeout(resolve, 100));
    const seen = requests().length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests()).toHaveLength(seen);
    expect(downloads()).toHaveLength(0);
  });

  it('runs at most parallelJobs jobs at a time', async () => {
    await run({ inProgressPolls: 2 }, { parallelJobs: 2 });
    const log = requests();
    const firstDownload = log.findIndex((request) => request.path.startsWith('/files/'));
    // Before any job has been downloaded (and so finished), only two may have been started.
    expect(log.slice(0, firstDownload).filter((request) => request.path.startsWith('/v1/command/'))).toHaveLength(2);
    expect(commands()).toHaveLength(DATASETS.length);
  });

  it('restarts a failed job and then succeeds', async () => {
    const result = await run({ failedJobs: { count: 2, datasets: ['users'] } });
    expect(result.users).toHaveLength(data.users.length);
    expect(commands('users')).toHaveLength(3);
    expect(commands('contracts')).toHaveLength(1);
  });

  it('gives up on a job that keeps failing after maxRetries restarts', async () => {
    const error = await failure(run({ failedJobs: { count: 10, datasets: ['organizationUnits'] } }, { maxRetries: 2 }));
    expect(error.kind).toBe('job-failed');
    expect(error.dataset).toBe('organizationUnits');
    expect(error.message).toMatch(/^the Visma\.net export of organisation units failed 3 times \(last job [0-9a-f-]{36} reported status 'Failed'\)/);
    expect(commands('organizationUnits')).toHaveLength(3);
  });

  it('downloads every file of a multi-file export, without a token, and concatenates them', async () => {
    const result = await run({ filesPerExport: 3 });
    for (const spec of DATASETS) expect(result[spec.name], spec.name).toHaveLength(data[spec.name].length);
    expect(result.employeeUdfHistories).toEqual(data.employeeUdfHistories);
    expect(downloads()).toHaveLength(3 * DATASETS.length);
    expect(downloads().every((request) => !request.authorized)).toBe(true);
    expect([...queries(), ...commands()].every((request) => request.authorized)).toBe(true);
  });

  it('waits as long as Retry-After says on a 429, then carries on', async () => {
    const started = performance.now();
    const result = await run(
      { tooManyRequests: { count: 1, retryAfterSeconds: 1, on: 'query', datasets: ['contracts'] } },
      { retryMaxDelayMs: 5_000 },
    );
    // Back-off alone would wait at most 2 ms here; only Retry-After explains a second.
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(result.contracts).toHaveLength(data.contracts.length);
    expect(queries().filter((request) => /^\/v1\/query\/nl\/hrm\/contracts\/[0-9a-f-]{36}$/.test(request.path))).toHaveLength(3);
  });

  it('retries 429 on every kind of request', async () => {
    for (const on of ['token', 'command', 'file'] as const) {
      const result = await run({ tooManyRequests: { count: 2, on } });
      expect(result.employees, on).toHaveLength(data.employees.length);
    }
  });

  it('retries 5xx answers and recovers', async () => {
    const result = await run({ serverErrors: { count: 3, status: 502 } });
    expect(result.organizationUnits).toHaveLength(data.organizationUnits.length);
    const onFiles = await run({ serverErrors: { count: 2, on: 'file', datasets: ['users'] } });
    expect(onFiles.users).toHaveLength(data.users.length);
  });

  it('reports a 5xx that outlasts the retries, naming dataset and status', async () => {
    const error = await failure(run({ serverErrors: { count: 100, on: 'command', datasets: ['costCenters'] } }, { maxRetries: 3 }));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(503);
    expect(error.dataset).toBe('costCenters');
    expect(error.message).toMatch(/^Visma\.net kept answering HTTP 503 Service Unavailable while starting the cost centres export \(4 attempts in [\d.]+ s\); Visma may be busy, try again later$/);
    expect(commands('costCenters')).toHaveLength(4);
  });

  it('copes with slow answers', async () => {
    const started = performance.now();
    const result = await run({ latencyMs: 25 }, { parallelJobs: 1 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(25 * 4 * DATASETS.length);
    expect(result.contracts).toHaveLength(data.contracts.length);
  });

  it('gives up on answers slower than requestTimeoutMs', async () => {
    const error = await failure(run({ latencyMs: 300 }, { requestTimeoutMs: 50, maxRetries: 1 }));
    expect(error.kind).toBe('timeout');
    expect(error.dataset).toBe('employees');
    expect(error.message).toContain('did not answer within 0.05 s while getting an access token for the employees export (2 attempts');
    // A cold worker thread may give up on its first attempt before the request reaches the simulator.
    expect(tokenRequests().length).toBeGreaterThanOrEqual(1);
    expect(tokenRequests().length).toBeLessThanOrEqual(2);
  });

  it('fetches a new token when Visma invalidates the old one in the middle of a job', async () => {
    const result = await run({ expireTokensAfterRequests: 4, inProgressPolls: 3 }, { parallelJobs: 1 });
    expect(result.contracts).toHaveLength(data.contracts.length);
    expect(tokenRequests()).toHaveLength(2);
    // The fifth API request (the 4th poll of employees) met the expired token and was repeated.
    expect(queries()).toHaveLength(4 * DATASETS.length + 1);
  });

  it('renews an expiring token before it runs out, also between polls of one job', async () => {
    // A clock shared with the simulator that moves one second per request: tokens live 10 s, so
    // the client must renew every few requests, before the simulator would refuse them.
    const clock = { now: Date.parse('2026-03-02T08:00:00Z') };
    const shared = await startVismaSimulator({
      port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, tenantId: TENANT_ID, data,
      faults: { tokenTtlSeconds: 10, inProgressPolls: 3 }, clock: () => clock.now,
    });
    try {
      const fetch: typeof globalThis.fetch = (input, init) => {
        clock.now += 1_000;
        return globalThis.fetch(input, init);
      };
      const resolved = resolveVismaClientOptions({ ...options(), parallelJobs: 1, tokenUrl: shared.tokenUrl, baseUrl: shared.baseUrl });
      const result = await fetchVismaExportWith(createHttpContext(resolved, { fetch, now: () => clock.now }));
      expect(result.contracts).toHaveLength(data.contracts.length);
      const log = shared.requests;
      const polls = log.filter((request) => request.path.startsWith('/v1/query/'));
      // No poll was refused and repeated: exactly four per job.
      expect(polls).toHaveLength(4 * DATASETS.length);
      expect(log.filter((request) => request.path === '/connect/token').length).toBeGreaterThanOrEqual(2);
      const renewedMidJob = log.some(
        (request, index) =>
          request.path === '/connect/token' &&
          log[index - 1]?.path.startsWith('/v1/query/') === true &&
          log[index + 1]?.path === log[index - 1]?.path,
      );
      expect(renewedMidJob).toBe(true);
    } finally {
      await shared.close();
    }
  });

  it('explains a missing scope with a clear 401 error', async () => {
    const scope = 'hrmanalytics:nlhrm:exportcontracts';
    const error = await failure(run({ missingScopes: [scope] }, { parallelJobs: 1 }));
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.dataset).toBe('contracts');
    expect(error.message).toBe(
      'Visma.net refused access (HTTP 401 Unauthorized, also with a fresh token) while starting the contracts export; ' +
        `check visma.clientId, clientSecret and tenantId, and that the Visma application has the scope ${scope}`,
    );
    // Once with the first token, once with a fresh one; nothing after that.
    expect(commands('contracts')).toHaveLength(2);
    expect(commands('contractUdfHistories')).toHaveLength(0);
  });

  it('explains wrong credentials, a wrong tenant and a wrong URL without echoing the secret', async () => {
    const wrongSecret = await failure(fetchVismaExport(options({ clientSecret: `${CLIENT_SECRET}x` })));
    expect(wrongSecret.kind).toBe('auth');
    expect(wrongSecret.message).toBe(
      'Visma.net refused the client credentials (invalid_client); check visma.clientId, clientSecret and tenantId',
    );
    expect(wrongSecret.message).not.toContain(`${CLIENT_SECRET}x`);
    const wrongTenant = await failure(fetchVismaExport(options({ tenantId: 'another-tenant' })));
    expect(wrongTenant.message).toContain('invalid_client');
    const wrongBase = await failure(fetchVismaExport(options({ baseUrl: `${simulator.baseUrl}/nothing-here`, parallelJobs: 1 })));
    expect(wrongBase.kind).toBe('http');
    expect(wrongBase.message).toContain('HTTP 404 Not Found');
    expect(wrongBase.message).toContain('check visma.baseUrl');
    expect(commands()).toHaveLength(0);
  });

  it('reports an unreachable Visma as a network error', async () => {
    const closed = await startVismaSimulator({ port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, tenantId: TENANT_ID, data });
    await closed.close();
    const error = await failure(fetchVismaExport(options({ tokenUrl: closed.tokenUrl, baseUrl: closed.baseUrl, maxRetries: 1 })));
    expect(error.kind).toBe('network');
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toContain('check the network connection, the proxy and visma.tokenUrl');
  });

  it('names dataset and column when a required column is dropped', async () => {
    const error = await failure(run({ dropColumns: { contracts: ['orgunit'] } }));
    expect(error.kind).toBe('missing-column');
    expect(error.dataset).toBe('contracts');
    expect(error.message).toContain("the contracts export has no column 'orgunit'");
    const multi = await failure(run({ dropColumns: { users: ['employeeid'] }, filesPerExport: 2 }));
    expect(multi.message).toContain("the users export (file 1 of 2) has no column 'employeeid'");
  });

  it('never exposes the secret, whatever fails', async () => {
    const scenarios: readonly [VismaFaults, Partial<VismaClientOptions>][] = [
      [{}, { clientSecret: `${CLIENT_SECRET}-wrong` }],
      [{ missingScopes: ['hrmanalytics:nlhrm:exportusers'] }, {}],
      [{ serverErrors: { count: 50, on: 'token' } }, { maxRetries: 1 }],
      [{ tooManyRequests: { count: 50, on: 'query' } }, { maxRetries: 1 }],
      [{ latencyMs: 200 }, { requestTimeoutMs: 20, maxRetries: 0 }],
      [{ stuckJobs: { count: 1 } }, { jobTimeoutMs: 30 }],
      [{ dropColumns: { employees: ['employeeid'] } }, {}],
    ];
    for (const [faults, extra] of scenarios) await failure(run(faults, extra));
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const reason = new Error('sync cancelled');
    const pending = run({ stuckJobs: { count: 1 } }, { signal: controller.signal, jobTimeoutMs: 60_000, pollMaxDelayMs: 50 });
    setTimeout(() => controller.abort(reason), 100);
    await expect(pending).rejects.toBe(reason);
  });
});
