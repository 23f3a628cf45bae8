import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { NedapRefusal, NedapState, type NedapSeed } from './state';
import { environmentOf } from './test-pki';

/**
 * A Nedap Ons API simulator over HTTPS with mutual TLS, on 127.0.0.1 (reference/targets.md 2.2 to
 * 2.10): the certificate gate before routing (495 for a missing, expired or unknown-CA certificate,
 * 403 for one of another environment), 406 without `Accept: application/json`, 429 for a fifth
 * request in flight per certificate, Nedap's error envelopes, and switchable faults.
 */

/** Faults to inject; counts are consumed as they fire. */
export interface NedapFaults {
  /** Delay every answer by this many milliseconds. */
  readonly latencyMs?: number;
  /** Answer this many requests (of `method`, or any) with a 5xx before doing anything. */
  readonly serverErrors?: { readonly count: number; readonly status?: number; readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE' };
  /** This many user creates succeed, but their answer never comes (the client times out). */
  readonly createTimesOut?: { readonly count: number };
}

/** Options to start the simulator. */
export interface NedapSimulatorOptions {
  readonly seed: NedapSeed;
  readonly tls: { readonly keyPem: string; readonly certPem: string; readonly caPem: string };
  /** The environment this server is; a client certificate of another environment gets 403. */
  readonly environment: string;
  readonly port?: number;
  readonly faults?: NedapFaults;
  /** Requests in flight per certificate before 429 (Nedap: 4). */
  readonly maxConcurrent?: number;
}

/** A running simulator. */
export interface RunningNedapSimulator {
  readonly baseUrl: string;
  readonly state: NedapState;
  /** Start over with fresh tables (faults and counters too), keeping the server and its certificates. */
  reseed(seed: NedapSeed): void;
  setFaults(faults: NedapFaults): void;
  /** The most requests that were ever in flight at once (429s not counted). */
  readonly maxInFlightSeen: number;
  /** How many requests were refused with 429 (a client that keeps to the limit gets none). */
  readonly tooManyAnswered: number;
  /** Every routed request as `METHOD path`, in arrival order. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

type Handler = (match: RegExpExecArray, body: unknown, request: IncomingMessage) => { readonly status?: number; readonly json?: unknown; readonly ndjson?: readonly unknown[]; readonly text?: string };

function envelope(message: string, field?: string): unknown {
  return { errorResponseEntries: [{ ...(field ? { field } : {}), message }] };
}

/** Start the simulator; resolves once it listens. */
export async function startNedapSimulator(options: NedapSimulatorOptions): Promise<RunningNedapSimulator> {
  let state = new NedapState(options.seed);
  let faults: NedapFaults = options.faults ?? {};
  let serverErrorsLeft = faults.serverErrors?.count ?? 0;
  let timeoutsLeft = faults.createTimesOut?.count ?? 0;
  const limit = options.maxConcurrent ?? 4;
  const inFlight = new Map<string, number>();
  let maxInFlightSeen = 0;
  let tooManyAnswered = 0;
  const requests: string[] = [];

  const list = (key: string, items: readonly unknown[], request: IncomingMessage): ReturnType<Handler> =>
    (request.headers.accept ?? '').includes('application/x-ndjson') ? { ndjson: items } : { json: { [key]: items } };
  const numberParam = (text: string | undefined): number => {
    const n = Number(text);
    if (!Number.isInteger(n)) throw new NedapRefusal(400, 'Could not parse request parameter');
    return n;
  };
  const provisioning = '/v0/authorization/provisioning/users/([^/]+)';
  const routes: readonly (readonly [string, RegExp, Handler])[] = [
    ['GET', /^\/ping$/, () => ({ text: 'pong' })],
    ['GET', /^\/v0\/administration\/employees\/by_identification_no\/([^/]+)$/, (m) => {
      const employee = state.employeeByIdentificationNo(decodeURIComponent(m[1] ?? ''));
      if (!employee) throw new NedapRefusal(404, 'Employee not found');
      return { json: employee };
    }],
    ['GET', /^\/v0\/xstream\/employees\/data$/, (_m, _b, r) => list('employees', [...state.employees.values()], r)],
    ['GET', /^\/v0\/xstream\/responsibilities\/data$/, (_m, _b, r) => list('users', [...state.users.values()], r)],
    ['GET', /^\/v0\/administration\/users\/by_employee_id\/([^/]+)$/, (m) => {
      const user = state.userByEmployeeId(numberParam(m[1]));
      if (!user) throw new NedapRefusal(404, 'User not found');
      return { json: user };
    }],
    ['GET', /^\/v0\/administration\/users\/by_uuid\/([^/]+)$/, (m) => {
      const user = state.userByUuid(decodeURIComponent(m[1] ?? ''));
      if (!user) throw new NedapRefusal(404, 'User not found');
      return { json: user };
    }],
    ['POST', /^\/v0\/administration\/users$/, (_m, body) => ({ json: state.createUser((body ?? {}) as Record<string, unknown>) })],
    ['DELETE', /^\/v0\/administration\/users\/([^/]+)$/, (m) => ({ json: state.deleteUser(numberParam(m[1])) })],
    ['GET', /^\/v0\/authorization\/provisioning\/roles$/, () => ({ json: { roles: [...state.roles.values()] } })],
    ['GET', /^\/v0\/administration\/teams$/, () => ({ json: { teams: [...state.teams.values()] } })],
    ['GET', /^\/v0\/administration\/locations$/, () => ({ json: { locations: [...state.locations.values()] } })],
    ['PUT', new RegExp(`^${provisioning}/duties$`), (m, body) => {
      const b = (body ?? {}) as Record<string, unknown>;
      state.setDuties(decodeURIComponent(m[1] ?? ''), b.source, b.duties);
      return { json: body };
    }],
    ['PUT', new RegExp(`^${provisioning}/my_teams$`), (m, body) => {
      state.setUnits('teams', decodeURIComponent(m[1] ?? ''), ((body ?? {}) as Record<string, unknown>).teamIds);
      return { json: body };
    }],
    ['PUT', new RegExp(`^${provisioning}/my_locations$`), (m, body) => {
      state.setUnits('locations', decodeURIComponent(m[1] ?? ''), ((body ?? {}) as Record<string, unknown>).locationIds);
      return { json: body };
    }],
  ];

  /** 495/403 from the certificate, before any routing; null when the certificate is fine. */
  const certificateRefusal = (socket: TLSSocket): { status: number; text: string } | null => {
    const peer = socket.getPeerCertificate();
    if (!peer || Object.keys(peer).length === 0) return { status: 495, text: 'SSL Certificate Error: no client certificate' };
    if (!socket.authorized) return { status: 495, text: `SSL Certificate Error: ${String(socket.authorizationError)}` };
    const cn = typeof peer.subject?.CN === 'string' ? peer.subject.CN : '';
    if (environmentOf(cn) !== options.environment) return { status: 403, text: 'Forbidden: certificate not valid for this environment' };
    return null;
  };

  const send = (response: ServerResponse, status: number, answer: ReturnType<Handler>): void => {
    if (answer.text !== undefined) {
      response.writeHead(status, { 'content-type': 'text/plain' }).end(answer.text);
    } else if (answer.ndjson !== undefined) {
      response.writeHead(status, { 'content-type': 'application/x-ndjson' });
      for (const item of answer.ndjson) response.write(`${JSON.stringify(item)}\n`);
      response.end();
    } else {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.json ?? null));
    }
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const refusal = certificateRefusal(request.socket as TLSSocket);
    if (refusal) return send(response, refusal.status, { text: refusal.text });
    const fingerprint = (request.socket as TLSSocket).getPeerCertificate().fingerprint256;
    const busy = inFlight.get(fingerprint) ?? 0;
    if (busy >= limit) {
      tooManyAnswered += 1;
      return send(response, 429, { json: { type: 'about:blank', title: 'Too Many Requests', status: 429 } });
    }
    inFlight.set(fingerprint, busy + 1);
    maxInFlightSeen = Math.max(maxInFlightSeen, busy + 1);
    response.once('close', () => inFlight.set(fingerprint, (inFlight.get(fingerprint) ?? 1) - 1));

