import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import { createInterface } from 'node:readline';
import tls from 'node:tls';
import { backoffDelayMs, isRetryableStatus, sleep, type BackoffPolicy } from '../visma/retry';
import { certificateMessage, envelopeMessage, NedapRequestError } from './errors';
import type { NedapDuty, NedapEmployee, NedapRole, NedapUnit, NedapUser, NewNedapUser } from './wire';

/**
 * The Nedap Ons REST client over mutual TLS. The PFX and CA are loaded once into one TLS context;
 * one keep-alive agent with `maxSockets = maxInFlight` carries every request of a run, so never
 * more than that many are in flight (Nedap enforces 4 per certificate). 429 and 5xx are retried
 * with back-off, except a POST after a 5xx or a timeout: the create may have happened, and the
 * caller must look before it tries again.
 */

/** What the client needs; secrets resolved by the caller. */
export interface NedapClientOptions {
  readonly baseUrl: string;
  readonly pfx: Buffer;
  readonly pfxPassword: string;
  readonly ca: Buffer | string;
  /** Requests in flight at most, 1 to 4. */
  readonly maxInFlight: number;
  readonly timeoutMs: number;
  /** Retries of a 429 or 5xx (default 4). */
  readonly retries?: number;
  readonly backoff?: BackoffPolicy;
}

/** One answer, its body read whole. */
interface Answer {
  readonly status: number;
  readonly body: string;
}

const JSON_ONLY = 'application/json';
/** Bulk streams: ndjson when Nedap offers it (read line by line), the JSON list wrapper otherwise. */
const STREAM_ACCEPT = 'application/x-ndjson, application/json;q=0.9';

/** A client for one run; call `close()` when done. */
export class NedapClient {
  private readonly agent: https.Agent;
  private readonly base: URL;
  private readonly retries: number;
  private readonly backoff: BackoffPolicy;

  constructor(private readonly options: NedapClientOptions) {
    if (!Number.isInteger(options.maxInFlight) || options.maxInFlight < 1 || options.maxInFlight > 4) {
      throw new RangeError('maxInFlight must be 1 to 4: Nedap Ons allows 4 requests in flight per certificate');
    }
    let secureContext: tls.SecureContext;
    try {
      secureContext = tls.createSecureContext({ pfx: options.pfx, passphrase: options.pfxPassword, ca: options.ca, minVersion: 'TLSv1.2' });
    } catch {
      // The error text of OpenSSL is no help to an admin, and must not carry anything of the PFX.
      throw new NedapRequestError('certificate', 'the client certificate (nedapOns.pfxFile) cannot be opened: wrong password (nedapOns.pfxPassword), or not a PFX file with its key');
    }
    this.base = new URL(options.baseUrl);
    this.agent = new https.Agent({ keepAlive: true, maxSockets: options.maxInFlight, maxFreeSockets: options.maxInFlight, secureContext });
    this.retries = options.retries ?? 4;
    this.backoff = options.backoff ?? { baseDelayMs: 200, maxDelayMs: 5_000 };
  }

  /** GET /ping: resolves with the admin wording when the certificate works here; throws otherwise. */
  async ping(): Promise<string> {
    await this.json('GET', '/ping', undefined, { allowText: true });
    return 'connected: the client certificate is valid for this Nedap Ons environment';
  }

  async employeeByIdentificationNo(identificationNo: string): Promise<NedapEmployee | null> {
    return this.orNull(this.json<NedapEmployee>('GET', `/v0/administration/employees/by_identification_no/${encodeURIComponent(identificationNo)}`));
  }

  async userByEmployeeId(employeeId: number): Promise<NedapUser | null> {
    return this.orNull(this.json<NedapUser>('GET', `/v0/administration/users/by_employee_id/${employeeId}`));
  }

  /** POST a new user. Never retried after a 5xx or timeout: look the user up first. */
  createUser(user: NewNedapUser): Promise<NedapUser> {
    return this.json<NedapUser>('POST', '/v0/administration/users', user);
  }

  async deleteUser(userId: number): Promise<void> {
    await this.json('DELETE', `/v0/administration/users/${userId}`);
  }

  async roles(): Promise<readonly NedapRole[]> {
    return (await this.json<{ roles?: NedapRole[] }>('GET', '/v0/authorization/provisioning/roles')).roles ?? [];
  }

  async teams(): Promise<readonly NedapUnit[]> {
    return (await this.json<{ teams?: NedapUnit[] }>('GET', '/v0/administration/teams')).teams ?? [];
  }

  async locations(): Promise<readonly NedapUnit[]> {
    return (await this.json<{ locations?: NedapUnit[] }>('GET', '/v0/administration/locations')).locations ?? [];
  }

  /** The complete set of duties `source` owns on the user (full replacement). */
  async putDuties(userUuid: string, source: string, duties: readonly NedapDuty[]): Promise<void> {
    await this.json('PUT', `${provisioning(userUuid)}/duties`, { userUuid, source, duties });
  }

  async putTeams(userUuid: string, teamIds: readonly number[]): Promise<void> {
    await this.json('PUT', `${provisioning(userUuid)}/my_teams`, { teamIds });
  }

