import { describe, expect, it } from 'vitest';
import { CONTRACT_EXCLUDED_FIELDS, DATASETS } from './datasets';
import type { DatasetName, DatasetSpec } from './datasets';
import { fetchVismaExportWith } from './client';
import { rowsOfFiles } from './csv-compact';
import { commandUrl, queryUrl, runExportJob } from './export-job';
import type { JobProgress } from './export-job';
import { createHttpContext } from './http';
import type { VismaClientOptions, VismaProgressEvent, VismaProgressPhase } from './options';
import { VismaTokenProvider } from './token';
import { rejection, TEST_VISMA_BASE, testClientOptions } from './test-support';

const BASE = TEST_VISMA_BASE;
const byName = (name: DatasetName): DatasetSpec => DATASETS.find((spec) => spec.name === name) as DatasetSpec;
const costCenters = byName('costCenters');

interface FakeCall {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
  readonly body: string;
}

/**
 * An in-memory Visma: `statuses` are the poll answers of successive jobs (one string per poll,
 * the last repeated), `files` the CSV files every completed job offers.
 */
function fakeVisma(jobs: ReadonlyArray<readonly string[]>, files: readonly string[]) {
  const calls: FakeCall[] = [];
  let jobCount = 0;
  const polls = new Map<string, number>();
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({ method: init?.method ?? 'GET', url, authorization: headers.authorization, body: String(init?.body ?? '') });
    const path = new URL(url).pathname;
    if (path === '/connect/token') return Response.json({ access_token: 'tok', expires_in: 3600 });
    if (path.startsWith('/v1/command/')) {
      jobCount += 1;
      return Response.json({ jobId: `job-${jobCount}` });
    }
    if (path.startsWith('/v1/query/')) {
      const jobId = path.split('/').at(-1) ?? '';
      const script = jobs[Math.min(Number(jobId.slice(4)) - 1, jobs.length - 1)] ?? ['Completed'];
      const poll = polls.get(jobId) ?? 0;
      polls.set(jobId, poll + 1);
      const status = script[Math.min(poll, script.length - 1)] ?? 'Completed';
      const field = DATASETS.find((spec) => path === `/v1/query/${spec.path}/${jobId}`)?.fileUrisField;
      const uris = status === 'Completed' ? files.map((_, index) => `${BASE}/files/${jobId}/${index}.csv?sig=x`) : null;
      return Response.json({ status, [field ?? 'x']: uris });
    }
    if (path.startsWith('/files/')) {
      const index = Number(path.split('/').at(-1)?.replace('.csv', ''));
      return new Response(files[index] ?? '', { headers: { 'content-type': 'text/csv; charset=utf-8' } });
    }
    return new Response('', { status: 404 });
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

function setup(visma: ReturnType<typeof fakeVisma>, extra: Partial<VismaClientOptions> = {}) {
  const options = testClientOptions({ maxRetries: 2, ...extra });
  const ctx = createHttpContext(options, { fetch: visma.fetch });
  return { ctx, tokens: new VismaTokenProvider(ctx) };
}

const CSV_A = 'costcenter,costcentername\nCC1,Zorg\nCC2,Wonen\n';
const CSV_B = 'costcentername,costcenter\nICT,CC3\n';

describe('export URLs', () => {
  it('excludes the salary columns of contracts with a literal !a,b,c list', () => {
    expect(commandUrl(`${BASE}/`, byName('contracts'))).toBe(
      `${BASE}/v1/command/nl/hrm/contracts?fields=!${CONTRACT_EXCLUDED_FIELDS.join(',')}`,
    );
    expect(commandUrl(BASE, byName('contracts'))).toContain('?fields=!catsrspfactor,catsscale,');
    expect(commandUrl(BASE, costCenters)).toBe(`${BASE}/v1/command/nl/hrm/metadata/cost-centers`);
    expect(queryUrl(BASE, byName('users'), 'a b')).toBe(`${BASE}/v1/query/nl/hrm/users/a%20b`);
  });
});

describe('runExportJob', () => {
  it('polls until Completed, downloads every file without a token and concatenates the rows', async () => {
    const visma = fakeVisma([['InProgress', 'InProgress', 'Completed']], [CSV_A, CSV_B]);
    const { ctx, tokens } = setup(visma);
    const phases: [VismaProgressPhase, JobProgress][] = [];
    const result = await runExportJob(ctx, tokens, costCenters, (phase, details) => phases.push([phase, details]));
    expect(rowsOfFiles(result.files)).toEqual([
      { costcenter: 'CC1', costcentername: 'Zorg' },
      { costcenter: 'CC2', costcentername: 'Wonen' },
      { costcenter: 'CC3', costcentername: 'ICT' },
    ]);
    expect(result.files).toHaveLength(2);
    expect(result.jobId).toBe('job-1');
    const api = visma.calls.filter((call) => !call.url.includes('/connect/token'));
    expect(api.map((call) => `${call.method} ${new URL(call.url).pathname}`)).toEqual([
      'POST /v1/command/nl/hrm/metadata/cost-centers',
      'GET /v1/query/nl/hrm/metadata/cost-centers/job-1',
      'GET /v1/query/nl/hrm/metadata/cost-centers/job-1',
      'GET /v1/query/nl/hrm/metadata/cost-centers/job-1',
      'GET /files/job-1/0.csv',
      'GET /files/job-1/1.csv',
    ]);
    expect(JSON.parse(api[0]?.body ?? '')).toEqual({ callbackAddress: BASE });
    expect(api.slice(0, 4).every((call) => call.authorization === 'Bearer tok')).toBe(true);
    expect(api.slice(4).every((call) => call.authorization === undefined)).toBe(true);
    expect(phases.map(([phase]) => phase)).toEqual(['waiting', 'waiting', 'downloading', 'downloading']);
    expect(phases[3]?.[1]).toEqual({ jobId: 'job-1', files: 2, rows: 2 });
  });

  it('bounds a stalled file download by the job time limit, not by every retry\'s request timeout', async () => {
    const visma = fakeVisma([['Completed']], [CSV_A]);
    // The file answers its headers, then never sends the body (until the request is aborted).
    const stalling = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      if (!String(input).includes('/files/')) return visma.fetch(input, init);
      const body = new ReadableStream({
        start: (controller) => init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason)),
      });
      return new Response(body, { headers: { 'content-type': 'text/csv' } });
    }) as typeof globalThis.fetch;
    const options = testClientOptions({ maxRetries: 5, requestTimeoutMs: 60_000, jobTimeoutMs: 400, retryBaseDelayMs: 1, retryMaxDelayMs: 2 });
    const ctx = createHttpContext(options, { fetch: stalling });
    const started = Date.now();
    await expect(runExportJob(ctx, new VismaTokenProvider(ctx), costCenters, () => {})).rejects.toMatchObject({
      kind: 'timeout',
      message: expect.stringMatching(/did not finish within 0\.4 s while downloading a file of the .* export/),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('starts a new job when Visma reports one as failed or in an unknown state', async () => {
    const visma = fakeVisma([['Failed'], ['Exploded'], ['Completed']], [CSV_A]);
    const { ctx, tokens } = setup(visma);
    const result = await runExportJob(ctx, tokens, costCenters, () => undefined);
    expect(result.jobId).toBe('job-3');
    expect(result.files).toHaveLength(1);
    expect(visma.calls.filter((call) => call.method === 'POST' && call.url.includes('/v1/command/'))).toHaveLength(3);
  });

  it('gives up after maxRetries restarts with a job-failed error', async () => {
    const visma = fakeVisma([['Failed']], [CSV_A]);
    const { ctx, tokens } = setup(visma, { maxRetries: 2 });
    const error = await rejection(runExportJob(ctx, tokens, costCenters, () => undefined));
    expect(error.kind).toBe('job-failed');
    expect(error.jobId).toBe('job-3');
    expect(error.message).toBe(
      "the Visma.net export of cost centres failed 3 times (last job job-3 reported status 'Failed'); " +
        'try again later, and if it keeps failing ask Visma support about that job',
    );
  });

  it('ends a job that stays InProgress past jobTimeoutMs, naming dataset, limit and job', async () => {
    const visma = fakeVisma([['InProgress']], [CSV_A]);
    const { ctx, tokens } = setup(visma, { jobTimeoutMs: 60, pollInitialDelayMs: 5, pollMaxDelayMs: 20 });
    const started = performance.now();
    const error = await rejection(runExportJob(ctx, tokens, byName('contracts'), () => undefined));
    const waited = performance.now() - started;
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(
      'the Visma.net export of contracts did not finish within 0.06 s (job job-1); ' +
        'Visma may be busy, try again later or raise visma.jobTimeoutSeconds',
    );
    expect(waited).toBeGreaterThanOrEqual(55);
    expect(waited).toBeLessThan(5_000);
    // A timed-out job is not restarted: that would only queue more work at a busy Visma.
    expect(visma.calls.filter((call) => call.url.includes('/v1/command/'))).toHaveLength(1);
  });

  it('treats Completed without file links as a failed job', async () => {
    const visma = fakeVisma([['Completed']], [CSV_A]);
    const { ctx, tokens } = setup(visma, { maxRetries: 0 });
    // The fake puts the links under the wrong field for this dataset path, so none are found.
    const spec = { ...costCenters, fileUrisField: 'somethingElse' };
    const error = await rejection(runExportJob(ctx, tokens, spec, () => undefined));
    expect(error.kind).toBe('job-failed');
    expect(error.message).toContain("status 'Completed without somethingElse'");
  });
});

describe('fetchVismaExportWith', () => {
  it('exports the seven datasets in order and reports progress per dataset', async () => {
    const header = (spec: DatasetSpec): string => `${spec.requiredColumns.join(',')}\n`;
    const visma = fakeVisma([['InProgress', 'Completed']], ['']);
    const files = new Map(DATASETS.map((spec) => [spec.fileUrisField, header(spec)]));
    // Serve each dataset its own header-only file.
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const response = await visma.fetch(input, init);
      const path = new URL(String(input)).pathname;
      if (!path.startsWith('/files/')) return response;
      const last = [...visma.calls].reverse().find((call) => call.url.includes('/v1/query/'));
      const spec = DATASETS.find((candidate) => last?.url.includes(`/v1/query/${candidate.path}/job`));
      return new Response(files.get(spec?.fileUrisField ?? '') ?? '');
    };
    const events: VismaProgressEvent[] = [];
    const options = testClientOptions({
      pollMaxDelayMs: 1,
      onProgress: (event) => {
        events.push(event);
        throw new Error('a broken listener does not stop the import');
      },
    });
    const result = await fetchVismaExportWith(createHttpContext(options, { fetch }));
    expect(Object.keys(result)).toEqual(DATASETS.map((spec) => spec.name));
    expect(Object.values(result).every((rows) => rows.length === 0)).toBe(true);
    const commands = visma.calls.filter((call) => call.url.includes('/v1/command/'));
    expect(commands.map((call) => new URL(call.url).pathname)).toEqual(DATASETS.map((spec) => `/v1/command/${spec.path}`));
    expect(visma.calls.filter((call) => call.url.includes('/connect/token'))).toHaveLength(1);
    const employees = events.filter((event) => event.dataset === 'employees');
    expect(employees.map((event) => event.phase)).toEqual(['started', 'waiting', 'downloading', 'done']);
    expect(employees.at(-1)).toMatchObject({ rows: 0, files: 1, jobId: 'job-1' });
    expect(events.every((event) => event.elapsedMs >= 0)).toBe(true);
  });

  it('stops at the first dataset that fails', async () => {
    const visma = fakeVisma([['Completed']], ['employeeid\n']);
    const options = testClientOptions({ parallelJobs: 1 });
    const error = await rejection(fetchVismaExportWith(createHttpContext(options, { fetch: visma.fetch })));
    expect(error.kind).toBe('missing-column');
    expect(error.dataset).toBe('employees');
    expect(visma.calls.filter((call) => call.url.includes('/v1/command/'))).toHaveLength(1);
  });

  it('does not start when the signal is already aborted', async () => {
    const visma = fakeVisma([['Completed']], [CSV_A]);
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    const options = testClientOptions({ signal: controller.signal });
    await expect(fetchVismaExportWith(createHttpContext(options, { fetch: visma.fetch }))).rejects.toThrow('cancelled');
    expect(visma.calls).toHaveLength(0);
  });
});
