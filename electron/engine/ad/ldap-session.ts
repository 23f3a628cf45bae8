/**
 * One bound, TLS-protected LDAP connection (ldapts `Client`) that can never silently degrade.
 *
 * ldapts reconnects transparently when a socket has closed and then runs the operation on a fresh
 * connection: unauthenticated, and for `ldap://` without StartTLS, i.e. in clear text. Here every session
 * is good for exactly one TCP connection: the connection factories refuse a second connect with
 * {@link SessionSpentError}, so nothing is ever sent over an unverified or unbound socket. The adapter
 * notices and opens a new session (connect, StartTLS, verify, bind) instead.
 */
import net from 'node:net';
import tls from 'node:tls';
import { Client, ResultCodeError } from 'ldapts';
import type { ResolvedDirectoryConfig } from './directory-config';
import { DirectoryConnectionError, explainBindFailure, explainResultCode, redact } from './directory-errors';
import type { DirectoryConnectionFailure } from './directory-errors';

/** Thrown (inside ldapts) when it tries to reconnect a spent session. Nothing was sent. */
export class SessionSpentError extends Error {
  constructor() {
    super('the LDAP connection was closed; a new session is needed');
    this.name = 'SessionSpentError';
  }
}

const TLS_VERIFY_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE',
  'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'CERT_REVOKED', 'CERT_CHAIN_TOO_LONG', 'INVALID_CA',
]);

/** True for an LDAP result from the server (as opposed to a socket, TLS or client-side failure). */
export function isResultCodeError(e: unknown): e is ResultCodeError {
  return e instanceof ResultCodeError;
}

/** An open, verified and bound connection. */
export class LdapSession {
  readonly client: Client;
  readonly #sockets: Set<net.Socket>;
  #closed = false;

  private constructor(client: Client, sockets: Set<net.Socket>) {
    this.client = client;
    this.#sockets = sockets;
  }

  /**
   * Connects, upgrades with StartTLS for `ldap://`, verifies the certificate against the configured CA and
   * binds. Throws {@link DirectoryConnectionError} with a message that names the cause and never the password.
   */
  static async open(cfg: ResolvedDirectoryConfig, bindPassword: string): Promise<LdapSession> {
    const sockets = new Set<net.Socket>();
    let connects = 0;
    // A FRESH options object on every use: ldapts' startTLS() writes `socket` into the object it is given,
    // and a reused object makes a later connection bind over a dead socket and hang (feasibility pitfall 7).
    const tlsOptions = (): tls.ConnectionOptions => ({
      ca: [cfg.ca],
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
      host: cfg.host,
      ...(cfg.servername === undefined ? {} : { servername: cfg.servername }),
    });
    const track = <S extends net.Socket>(s: S): S => {
      sockets.add(s);
      s.once('close', () => sockets.delete(s));
      return s;
    };
    const createConnection = ((port: number, host: string): net.Socket => {
      if (connects++ > 0) throw new SessionSpentError();
      return track(net.connect({ port, host }));
    }) as unknown as typeof net.connect;
    const createSecureConnection = ((portOrOptions: number | tls.ConnectionOptions, host?: string): tls.TLSSocket => {
      if (typeof portOrOptions === 'object') {
        // StartTLS upgrade of the socket we made above: ldapts passes our fresh options plus `socket`.
        return track(tls.connect(portOrOptions));
      }
      if (connects++ > 0) throw new SessionSpentError();
      return track(tls.connect({ ...tlsOptions(), port: portOrOptions, host: host ?? cfg.host }));
    }) as unknown as typeof tls.connect;

    const client = new Client({
      url: cfg.url,
      // Always both: without them a hung connect or answer never settles (feasibility pitfall 10).
      timeout: cfg.timeoutMs,
      connectTimeout: cfg.timeoutMs,
      // No `tlsOptions` here: createSecureConnection builds its own fresh options for every connect.
      createConnection,
      createSecureConnection,
    });
    const session = new LdapSession(client, sockets);
    let stage: 'connect' | 'starttls' | 'bind' = 'connect';
    try {
      if (cfg.transport === 'starttls') {
        stage = 'starttls';
        await client.startTLS(tlsOptions());
      }
      stage = 'bind';
      await client.bind(cfg.bindDn, bindPassword);
      return session;
    } catch (e) {
      session.destroy();
      throw connectionError(cfg, stage, e, [bindPassword]);
    }
  }

