import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { CONTACT_INFORMATION_SCOPE, type CsvRow, type DatasetName, type DatasetSpec } from '../../engine/visma/datasets';
import { ExportFiles, parseFields } from './export-files';
import { ActiveFaults, type RequestKind, type StatusFault } from './faults';
import { BodyTooLargeError, readBody, send, sendEmpty, sendJson } from './http-io';
import { JobStore, pollJob, type ExportJob } from './jobs';
import { matchRoute, TOKEN_PATH, type Route } from './routes';
import { decideTokenRequest } from './token-endpoint';
import { TokenStore } from './tokens';
import type { RunningVismaSimulator, VismaFaults, VismaSimulatorOptions } from './types';

/** One entry of {@link RunningVismaSimulator.requests}. */
type LoggedRequest = RunningVismaSimulator['requests'][number];

type Data = Readonly<Record<DatasetName, readonly CsvRow[]>>;

/**
 * Starts a Visma.net HRM export-API simulator on 127.0.0.1: the Visma Connect token endpoint, export
 * commands, job polls and pre-signed CSV downloads, faithful to reference/visma-api.md, with the
 * faults of {@link VismaFaults} for the client's error paths.
 */
export async function startVismaSimulator(options: VismaSimulatorOptions): Promise<RunningVismaSimulator> {
  const now = options.clock ?? Date.now;
  const signingKey = randomBytes(32);
  const tokens = new TokenStore();
  const jobs = new JobStore();
  const exportFiles = new ExportFiles(options.data);
  const requests: LoggedRequest[] = [];
  const shutdown = new AbortController();
  let faults = new ActiveFaults(options.faults);
  let baseUrl = '';

  const sign = (jobId: string, fileNumber: number): string =>
    createHmac('sha256', signingKey).update(`${jobId}/${fileNumber}`).digest('base64url');

  const fileUrl = (job: ExportJob, fileNumber: number): string =>
    `${baseUrl}/files/${job.id}/${fileNumber}.csv?sig=${sign(job.id, fileNumber)}`;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const authorization = request.headers.authorization;
    let body: string;
    try {
      body = await readBody(request);
    } catch (error) {
      if (error instanceof BodyTooLargeError) sendJson(response, 413, { error: 'invalid_request', error_description: error.message });
      else request.destroy();
      return;
    }
    requests.push({
      method: request.method ?? '',
      path: url.pathname + url.search,
      authorized: /^Bearer\s+\S/i.test(authorization ?? ''),
      body,
    });
    if (faults.latencyMs > 0) await delay(faults.latencyMs, undefined, { signal: shutdown.signal });

    const route = matchRoute(request.method ?? '', decodePath(url.pathname));
    const kind = requestKind(route);
    if (kind === 'command' || kind === 'query') {
      if (faults.countApiRequest()) tokens.expireAll(now());
    }
    if (kind !== undefined) {
      const fault = faults.takeStatusFault(kind, datasetOf(route));
      if (fault !== undefined) {
        answerFault(response, fault);
        return;
      }
    }

    switch (route.kind) {
      case 'token':
        return answerToken(body, authorization, response);
      case 'command':
        return answerCommand(route.spec, url, body, authorization, response);
      case 'query':
        return answerQuery(route.spec, route.jobId, authorization, response);
      case 'file':
        return answerFile(route.jobId, route.fileNumber, url.searchParams.get('sig'), response);
      case 'methodNotAllowed':
        return sendJson(response, 405, { error: 'method_not_allowed' }, { Allow: route.allow });
      case 'notFound':
        return sendJson(response, 404, { error: 'not_found', message: `No resource at ${url.pathname}` });
    }
  }

  function datasetOf(route: Route): DatasetName | undefined {
    switch (route.kind) {
      case 'command':
      case 'query':
        return route.spec.name;
      case 'file':
        return jobs.get(route.jobId)?.spec.name;
      case 'token':
      case 'methodNotAllowed':
      case 'notFound':
        return undefined;
    }
  }

  function answerToken(body: string, authorization: string | undefined, response: ServerResponse): void {
    const decision = decideTokenRequest(body, authorization, options, faults.missingScopes);
    const noStore = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };
    if (!decision.ok) {
      sendJson(response, 400, { error: decision.error, error_description: decision.description }, noStore);
      return;
    }
    const ttl = faults.tokenTtlSeconds;
    const accessToken = tokens.issue(decision.scopes, ttl, now());
    sendJson(response, 200, {
      access_token: accessToken,
      expires_in: ttl,
      token_type: 'Bearer',
      scope: [...decision.scopes].join(' '),
    }, noStore);
  }

  /** Checks the bearer token for `spec`; answers 401 and returns undefined when it does not do. */
  function authorize(spec: DatasetSpec, authorization: string | undefined, response: ServerResponse): ReadonlySet<string> | undefined {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    const challenge = (error: string, description: string, scope?: string): void => {
      const parameters = [`error="${error}"`, `error_description="${description}"`, ...(scope ? [`scope="${scope}"`] : [])];
      sendJson(response, 401, { error, error_description: description, ...(scope ? { scope } : {}) }, {
        'WWW-Authenticate': `Bearer ${parameters.join(', ')}`,
      });
    };
    if (token === undefined) {
      challenge('invalid_token', 'A bearer token is required');
      return undefined;
    }
    const found = tokens.lookup(token, now());
    switch (found.kind) {
      case 'unknown':
        challenge('invalid_token', 'The access token is not valid');
        return undefined;
      case 'expired':
        challenge('invalid_token', 'The access token has expired');
        return undefined;
      case 'valid': {
        const missing = faults.missingScopes;
        if (!found.scopes.has(spec.scope) || missing.has(spec.scope)) {
          challenge('insufficient_scope', `The access token lacks scope ${spec.scope}`, spec.scope);
          return undefined;
        }
        return new Set([...found.scopes].filter((scope) => !missing.has(scope)));
      }
    }
  }

  function answerCommand(spec: DatasetSpec, url: URL, body: string, authorization: string | undefined, response: ServerResponse): void {
    const scopes = authorize(spec, authorization, response);
    if (scopes === undefined) return;
    // The connector sends {"callbackAddress": …}; Go's client sends nothing. Both are fine; the
    // simulator never calls back (it may not reach anything but loopback).
    if (body.trim() !== '' && !isJson(body)) {
      sendJson(response, 400, { error: 'invalid_request', error_description: 'The body is not valid JSON' });
      return;
    }
    const columns = exportFiles.columns(spec.name, {
      fields: parseFields(url.searchParams.get('fields')),
      contactInformation: scopes.has(CONTACT_INFORMATION_SCOPE),
      dropped: faults.droppedColumns(spec.name),
    });
    const job = jobs.start(
      spec,
      { snapshot: exportFiles.snapshot, dataset: spec.name, columns, fileCount: faults.filesPerExport },
      faults.takeJobFate(spec.name),
      faults.inProgressPolls,
      now(),
    );
    sendJson(response, 200, { jobId: job.id });
  }

  function answerQuery(spec: DatasetSpec, jobId: string, authorization: string | undefined, response: ServerResponse): void {
    if (authorize(spec, authorization, response) === undefined) return;
    const job = jobs.get(jobId);
    if (job === undefined || job.spec !== spec) {
      sendJson(response, 404, { error: 'not_found', message: `No ${spec.label} export job ${jobId}` });
      return;
    }
    const status = pollJob(job);
    const completed = status === 'Completed';
    sendJson(response, 200, {
      status,
      [spec.fileUrisField]: completed
        ? Array.from({ length: job.shape.fileCount }, (_, index) => fileUrl(job, index + 1))
        : null,
      changeTimestampBefore: completed ? new Date(job.startedAt).toISOString() : null,
    });
  }

  function answerFile(jobId: string, fileNumber: number, signature: string | null, response: ServerResponse): void {
    if (!validSignature(sign(jobId, fileNumber), signature)) {
      sendJson(response, 403, { error: 'forbidden', message: 'Signature missing or not valid' });
      return;
    }
    const job = jobs.get(jobId);
    const generated = job === undefined ? undefined : exportFiles.files(job.shape)[fileNumber - 1];
    const file = job === undefined || generated === undefined ? undefined : (faults.rawFile(job.shape.dataset) ?? generated);
    if (file === undefined) {
      sendJson(response, 404, { error: 'not_found', message: 'No such export file' });
      return;
    }
    send(response, 200, file, { 'Content-Type': 'text/csv; charset=utf-8' });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (shutdown.signal.aborted) {
        request.destroy();
        return;
      }
      sendJson(response, 500, { error: 'server_error', message: error instanceof Error ? error.message : String(error) });
    });
  });
  // Tests start many simulators; keep-alive sockets must not hold a closing server open.
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | undefined;
  return {
    baseUrl,
    tokenUrl: `${baseUrl}${TOKEN_PATH}`,
    requests,
    setFaults(next: VismaFaults): void {
      faults = new ActiveFaults(next);
    },
    setData(data: Data): void {
      exportFiles.setData(data);
    },
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve, reject) => {
        shutdown.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function requestKind(route: Route): RequestKind | undefined {
  switch (route.kind) {
    case 'token':
    case 'command':
    case 'query':
    case 'file':
      return route.kind;
    case 'methodNotAllowed':
    case 'notFound':
      return undefined;
  }
}

function answerFault(response: ServerResponse, fault: StatusFault): void {
  switch (fault.kind) {
    case 'tooManyRequests': {
      // Empty body and the standard reason phrase: the connector retries only when the error text
      // contains "Too Many Requests", which then comes from the status line (reference 4).
      const headers = fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) };
      response.statusMessage = 'Too Many Requests';
      sendEmpty(response, 429, headers);
      return;
    }
    case 'serverError':
      sendJson(response, fault.status, { error: 'server_error', message: `Simulated ${fault.status}` });
      return;
  }
}

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function validSignature(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
