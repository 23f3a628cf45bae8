import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DATASETS } from './datasets';
import type { DatasetSpec } from './datasets';
import { createHttpContext, describeUrl, formatSeconds, sendRequest } from './http';
import type { BearerSource, VismaRequest } from './http';
import type { VismaClientOptions } from './options';
import { rejection, testClientOptions } from './test-support';

const SECRET = 'another-Secret-4711';
const contracts = DATASETS.find((spec) => spec.name === 'contracts') as DatasetSpec;

type Answer = (init: RequestInit | undefined) => Response | Promise<Response>;

function context(answers: readonly Answer[], extra: Partial<VismaClientOptions> = {}) {
  const seen: { url: string; authorization: string | undefined }[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    seen.push({ url: String(url), authorization: headers.authorization });
    const answer = answers[Math.min(seen.length - 1, answers.length - 1)];
    if (answer === undefined) throw new Error('no answer');
    return answer(init);
  };
  const options = testClientOptions({ clientSecret: SECRET, maxRetries: 2, ...extra });
  return { ctx: createHttpContext(options, { fetch: fetch as typeof globalThis.fetch }), seen };
}

/** Hands out tok-1, tok-2, … and counts invalidations. */
function bearer(): BearerSource & { invalidations: number } {
  let issued = 0;
  let current: string | undefined;
  return {
    invalidations: 0,
    token() {
      current ??= `tok-${(issued += 1)}`;
      return Promise.resolve(current);
    },
    invalidate() {
      this.invalidations += 1;
      current = undefined;
    },
  };
}

function query(auth?: BearerSource): VismaRequest {
  return { dataset: contracts, step: 'query', method: 'GET', url: 'http://127.0.0.1:9/v1/query/nl/hrm/contracts/job-1', jobId: 'job-1', auth };
}

