import type { DatasetSpec } from './datasets';
import { SecretRedactor, VismaExportError } from './errors';
import type { ResolvedVismaClientOptions } from './options';
import { isRetryableStatus, retryDelayMs, sleep } from './retry';

/** Which call of an export a request is; it shapes the error messages. */
export type RequestStep = 'token' | 'command' | 'query' | 'file';

/** Shared machinery of one export run: options, secret redaction and replaceable I/O for tests. */
export interface VismaHttpContext {
  readonly options: ResolvedVismaClientOptions;
  readonly redactor: SecretRedactor;
  readonly fetch: typeof globalThis.fetch;
  /** Wall clock in ms; replaceable so token renewal can be tested without waiting. */
  readonly now: () => number;
  /** Random source of the back-off jitter. */
  readonly random: () => number;
}

/** Build the context of a run; `overrides` exist for unit tests. */
export function createHttpContext(
  options: ResolvedVismaClientOptions,
  overrides: Partial<Pick<VismaHttpContext, 'fetch' | 'now' | 'random'>> = {},
): VismaHttpContext {
  return {
    options,
    redactor: new SecretRedactor([options.clientSecret]),
    fetch: overrides.fetch ?? globalThis.fetch,
    now: overrides.now ?? Date.now,
    random: overrides.random ?? Math.random,
  };
}

/** Supplies bearer tokens to {@link sendRequest}. */
export interface BearerSource {
  /** A token that is valid for a while yet, fetched or renewed if needed. */
  token(dataset: DatasetSpec): Promise<string>;
  /** Forget the current token (the API refused it). */
  invalidate(): void;
}

/** One HTTP call of an export. */
export interface VismaRequest {
  readonly dataset: DatasetSpec;
  readonly step: RequestStep;
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Send `Authorization: Bearer`; on a 401 fetch one fresh token and try again. */
  readonly auth?: BearerSource;
  readonly jobId?: string;
  /**
   * Turn a non-retryable refusal into a specific error (the token endpoint's OAuth error codes).
   * Returning `undefined` falls back to the generic message.
   */
  readonly describeRefusal?: (status: number, body: string) => VismaExportError | undefined;
  /**
   * When the whole job must be done (`ctx.now()` time): no attempt, retry or wait goes past it, so a
   * stalled download is bounded by the job's time limit rather than by every retry's request timeout.
   */
  readonly deadline?: number;
}

/** A successful (2xx) answer with its whole body as bytes (CSV files go to the parser undecoded). */
export interface VismaResponse {
  readonly status: number;
  readonly body: Buffer;
}

/**
 * Send a request and read its body, retrying 429, 5xx, network errors and timeouts with
 * exponential back-off that honours `Retry-After`. Other 4xx fail at once with a message that
 * names the dataset, the status and what to check. The caller's abort signal ends everything
 * immediately with the signal's reason.
 */
export async function sendRequest(ctx: VismaHttpContext, request: VismaRequest): Promise<VismaResponse> {
  return sendRequestReading(ctx, request, async (response) => ({ status: response.status, body: Buffer.from(await response.arrayBuffer()) }));
}

/**
 * Reads the body of a successful answer, e.g. parsing a CSV file while it downloads. A
 * {@link VismaExportError} it throws ends the request as it is; any other failure counts as a broken
 * transfer and is retried like one (with a fresh `read` of a fresh answer).
 */
export type BodyReader<T> = (response: Response) => Promise<T>;

