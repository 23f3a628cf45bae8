import { afterEach, describe, expect, it } from 'vitest';
import { generateVismaData } from './generate';
import { startVismaSimulator } from './server';
import {
  fetchToken, pollOnce, pollUntilDone, postCommand, postToken, runExport, STANDARD_SCOPES, startJob, TEST_CLIENT,
  tokenRequestBody,
} from './test-support';
import type { RunningVismaSimulator, VismaFaults } from './types';

const DATA = generateVismaData({ seed: 11, employees: 80, asOf: '2026-11-27' });

const running: RunningVismaSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.close()));
});

async function start(faults: VismaFaults, clock?: () => number): Promise<RunningVismaSimulator> {
  const simulator = await startVismaSimulator({ ...TEST_CLIENT, data: DATA, faults, ...(clock ? { clock } : {}) });
  running.push(simulator);
  return simulator;
}

describe('job faults', () => {
  it('answers InProgress for inProgressPolls polls, then Completed', async () => {
    const simulator = await start({ inProgressPolls: 3 });
    const token = await fetchToken(simulator);
    const jobId = await startJob(simulator, token, 'users');
    const statuses: unknown[] = [];
    for (let poll = 0; poll < 4; poll++) statuses.push((await pollOnce(simulator, token, 'users', jobId)).status);
    expect(statuses).toEqual(['InProgress', 'InProgress', 'InProgress', 'Completed']);
  });

  it('completes on the first poll with inProgressPolls 0', async () => {
    const simulator = await start({ inProgressPolls: 0 });
    const token = await fetchToken(simulator);
    const jobId = await startJob(simulator, token, 'users');
    expect((await pollOnce(simulator, token, 'users', jobId)).status).toBe('Completed');
  });

  it('keeps stuck jobs InProgress for ever, only for the datasets named and only count times', async () => {
    const simulator = await start({ stuckJobs: { count: 1, datasets: ['contracts'] } });
    const token = await fetchToken(simulator);
    const other = await startJob(simulator, token, 'employees');
    const stuck = await startJob(simulator, token, 'contracts');
    const next = await startJob(simulator, token, 'contracts');
    for (let poll = 0; poll < 25; poll++) {
      expect((await pollOnce(simulator, token, 'contracts', stuck)).body).toEqual({
        status: 'InProgress', contractFileUris: null, changeTimestampBefore: null,
      });
    }
    expect((await pollUntilDone(simulator, token, 'employees', other)).status).toBe('Completed');
    expect((await pollUntilDone(simulator, token, 'contracts', next)).status).toBe('Completed');
  });

  it('fails count jobs with status Failed and no file links; the next job completes', async () => {
    const simulator = await start({ failedJobs: { count: 1 } });
    const token = await fetchToken(simulator);
    const failed = await startJob(simulator, token, 'organizationUnits');
    expect((await pollOnce(simulator, token, 'organizationUnits', failed)).status).toBe('InProgress');
    expect((await pollOnce(simulator, token, 'organizationUnits', failed)).body).toEqual({
      status: 'Failed', organizationUnitsFileUris: null, changeTimestampBefore: null,
    });
    const retried = await startJob(simulator, token, 'organizationUnits');
    expect((await pollUntilDone(simulator, token, 'organizationUnits', retried)).status).toBe('Completed');
  });
});