  /** True while the connection is open and bound. */
  get usable(): boolean {
    return !this.#closed && this.client.isBound;
  }

  /** Unbinds politely (bounded by the operation timeout), then makes sure every socket is gone. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      if (this.client.isConnected) await this.client.unbind();
    } catch {
      // The server may already have gone; the sockets are destroyed below either way.
    } finally {
      this.destroy();
    }
  }

  /** Destroys the sockets at once (no unbind). */
  destroy(): void {
    this.#closed = true;
    for (const s of this.#sockets) {
      s.on('error', () => undefined);
      s.destroy();
    }
    this.#sockets.clear();
  }
}

function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Maps a failure while opening a session to a {@link DirectoryConnectionError} an admin can act on. */
export function connectionError(
  cfg: ResolvedDirectoryConfig,
  stage: 'connect' | 'starttls' | 'bind',
  e: unknown,
  secrets: readonly string[],
): DirectoryConnectionError {
  const where = `${cfg.host}:${cfg.port}`;
  const raw = redact(e instanceof Error ? e.message : String(e), secrets);
  const make = (reason: DirectoryConnectionFailure, message: string, code: number | null = null): DirectoryConnectionError =>
    new DirectoryConnectionError(reason, cfg.url, message, code);

  if (isResultCodeError(e)) {
    if (e.code === 49) {
      return make('credentials', `The domain controller at ${where} rejected the bind as ${cfg.bindDn}: ${explainBindFailure(raw)} (LDAP 49).`, 49);
    }
    if (e.code === 8) {
      return make('strong-auth-required', `The domain controller at ${where} refused the bind: it requires an encrypted or signed connection (LDAP 8).`, 8);
    }
    const what = stage === 'starttls' ? 'the StartTLS request' : `the bind as ${cfg.bindDn}`;
    return make('other', `The domain controller at ${where} refused ${what}: ${explainResultCode(e.code, raw, 'root-dse')} (LDAP ${e.code}). Server: ${JSON.stringify(raw)}`, e.code);
  }
  const code = errorCode(e);
  if (code !== undefined && TLS_VERIFY_CODES.has(code)) {
    return make('tls-verification', `The TLS certificate of ${where} could not be verified against the CA in ${cfg.caFile}: ${raw} (${code}). Check that this file holds the CA that issued the domain controller's certificate.`);
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return make('tls-hostname', `The TLS certificate of ${where} is not issued for ${cfg.servername ?? cfg.host}: ${raw}. Set the TLS server name to the host name in the certificate (for example DC1.example.local).`);
  }
  if (code === 'ECONNREFUSED') return make('refused', `Nothing accepts connections at ${where} (${code}): is the domain controller running and is this the ${cfg.transport === 'ldaps' ? 'LDAPS' : 'LDAP'} port?`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return make('unreachable', `The domain controller ${cfg.host} cannot be reached (${code}).`);
  }
  if (/timed? ?out/i.test(raw)) return make('timeout', `The domain controller at ${where} did not answer within ${cfg.timeoutMs} ms (${stage}).`);
  if (code?.startsWith('ERR_SSL') === true || code?.startsWith('ERR_TLS') === true || /ssl|tls/i.test(raw)) {
    return make('tls-other', `The TLS handshake with ${where} failed: ${raw}${code === undefined ? '' : ` (${code})`}.`);
  }
  if (code === 'ECONNRESET' || /closed/i.test(raw)) {
    return make('dropped', `The domain controller at ${where} closed the connection during ${stage}: ${raw}.`);
  }
  return make('other', `Connecting to the domain controller at ${where} failed during ${stage}: ${raw}${code === undefined ? '' : ` (${code})`}.`);
}