/** {@link sendRequest}, with the successful answer's body read by `read` under the same time limit. */
export async function sendRequestReading<T>(ctx: VismaHttpContext, request: VismaRequest, read: BodyReader<T>): Promise<T> {
  const { options } = ctx;
  const started = ctx.now();
  let renewedAfter401 = false;
  let retry = 0;
  for (;;) {
    const headers: Record<string, string> = { ...request.headers };
    if (request.auth !== undefined) headers.authorization = `Bearer ${await request.auth.token(request.dataset)}`;

    const left = request.deadline === undefined ? options.requestTimeoutMs : request.deadline - ctx.now();
    if (left <= 0) throw deadlineError(ctx, request);
    const timeout = AbortSignal.timeout(Math.min(options.requestTimeoutMs, left));
    const signal = options.signal === undefined ? timeout : AbortSignal.any([options.signal, timeout]);
    let status: number;
    let body: Buffer;
    let retryAfter: string | null = null;
    let failure: { readonly kind: 'network' | 'timeout'; readonly error: unknown } | undefined;
    try {
      const response = await ctx.fetch(request.url, { method: request.method, headers, body: request.body, signal });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      // The body is read under the same time limit: a stalled download must not hang the import.
      if (status >= 200 && status <= 299) return await read(response);
      body = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (error instanceof VismaExportError) throw error;
      failure = { kind: timeout.aborted ? 'timeout' : 'network', error };
      status = 0;
      body = Buffer.alloc(0);
    }

    if (failure === undefined && status === 401 && request.auth !== undefined && !renewedAfter401) {
      // The token may have been revoked or expired early; one fresh token settles whether it is ours.
      renewedAfter401 = true;
      request.auth.invalidate();
      continue;
    }

    if (request.deadline !== undefined && ctx.now() >= request.deadline) throw deadlineError(ctx, request);
    const retryable = failure !== undefined || isRetryableStatus(status);
    if (retryable && retry < options.maxRetries) {
      const policy = { baseDelayMs: options.retryBaseDelayMs, maxDelayMs: options.retryMaxDelayMs };
      await sleep(retryDelayMs(retry, retryAfter, policy, ctx.now(), ctx.random), options.signal);
      retry += 1;
      continue;
    }

    const attempts = retry + 1;
    const seconds = formatSeconds(ctx.now() - started);
    if (failure !== undefined) throw transportError(ctx, request, failure, attempts, seconds);
    if (retryable) {
      throw new VismaExportError({
        dataset: request.dataset.name,
        kind: 'http',
        status,
        jobId: request.jobId,
        message:
          `Visma.net kept answering ${httpStatus(status)} while ${doing(request)} ` +
          `(${attempts} attempts in ${seconds} s); Visma may be busy, try again later`,
      });
    }
    const text = body.toString('utf8');
    throw request.describeRefusal?.(status, text) ?? refusalError(ctx, request, status, text);
  }
}

/** Parse a JSON body, or fail with a message that says which answer was not JSON. */
export function parseJsonBody(ctx: VismaHttpContext, request: VismaRequest, body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new VismaExportError({
      dataset: request.dataset.name,
      kind: 'http',
      jobId: request.jobId,
      message: `Visma.net answered something that is not JSON while ${doing(request)} (${excerpt(ctx, body.toString('utf8'))}); check visma.${request.step === 'token' ? 'tokenUrl' : 'baseUrl'}`,
    });
  }
}