describe('status faults', () => {
  it('answers 429 Too Many Requests with an empty body and Retry-After, on the named request kind and dataset', async () => {
    const simulator = await start({ tooManyRequests: { count: 2, retryAfterSeconds: 7, on: 'query', datasets: ['contracts'] } });
    const token = await fetchToken(simulator);
    const employees = await startJob(simulator, token, 'employees');
    expect((await pollOnce(simulator, token, 'employees', employees)).httpStatus).toBe(200);
    const contracts = await startJob(simulator, token, 'contracts');

    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await fetch(`${simulator.baseUrl}/v1/query/nl/hrm/contracts/${contracts}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(429);
      expect(response.statusText).toBe('Too Many Requests');
      expect(response.headers.get('retry-after')).toBe('7');
      expect(response.headers.get('content-length')).toBe('0');
      expect(await response.text()).toBe('');
    }
    // Both are spent: the poll now answers normally.
    expect((await pollOnce(simulator, token, 'contracts', contracts)).httpStatus).toBe(200);
  });

  it('omits Retry-After when no retryAfterSeconds is set', async () => {
    const simulator = await start({ tooManyRequests: { count: 1, on: 'command' } });
    const token = await fetchToken(simulator);
    const response = await postCommand(simulator, token, 'users');
    expect(response.status).toBe(429);
    expect(response.headers.has('retry-after')).toBe(false);
    expect((await postCommand(simulator, token, 'users')).status).toBe(200);
  });

  it('answers 429 on the token endpoint with on: token, and on the first request of any kind without on', async () => {
    const onToken = await start({ tooManyRequests: { count: 1, on: 'token' } });
    const body = tokenRequestBody({
      grant_type: 'client_credentials', client_id: TEST_CLIENT.clientId, client_secret: TEST_CLIENT.clientSecret,
      tenant_id: TEST_CLIENT.tenantId, scope: STANDARD_SCOPES.join(' '),
    });
    expect((await postToken(onToken, body)).status).toBe(429);
    expect((await postToken(onToken, body)).status).toBe(200);

    const anyKind = await start({ tooManyRequests: { count: 1 } });
    expect((await postToken(anyKind, body)).status).toBe(429);
    expect((await postToken(anyKind, body)).status).toBe(200);
  });

  it('never fires a dataset-limited fault on the token endpoint', async () => {
    const simulator = await start({ tooManyRequests: { count: 1, datasets: ['users'] } });
    const token = await fetchToken(simulator);
    expect((await postCommand(simulator, token, 'employees')).status).toBe(200);
    expect((await postCommand(simulator, token, 'users')).status).toBe(429);
  });

  it('answers server errors with the status asked for (default 503), then recovers', async () => {
    const simulator = await start({ serverErrors: { count: 1, on: 'command' } });
    const token = await fetchToken(simulator);
    const failed = await postCommand(simulator, token, 'users');
    expect(failed.status).toBe(503);
    expect(failed.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await postCommand(simulator, token, 'users')).status).toBe(200);
  });

  it('fails file downloads with on: file', async () => {
    const simulator = await start({ serverErrors: { count: 1, status: 502, on: 'file', datasets: ['users'] } });
    const token = await fetchToken(simulator);
    const jobId = await startJob(simulator, token, 'users');
    const [uri] = (await pollUntilDone(simulator, token, 'users', jobId)).fileUris as string[];
    expect((await fetch(uri as string)).status).toBe(502);
    expect((await fetch(uri as string)).status).toBe(200);
  });

  it('restarts the counts when faults are replaced', async () => {
    const simulator = await start({ serverErrors: { count: 1, on: 'command' } });
    const token = await fetchToken(simulator);
    expect((await postCommand(simulator, token, 'users')).status).toBe(503);
    simulator.setFaults({ serverErrors: { count: 1, on: 'command', status: 500 } });
    expect((await postCommand(simulator, token, 'users')).status).toBe(500);
    simulator.setFaults({});
    expect((await postCommand(simulator, token, 'users')).status).toBe(200);
  });
});

describe('latency', () => {
  it('delays every answer by latencyMs', async () => {
    const simulator = await start({ latencyMs: 150 });
    const started = performance.now();
    await fetchToken(simulator);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('token faults', () => {
  it('returns tokenTtlSeconds as expires_in and honours it', async () => {
    let now = Date.parse('2026-11-27T08:00:00Z');
    const simulator = await start({ tokenTtlSeconds: 30 }, () => now);
    const response = await postToken(simulator, tokenRequestBody({
      grant_type: 'client_credentials', client_id: TEST_CLIENT.clientId, client_secret: TEST_CLIENT.clientSecret,
      tenant_id: TEST_CLIENT.tenantId,
    }));
    const { access_token: token, expires_in: expiresIn } = (await response.json()) as { access_token: string; expires_in: number };
    expect(expiresIn).toBe(30);
    const jobId = await startJob(simulator, token, 'users');
    now += 30_000;
    // The connector does not renew while polling (reference 1.3): this poll must fail.
    expect((await pollOnce(simulator, token, 'users', jobId)).httpStatus).toBe(401);
  });

  it('leaves missing scopes out of the token, and the export API refuses them with 401', async () => {
    const simulator = await start({ missingScopes: ['hrmanalytics:nlhrm:exportusers'] });
    const response = await postToken(simulator, tokenRequestBody({
      grant_type: 'client_credentials', client_id: TEST_CLIENT.clientId, client_secret: TEST_CLIENT.clientSecret,
      tenant_id: TEST_CLIENT.tenantId, scope: STANDARD_SCOPES.join(' '),
    }));
    const answer = (await response.json()) as { access_token: string; scope: string };
    expect(answer.scope.split(' ')).not.toContain('hrmanalytics:nlhrm:exportusers');
    const refused = await postCommand(simulator, answer.access_token, 'users');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: 'insufficient_scope' });
    expect((await postCommand(simulator, answer.access_token, 'employees')).status).toBe(200);
  });

  it('applies missing scopes to tokens issued before the fault was set', async () => {
    const simulator = await start({});
    const token = await fetchToken(simulator);
    simulator.setFaults({ missingScopes: ['hrmanalytics:nlhrm:exportcontracts'] });
    expect((await postCommand(simulator, token, 'contracts')).status).toBe(401);
  });

  it('drops the contact columns when the contact scope is missing', async () => {
    const simulator = await start({ missingScopes: ['hrmanalytics:nlhrm:exportcontactinformation'] });
    const exported = await runExport(simulator, await fetchToken(simulator), 'employees');
    expect(exported.headers[0]).not.toContain('homeemailaddress');
  });

  it('invalidates every issued token after expireTokensAfterRequests further API requests, once', async () => {
    const simulator = await start({ expireTokensAfterRequests: 2 });
    const first = await fetchToken(simulator);
    const jobId = await startJob(simulator, first, 'users');
    expect((await pollOnce(simulator, first, 'users', jobId)).httpStatus).toBe(200);
    const third = await pollOnce(simulator, first, 'users', jobId);
    expect(third.httpStatus).toBe(401);
    expect(third.body).toMatchObject({ error: 'invalid_token' });

    const second = await fetchToken(simulator);
    for (let poll = 0; poll < 5; poll++) expect((await pollOnce(simulator, second, 'users', jobId)).httpStatus).toBe(200);
    expect((await pollOnce(simulator, first, 'users', jobId)).httpStatus).toBe(401);
  });
});

describe('column faults', () => {
  it('drops the columns named in dropColumns from that dataset only', async () => {
    const simulator = await start({ dropColumns: { employees: ['nameusage', 'dateofbirth'] } });
    const token = await fetchToken(simulator);
    const employees = await runExport(simulator, token, 'employees');
    expect(employees.headers[0]).not.toContain('nameusage');
    expect(employees.headers[0]).not.toContain('dateofbirth');
    expect(employees.headers[0]).toContain('nameusage_en');
    expect((await runExport(simulator, token, 'contracts')).headers[0]).toContain('dateofbirth');
  });
});
