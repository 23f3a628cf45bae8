/**
 * Validates a {@link DirectoryConnectionConfig} before anything is sent: only LDAPS or LDAP+StartTLS, a CA
 * file that exists and holds a certificate, sane timeouts. Reads the CA file once.
 */
import { readFileSync } from 'node:fs';
import { DirectoryConfigError } from './directory-errors';
import type { DirectoryConnectionConfig } from './directory-types';
import { DEFAULT_READ_CONNECTIONS, MAX_READ_CONNECTIONS } from './read-partitions';

/** How the TLS protection is obtained. */
export type DirectoryTransport = 'ldaps' | 'starttls';

/** A validated configuration, without the password (the adapter keeps that in a private field). */
export interface ResolvedDirectoryConfig {
  /** The URL normalised to `scheme://host:port`. */
  readonly url: string;
  readonly transport: DirectoryTransport;
  readonly host: string;
  readonly port: number;
  readonly bindDn: string;
  /** PEM bytes of the CA file. */
  readonly ca: Buffer;
  readonly caFile: string;
  /** Name to verify the certificate against; `undefined` means the URL's host. */
  readonly servername: string | undefined;
  readonly timeoutMs: number;
  readonly pageSize: number;
  /** Connections a full account read is spread over (1 to {@link MAX_READ_CONNECTIONS}). */
  readonly readConnections: number;
  readonly baseDn: string | undefined;
}

/** Default per-operation timeout: long enough for a 4,000-user search on a slow DC, short enough to notice a hang. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Default page size: the AD default MaxPageSize, so one page per 1000 entries. */
export const DEFAULT_PAGE_SIZE = 1000;

/**
 * Checks the configuration and loads the CA. Throws {@link DirectoryConfigError} naming the setting at
 * fault; the message never contains the password.
 */
export function resolveDirectoryConfig(config: DirectoryConnectionConfig): ResolvedDirectoryConfig {
  let parsed: URL;
  try {
    parsed = new URL(config.url);
  } catch {
    throw new DirectoryConfigError('url', `The directory URL ${JSON.stringify(config.url)} is not a valid URL; use ldaps://host:636 or ldap://host:389 (StartTLS).`);
  }
  let transport: DirectoryTransport;
  let defaultPort: number;
  switch (parsed.protocol) {
    case 'ldaps:': transport = 'ldaps'; defaultPort = 636; break;
    case 'ldap:': transport = 'starttls'; defaultPort = 389; break;
    default:
      throw new DirectoryConfigError('url', `The directory URL must start with ldaps:// (or ldap://, which is always upgraded with StartTLS), not ${JSON.stringify(parsed.protocol)}.`);
  }
  if (parsed.hostname.length === 0) throw new DirectoryConfigError('url', 'The directory URL has no host name.');
  if (parsed.username.length > 0 || parsed.password.length > 0) {
    // Never echo the URL here: it may contain a password.
    throw new DirectoryConfigError('url', 'The directory URL must not contain credentials; use the bind DN and password settings.');
  }
  if ((parsed.pathname !== '' && parsed.pathname !== '/') || parsed.search !== '') {
    throw new DirectoryConfigError('url', 'The directory URL must be scheme://host[:port] only (no base DN or query in it).');
  }
  const port = parsed.port === '' ? defaultPort : Number(parsed.port);
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');

  if (config.bindDn.trim().length === 0) throw new DirectoryConfigError('bindDn', 'The bind DN of the service account is empty.');
  if (config.bindPassword.length === 0) throw new DirectoryConfigError('bindPassword', 'The password of the service account is empty.');

  if (config.caFile.trim().length === 0) {
    throw new DirectoryConfigError('caFile', 'No CA certificate file is configured: the domain controller\'s certificate must be verified.');
  }
  let ca: Buffer;
  try {
    ca = readFileSync(config.caFile);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new DirectoryConfigError('caFile', `The CA certificate file ${config.caFile} cannot be read (${why}).`);
  }
  if (!ca.toString('latin1').includes('-----BEGIN CERTIFICATE-----')) {
    throw new DirectoryConfigError('caFile', `The CA certificate file ${config.caFile} holds no PEM certificate (-----BEGIN CERTIFICATE-----).`);
  }

  if (config.tlsServerName !== undefined && config.tlsServerName.trim().length === 0) {
    throw new DirectoryConfigError('tlsServerName', 'The TLS server name is empty; leave it out to verify against the URL\'s host.');
  }
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 600_000) {
    throw new DirectoryConfigError('timeoutMs', `The directory timeout must be a whole number of milliseconds between 100 and 600000, not ${String(timeoutMs)}.`);
  }
  const pageSize = config.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 0 || pageSize > 100_000) {
    throw new DirectoryConfigError('pageSize', `The page size must be 0 (unpaged) or a whole number up to 100000, not ${String(pageSize)}.`);
  }
  const readConnections = config.readConnections ?? DEFAULT_READ_CONNECTIONS;
  if (!Number.isInteger(readConnections) || readConnections < 1 || readConnections > MAX_READ_CONNECTIONS) {
    throw new DirectoryConfigError('readConnections', `The number of read connections must be a whole number from 1 to ${MAX_READ_CONNECTIONS}, not ${String(readConnections)}.`);
  }
  return {
    url: `${parsed.protocol}//${parsed.hostname}:${port}`,
    transport,
    host,
    port,
    bindDn: config.bindDn,
    ca,
    caFile: config.caFile,
    servername: config.tlsServerName,
    timeoutMs,
    pageSize,
    readConnections,
    baseDn: config.baseDn,
  };
}