  async putLocations(userUuid: string, locationIds: readonly number[]): Promise<void> {
    await this.json('PUT', `${provisioning(userUuid)}/my_locations`, { locationIds });
  }

  /** Every employee, from the bulk stream. */
  streamEmployees(): AsyncGenerator<NedapEmployee> {
    return this.stream<NedapEmployee>('/v0/xstream/employees/data', 'employees');
  }

  /** Every user, from the bulk stream. */
  streamUsers(): AsyncGenerator<NedapUser> {
    return this.stream<NedapUser>('/v0/xstream/responsibilities/data', 'users');
  }

  /** Close the kept-alive connections. */
  close(): void {
    this.agent.destroy();
  }

  private async orNull<T>(request: Promise<T>): Promise<T | null> {
    try {
      return await request;
    } catch (error) {
      if (error instanceof NedapRequestError && error.kind === 'not-found') return null;
      throw error;
    }
  }

  private async json<T>(method: string, path: string, body?: unknown, how: { readonly allowText?: boolean } = {}): Promise<T> {
    const answer = await this.withRetries(method, path, async () => {
      const response = await this.send(method, path, JSON_ONLY, body);
      return { status: response.statusCode ?? 0, body: await readAll(response) };
    });
    if (how.allowText) return undefined as T;
    try {
      return JSON.parse(answer.body) as T;
    } catch {
      throw new NedapRequestError('http', `Nedap Ons answered ${method} ${path} with something that is not JSON`, answer.status);
    }
  }

  /** Items of a bulk stream, parsed as they arrive (ndjson), so 35,000 employees are never one string. */
  private async *stream<T>(path: string, key: string): AsyncGenerator<T> {
    const response = await this.withRetries('GET', path, async () => {
      const r = await this.send('GET', path, STREAM_ACCEPT);
      const status = r.statusCode ?? 0;
      // Only a failure is read whole here; a success is handed on unread.
      return status >= 200 && status < 300 ? { status, body: '', response: r } : { status, body: await readAll(r) };
    });
    const stream = response.response as IncomingMessage;
    if ((stream.headers['content-type'] ?? '').includes('ndjson')) {
      for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
        if (line.trim() !== '') yield JSON.parse(line) as T;
      }
      return;
    }
    const wrapped = JSON.parse(await readAll(stream)) as Record<string, unknown>;
    const items = wrapped[key];
    if (!Array.isArray(items)) throw new NedapRequestError('http', `Nedap Ons answered ${path} without a "${key}" list`);
    for (const item of items) yield item as T;
  }

  /** Run `attempt` until a final answer: retries 429 always, 5xx only when not a POST. */
  private async withRetries<A extends Answer & { readonly response?: IncomingMessage }>(method: string, path: string, attempt: () => Promise<A>): Promise<A> {
    for (let retry = 0; ; retry++) {
      const answer = await attempt();
      if (answer.status >= 200 && answer.status < 300) return answer;
      const again = isRetryableStatus(answer.status) && (method !== 'POST' || answer.status === 429);
      if (again && retry < this.retries) {
        await sleep(backoffDelayMs(retry, this.backoff));
        continue;
      }
      throw failure(method, path, answer);
    }
  }

  /** One request; resolves with the response head once it arrives. */
  private send(method: string, path: string, accept: string, body?: unknown): Promise<IncomingMessage> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const url = new URL(path.replace(/^\//, ''), this.base.href.endsWith('/') ? this.base : `${this.base.href}/`);
    return new Promise((resolve, reject) => {
      const request = https.request(url, {
        method,
        agent: this.agent,
        headers: {
          accept,
          'user-agent': 'hr-provisioner/0.1',
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      });
      request.setTimeout(this.options.timeoutMs, () => {
        request.destroy(new NedapRequestError('timeout', `Nedap Ons did not answer ${method} ${path} within ${Math.round(this.options.timeoutMs / 1000)} s`));
      });
      request.once('response', resolve);
      request.once('error', (error) => reject(error instanceof NedapRequestError ? error : networkError(method, path, error)));
      request.end(payload);
    });
  }
}

function provisioning(userUuid: string): string {
  return `/v0/authorization/provisioning/users/${encodeURIComponent(userUuid)}`;
}

async function readAll(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function failure(method: string, path: string, answer: Answer): NedapRequestError {
  const certificate = certificateMessage(answer.status);
  if (certificate) return new NedapRequestError(answer.status === 403 ? 'environment' : 'certificate', certificate, answer.status);
  const said = envelopeMessage(answer.body);
  const what = `Nedap Ons answered ${method} ${path} with ${answer.status}${said ? `: ${said}` : ''}`;
  if (answer.status === 404) return new NedapRequestError('not-found', what, 404);
  if (answer.status >= 400 && answer.status < 500 && answer.status !== 429) return new NedapRequestError('refused', what, answer.status);
  return new NedapRequestError('http', `${what} (after retries)`, answer.status);
}

function networkError(method: string, path: string, error: Error): NedapRequestError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const untrusted = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/.test(code);
  return new NedapRequestError(
    'network',
    untrusted
      ? `the server certificate of Nedap Ons is not trusted (${code}): check nedapOns.caFile and nedapOns.baseUrl`
      : `Nedap Ons could not be reached for ${method} ${path}${code ? ` (${code})` : ''}`,
  );
}