    const url = new URL(request.url ?? '/', 'https://127.0.0.1');
    const method = request.method ?? 'GET';
    requests.push(`${method} ${url.pathname}`);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (faults.latencyMs) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    const accept = request.headers.accept ?? '';
    if (url.pathname !== '/ping' && !accept.includes('application/json')) {
      return send(response, 406, { json: envelope('Not Acceptable: use Accept: application/json') });
    }
    if (serverErrorsLeft > 0 && (faults.serverErrors?.method ?? method) === method) {
      serverErrorsLeft -= 1;
      return send(response, faults.serverErrors?.status ?? 503, { json: envelope('Service temporarily unavailable') });
    }
    const route = routes.find(([m, pattern]) => m === method && pattern.test(url.pathname));
    if (!route) return send(response, 404, { json: envelope(`No route for ${method} ${url.pathname}`) });
    let body: unknown = undefined;
    if (chunks.length > 0) {
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return send(response, 400, { json: envelope('Could not parse request body') });
      }
    }
    try {
      const answer = route[2](route[1].exec(url.pathname) as RegExpExecArray, body, request);
      if (method === 'POST' && timeoutsLeft > 0) {
        // The user now exists, but the client never hears so: it must look before it tries again.
        timeoutsLeft -= 1;
        return;
      }
      send(response, method === 'POST' ? 201 : 200, answer);
    } catch (error) {
      if (error instanceof NedapRefusal) return send(response, error.status, { json: envelope(error.message, error.field) });
      throw error;
    }
  };

  const server = https.createServer(
    { key: options.tls.keyPem, cert: options.tls.certPem, ca: options.tls.caPem, requestCert: true, rejectUnauthorized: false, minVersion: 'TLSv1.2' },
    (request, response) => {
      handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) send(response, 500, { json: envelope(error instanceof Error ? error.message : 'internal error') });
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `https://127.0.0.1:${port}`,
    get state() {
      return state;
    },
    reseed: (seed) => {
      state = new NedapState(seed);
      faults = {};
      serverErrorsLeft = 0;
      timeoutsLeft = 0;
      maxInFlightSeen = 0;
      tooManyAnswered = 0;
      requests.length = 0;
    },
    setFaults: (next) => {
      faults = next;
      serverErrorsLeft = next.serverErrors?.count ?? 0;
      timeoutsLeft = next.createTimesOut?.count ?? 0;
    },
    get maxInFlightSeen() {
      return maxInFlightSeen;
    },
    get tooManyAnswered() {
      return tooManyAnswered;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