/** A property of a parsed JSON value, or `undefined` when the value is not an object. */
export function jsonField(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/** "starting the contracts export" and friends, for messages. */
export function doing(request: Pick<VismaRequest, 'dataset' | 'step' | 'jobId'>): string {
  const label = request.dataset.label;
  switch (request.step) {
    case 'token':
      return `getting an access token for the ${label} export`;
    case 'command':
      return `starting the ${label} export`;
    case 'query':
      return `checking the ${label} export job ${request.jobId ?? ''}`.trimEnd();
    case 'file':
      return `downloading a file of the ${label} export`;
  }
}

/** The job's time limit ran out during `request`. */
function deadlineError(ctx: VismaHttpContext, request: VismaRequest): VismaExportError {
  return new VismaExportError({
    dataset: request.dataset.name,
    kind: 'timeout',
    ...(request.jobId === undefined ? {} : { jobId: request.jobId }),
    message:
      `the Visma.net export of ${request.dataset.label} did not finish within ${formatSeconds(ctx.options.jobTimeoutMs)} s ` +
      `while ${doing(request)}; Visma may be busy, try again later or raise visma.jobTimeoutSeconds`,
  });
}

/** A URL fit for a message: pre-signed download links carry their signature in the query. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/** At most 200 characters of a response body, secrets removed, for a message. */
export function excerpt(ctx: VismaHttpContext, body: string): string {
  const text = ctx.redactor.redact(body.replace(/\s+/g, ' ').trim());
  if (text === '') return 'empty answer';
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function transportError(
  ctx: VismaHttpContext,
  request: VismaRequest,
  failure: { readonly kind: 'network' | 'timeout'; readonly error: unknown },
  attempts: number,
  seconds: string,
): VismaExportError {
  const cause = ctx.redactor.sanitizeCause(failure.error);
  const common = { dataset: request.dataset.name, kind: failure.kind, jobId: request.jobId, cause } as const;
  if (failure.kind === 'timeout') {
    return new VismaExportError({
      ...common,
      message:
        `Visma.net did not answer within ${formatSeconds(ctx.options.requestTimeoutMs)} s while ${doing(request)} ` +
        `(${attempts} attempts in ${seconds} s); Visma may be busy, try again later`,
    });
  }
  const setting = request.step === 'token' ? 'visma.tokenUrl' : 'visma.baseUrl';
  return new VismaExportError({
    ...common,
    message:
      `could not reach ${describeUrl(request.url)} while ${doing(request)} (${networkCode(failure.error)}, ` +
      `${attempts} attempts in ${seconds} s); check the network connection, the proxy and ${setting}`,
  });
}

function refusalError(ctx: VismaHttpContext, request: VismaRequest, status: number, body: string): VismaExportError {
  const { dataset } = request;
  const common = { dataset: dataset.name, status, jobId: request.jobId } as const;
  const answer = httpStatus(status);
  if (request.step === 'file') {
    // Download links are pre-signed and expire; there is no credential of ours to blame.
    return new VismaExportError({
      ...common,
      kind: 'http',
      message:
        `the download link ${describeUrl(request.url)} answered ${answer} while ${doing(request)}; ` +
        'pre-signed links expire, so try again (a new export job gets new links)',
    });
  }
  if (status === 401) {
    return new VismaExportError({
      ...common,
      kind: 'auth',
      message:
        `Visma.net refused access (${answer}, also with a fresh token) while ${doing(request)}; ` +
        `check visma.clientId, clientSecret and tenantId, and that the Visma application has the scope ${dataset.scope}`,
    });
  }
  if (status === 403) {
    return new VismaExportError({
      ...common,
      kind: 'auth',
      message:
        `Visma.net forbids ${doing(request)} (${answer}); check that the tenant administrator has granted ` +
        `the Visma application access to tenant ${ctx.options.tenantId} and the scope ${dataset.scope}`,
    });
  }
  if (status === 404) {
    const what = request.step === 'query' ? `export job ${request.jobId ?? ''} at ` : '';
    return new VismaExportError({
      ...common,
      kind: 'http',
      message:
        `Visma.net does not know ${what}${describeUrl(request.url)} (${answer}) while ${doing(request)}; ` +
        `check visma.${request.step === 'token' ? 'tokenUrl' : 'baseUrl'}`,
    });
  }
  return new VismaExportError({
    ...common,
    kind: 'http',
    message: `Visma.net rejected ${doing(request)} (${answer}: ${excerpt(ctx, body)})`,
  });
}

function networkCode(error: unknown): string {
  // undici wraps the system error: TypeError('fetch failed', { cause: Error & { code: 'ECONNREFUSED' } }).
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return error instanceof Error ? error.message : 'network error';
}

/** "HTTP 503 Service Unavailable", with the reason phrase when it is a common status. */
export function httpStatus(status: number): string {
  const phrases: Readonly<Record<number, string>> = {
    400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
    408: 'Request Timeout', 409: 'Conflict', 410: 'Gone', 413: 'Content Too Large', 415: 'Unsupported Media Type',
    422: 'Unprocessable Content', 429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented',
    502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
  };
  const phrase = phrases[status];
  return phrase === undefined ? `HTTP ${status}` : `HTTP ${status} ${phrase}`;
}

/** Milliseconds as seconds for messages: "600", "0.25". */
export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return Number.isInteger(seconds) || seconds >= 10 ? String(Math.round(seconds)) : String(Math.round(seconds * 100) / 100);
}