const ok: Answer = () => Response.json({ status: 'Completed' });
const status = (code: number, headers: Record<string, string> = {}): Answer => () => new Response('', { status: code, headers });
const refused: Answer = () => {
  throw new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ECONNREFUSED ${SECRET}`), { code: 'ECONNREFUSED' }) });
};

describe('sendRequest', () => {
  it('sends the bearer token and returns the body', async () => {
    const { ctx, seen } = context([ok]);
    const response = await sendRequest(ctx, query(bearer()));
    expect(JSON.parse(response.body.toString())).toEqual({ status: 'Completed' });
    expect(seen[0]?.authorization).toBe('Bearer tok-1');
  });

  it('fetches one fresh token after a 401 and retries the request with it', async () => {
    const auth = bearer();
    const { ctx, seen } = context([status(401), ok]);
    await sendRequest(ctx, query(auth));
    expect(auth.invalidations).toBe(1);
    expect(seen.map((call) => call.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('explains a 401 that a fresh token does not cure, naming dataset and scope', async () => {
    const auth = bearer();
    const { ctx, seen } = context([status(401)]);
    const error = await rejection(sendRequest(ctx, query(auth)));
    expect(seen).toHaveLength(2);
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.dataset).toBe('contracts');
    expect(error.message).toContain('HTTP 401 Unauthorized');
    expect(error.message).toContain('the contracts export job job-1');
    expect(error.message).toContain('check visma.clientId, clientSecret and tenantId');
    expect(error.message).toContain('hrmanalytics:nlhrm:exportcontracts');
  });

  it('explains 403 and 404 without retrying', async () => {
    const forbidden = context([status(403)]);
    const error403 = await rejection(sendRequest(forbidden.ctx, query(bearer())));
    expect(forbidden.seen).toHaveLength(1);
    expect(error403.kind).toBe('auth');
    expect(error403.message).toContain('HTTP 403 Forbidden');
    expect(error403.message).toContain('tenant tenant-1');

    const missing = context([status(404)]);
    const error404 = await rejection(sendRequest(missing.ctx, query(bearer())));
    expect(missing.seen).toHaveLength(1);
    expect(error404.kind).toBe('http');
    expect(error404.message).toContain('HTTP 404 Not Found');
    expect(error404.message).toContain('check visma.baseUrl');
  });

  it('quotes a short, redacted excerpt of other 4xx answers', async () => {
    const { ctx } = context([() => new Response(`{"Message":"bad field; secret ${SECRET}"}`, { status: 422 })]);
    const error = await rejection(sendRequest(ctx, query(bearer())));
    expect(error.message).toContain('HTTP 422 Unprocessable Content: {"Message":"bad field; secret ***"}');
  });

  it('retries 429 and 5xx, then succeeds', async () => {
    const { ctx, seen } = context([status(429, { 'retry-after': '0' }), status(502), ok]);
    await sendRequest(ctx, query(bearer()));
    expect(seen).toHaveLength(3);
  });

  it('gives up on 5xx after maxRetries retries', async () => {
    const { ctx, seen } = context([status(503)]);
    const error = await rejection(sendRequest(ctx, query(bearer())));
    expect(seen).toHaveLength(3);
    expect(error.kind).toBe('http');
    expect(error.status).toBe(503);
    expect(error.message).toMatch(/kept answering HTTP 503 Service Unavailable while checking the contracts export job job-1 \(3 attempts in [\d.]+ s\)/);
  });

  it('retries network errors and reports the system error code, with a redacted cause', async () => {
    const { ctx, seen } = context([refused]);
    const error = await rejection(sendRequest(ctx, query(bearer())));
    expect(seen).toHaveLength(3);
    expect(error.kind).toBe('network');
    expect(error.message).toContain('could not reach http://127.0.0.1:9/v1/query/nl/hrm/contracts/job-1');
    expect(error.message).toContain('ECONNREFUSED');
    expect(inspect(error, { depth: 10 })).not.toContain(SECRET);
    expect((error.cause as Error).message).toBe('fetch failed');
    expect(((error.cause as Error).cause as Error).message).toBe('connect ECONNREFUSED ***');
  });

  it('ends a request that takes longer than requestTimeoutMs and retries it', async () => {
    const hang: Answer = (init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const { ctx, seen } = context([hang, hang, ok], { requestTimeoutMs: 30 });
    await sendRequest(ctx, query(bearer()));
    expect(seen).toHaveLength(3);

    const always = context([hang], { requestTimeoutMs: 30, maxRetries: 1 });
    const error = await rejection(sendRequest(always.ctx, query(bearer())));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('did not answer within 0.03 s');
  });

  it('stops at once with the reason when the caller aborts', async () => {
    const controller = new AbortController();
    const reason = new Error('admin cancelled');
    const hang: Answer = (init) => {
      queueMicrotask(() => controller.abort(reason));
      return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    };
    const { ctx, seen } = context([hang], { signal: controller.signal });
    await expect(sendRequest(ctx, query(bearer()))).rejects.toBe(reason);
    expect(seen).toHaveLength(1);
  });

  it('blames an expired link, not the credentials, for a refused download', async () => {
    const { ctx } = context([status(403)]);
    const error = await rejection(
      sendRequest(ctx, { dataset: contracts, step: 'file', method: 'GET', url: 'http://127.0.0.1:9/files/x.csv?sig=abc' }),
    );
    expect(error.kind).toBe('http');
    expect(error.message).toContain('the download link http://127.0.0.1:9/files/x.csv answered HTTP 403 Forbidden');
    expect(error.message).not.toContain('sig=abc');
  });
});

describe('message helpers', () => {
  it('formats seconds and strips query strings', () => {
    expect(formatSeconds(600_000)).toBe('600');
    expect(formatSeconds(250)).toBe('0.25');
    expect(formatSeconds(12_345)).toBe('12');
    expect(describeUrl('https://blob.example/a/b.csv?sig=secret')).toBe('https://blob.example/a/b.csv');
  });
});
