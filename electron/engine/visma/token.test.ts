import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CONTACT_INFORMATION_SCOPE, DATASETS } from './datasets';
import type { DatasetSpec } from './datasets';
import { createHttpContext } from './http';
import type { VismaClientOptions } from './options';
import { VISMA_FIXED_SCOPES, VismaTokenProvider, renewalMarginMs, tokenScopes } from './token';
import { rejection, testClientOptions } from './test-support';

const SECRET = 'S3cr3t-client-secret-value';
const employees = DATASETS[0] as DatasetSpec;

interface Call {
  readonly url: string;
  readonly body: string;
  readonly headers: Record<string, string>;
}

/** A token endpoint that answers from a list of responses and records what it was sent. */
function fakeTokenEndpoint(answers: ReadonlyArray<() => Response>) {
  const calls: Call[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(url), body: String(init?.body ?? ''), headers: { ...(init?.headers as Record<string, string>) } });
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
    if (answer === undefined) throw new Error('no answer');
    return answer();
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

function tokenAnswer(token: string, expiresIn?: number): () => Response {
  return () => Response.json({ access_token: token, token_type: 'Bearer', ...(expiresIn === undefined ? {} : { expires_in: expiresIn }) });
}

function provider(fetch: typeof globalThis.fetch, clock: { now: number }, extra: Partial<VismaClientOptions> = {}) {
  const options = testClientOptions({ clientSecret: SECRET, ...extra });
  return new VismaTokenProvider(createHttpContext(options, { fetch, now: () => clock.now }));
}

describe('token scopes', () => {
  it('asks for the five fixed scopes, and contact information only for personal data', () => {
    expect(tokenScopes(false)).toEqual(VISMA_FIXED_SCOPES);
    expect(tokenScopes(false)).toHaveLength(5);
    expect(tokenScopes(true)).toEqual([...VISMA_FIXED_SCOPES, CONTACT_INFORMATION_SCOPE]);
  });

  it('covers the scope of every dataset', () => {
    for (const spec of DATASETS) expect(VISMA_FIXED_SCOPES).toContain(spec.scope);
  });
});

describe('renewalMarginMs', () => {
  it('is 60 s, or 10 % of a short lifetime', () => {
    expect(renewalMarginMs(3_600_000)).toBe(60_000);
    expect(renewalMarginMs(600_000)).toBe(60_000);
    expect(renewalMarginMs(300_000)).toBe(30_000);
    expect(renewalMarginMs(30_000)).toBe(3_000);
  });
});

describe('VismaTokenProvider', () => {
  it('posts the client-credentials form in the connector order', async () => {
    const endpoint = fakeTokenEndpoint([tokenAnswer('tok-1', 3600)]);
    const tokens = provider(endpoint.fetch, { now: 0 }, { includePersonalData: true, clientId: 'id with space' });
    await tokens.token(employees);
    const [call] = endpoint.calls;
    expect(call?.url).toBe('http://127.0.0.1:9/connect/token');
    expect(call?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(call?.headers.authorization).toBeUndefined();
    expect(call?.body).toBe(
      'grant_type=client_credentials&client_id=id%20with%20space' +
        `&client_secret=${SECRET}&tenant_id=tenant-1&scope=` +
        [...VISMA_FIXED_SCOPES, CONTACT_INFORMATION_SCOPE].map(encodeURIComponent).join('%20'),
    );
    const form = new URLSearchParams(call?.body);
    expect(form.get('scope')?.split(' ')).toHaveLength(6);
  });

  it('keeps a token until 60 s before it expires', async () => {
    const clock = { now: 1_000_000 };
    const endpoint = fakeTokenEndpoint([tokenAnswer('tok-1', 3600), tokenAnswer('tok-2', 3600)]);
    const tokens = provider(endpoint.fetch, clock);
    expect(await tokens.token(employees)).toBe('tok-1');
    clock.now += 3_539_999;
    expect(await tokens.token(employees)).toBe('tok-1');
    clock.now += 1;
    expect(await tokens.token(employees)).toBe('tok-2');
    expect(endpoint.calls).toHaveLength(2);
  });

  it('renews a short-lived token when less than 10 % of its lifetime remains', async () => {
    const clock = { now: 0 };
    const endpoint = fakeTokenEndpoint([tokenAnswer('tok-1', 30), tokenAnswer('tok-2', 30)]);
    const tokens = provider(endpoint.fetch, clock);
    await tokens.token(employees);
    clock.now = 26_999;
    expect(await tokens.token(employees)).toBe('tok-1');
    clock.now = 27_000;
    expect(await tokens.token(employees)).toBe('tok-2');
  });

  it('assumes a 5-minute lifetime when expires_in is missing', async () => {
    const clock = { now: 0 };
    const endpoint = fakeTokenEndpoint([tokenAnswer('tok-1'), tokenAnswer('tok-2')]);
    const tokens = provider(endpoint.fetch, clock);
    await tokens.token(employees);
    clock.now = 269_999;
    expect(await tokens.token(employees)).toBe('tok-1');
    clock.now = 270_000;
    expect(await tokens.token(employees)).toBe('tok-2');
  });

  it('fetches a new token after invalidate()', async () => {
    const endpoint = fakeTokenEndpoint([tokenAnswer('tok-1', 3600), tokenAnswer('tok-2', 3600)]);
    const tokens = provider(endpoint.fetch, { now: 0 });
    await tokens.token(employees);
    tokens.invalidate();
    expect(await tokens.token(employees)).toBe('tok-2');
  });

  it('shares one request between concurrent callers', async () => {
    const endpoint = fakeTokenEndpoint([tokenAnswer('tok-1', 3600)]);
    const tokens = provider(endpoint.fetch, { now: 0 });
    const all = await Promise.all([tokens.token(employees), tokens.token(employees), tokens.token(employees)]);
    expect(all).toEqual(['tok-1', 'tok-1', 'tok-1']);
    expect(endpoint.calls).toHaveLength(1);
  });

  it('retries a token endpoint that is briefly unavailable', async () => {
    const endpoint = fakeTokenEndpoint([() => new Response('', { status: 503 }), tokenAnswer('tok-1', 3600)]);
    expect(await provider(endpoint.fetch, { now: 0 }).token(employees)).toBe('tok-1');
    expect(endpoint.calls).toHaveLength(2);
  });

  it('explains invalid_client without retrying', async () => {
    const endpoint = fakeTokenEndpoint([() => Response.json({ error: 'invalid_client' }, { status: 400 })]);
    const error = await rejection(provider(endpoint.fetch, { now: 0 }).token(employees));
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(400);
    expect(error.dataset).toBe('employees');
    expect(error.message).toBe(
      'Visma.net refused the client credentials (invalid_client); check visma.clientId, clientSecret and tenantId',
    );
    expect(endpoint.calls).toHaveLength(1);
  });

  it('lists the requested scopes on invalid_scope', async () => {
    const endpoint = fakeTokenEndpoint([() => Response.json({ error: 'invalid_scope' }, { status: 400 })]);
    const error = await rejection(provider(endpoint.fetch, { now: 0 }).token(employees));
    expect(error.message).toContain('invalid_scope');
    expect(error.message).toContain('hrmanalytics:nlhrm:exportusers');
  });

  it('points at the token URL when the endpoint is not there', async () => {
    const endpoint = fakeTokenEndpoint([() => new Response('nope', { status: 404 })]);
    const error = await rejection(provider(endpoint.fetch, { now: 0 }).token(employees));
    expect(error.kind).toBe('http');
    expect(error.message).toContain('HTTP 404 Not Found');
    expect(error.message).toContain('check visma.tokenUrl');
  });

  it('never repeats the secret or a token, even when the server echoes them', async () => {
    const echo = (status: number) => () =>
      new Response(`bad request: client_secret=${SECRET}&client_secret=${encodeURIComponent(SECRET)} token tok-1`, { status });
    const endpoint = fakeTokenEndpoint([tokenAnswer('tok-1', 3600), echo(400)]);
    const tokens = provider(endpoint.fetch, { now: 0 });
    await tokens.token(employees);
    tokens.invalidate();
    const error = await rejection(tokens.token(employees));
    expect(error.message).toContain('***');
    for (const text of [error.message, inspect(error, { depth: 10 }), JSON.stringify(error)]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('tok-1');
    }
  });

  it('says so when the answer carries no token', async () => {
    const endpoint = fakeTokenEndpoint([() => Response.json({ token_type: 'Bearer' })]);
    const error = await rejection(provider(endpoint.fetch, { now: 0 }).token(employees));
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('without an access_token');
  });
});
