import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * A throwaway PKI for the Nedap Ons simulator, made with Debian's `openssl` at test time: Nedap's
 * CA for one environment, the server certificate for 127.0.0.1, and client certificates as
 * PFX files the way Nedap hands them out (one good, one for another environment, one expired,
 * one from a CA Nedap never heard of). EC keys keep it fast.
 */

const run = promisify(execFile);

/** Paths of the generated files, and the password of every PFX. */
export interface TestPki {
  /** PEM of the CA that signs server and client certificates (the client trusts it for the server). */
  readonly caFile: string;
  readonly caPem: string;
  readonly serverKeyPem: string;
  readonly serverCertPem: string;
  /** Valid for the simulator's environment. */
  readonly clientPfx: string;
  /** Signed by the same CA, but for another environment (the real API answers 403). */
  readonly otherEnvironmentPfx: string;
  /** Signed by the same CA, expired yesterday (495). */
  readonly expiredPfx: string;
  /** Signed by a CA the simulator does not trust (495). */
  readonly foreignPfx: string;
  readonly pfxPassword: string;
  /** The environment the good client certificate is for. */
  readonly environment: string;
}

async function openssl(args: readonly string[], cwd: string): Promise<void> {
  await run('openssl', [...args], { cwd });
}

async function ecKey(dir: string, name: string): Promise<string> {
  await openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${name}.key`], dir);
  return `${name}.key`;
}

/** A certificate for `subject`, signed by the CA in `dir` (`ca.pem`/`ca.key`); `days` may be negative (expired). */
async function signed(dir: string, name: string, subject: string, days: number, ca = 'ca', extensions: string[] = []): Promise<void> {
  const key = await ecKey(dir, name);
  await openssl(['req', '-new', '-key', key, '-subj', subject, '-out', `${name}.csr`], dir);
  const ext = path.join(dir, `${name}.ext`);
  await writeFile(ext, extensions.join('\n') + '\n');
  await openssl(
    ['x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-days', String(days), '-sha256', '-out', `${name}.pem`, '-extfile', ext],
    dir,
  );
}

async function selfSignedCa(dir: string, name: string, subject: string): Promise<void> {
  const key = await ecKey(dir, name);
  await openssl(['req', '-x509', '-new', '-key', key, '-subj', subject, '-days', '30', '-sha256', '-out', `${name}.pem`], dir);
}

async function pfx(dir: string, name: string, ca: string, password: string): Promise<string> {
  const file = path.join(dir, `${name}.pfx`);
  await openssl(['pkcs12', '-export', '-inkey', `${name}.key`, '-in', `${name}.pem`, '-certfile', `${ca}.pem`, '-out', file, '-passout', `pass:${password}`], dir);
  return file;
}

/** The CN Nedap gives a connector certificate: `{connector}-{customer}-{environment}`. */
export function clientCommonName(environment: string): string {
  return `hr-provisioner-TE1002-${environment}`;
}

/** Environment named in a client certificate's CN, or null when it follows no known pattern. */
export function environmentOf(commonName: string): string | null {
  const match = /-([a-z]+)$/.exec(commonName);
  return match?.[1] ?? null;
}

/** Make the PKI in `dir` (created if needed). Takes well under a second. */
export async function makeTestPki(dir: string, environment = 'staging'): Promise<TestPki> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const client = ['keyUsage=digitalSignature', 'extendedKeyUsage=clientAuth'];
  await selfSignedCa(dir, 'ca', `/CN=Nedap Ons ${environment} test CA`);
  await selfSignedCa(dir, 'foreign-ca', '/CN=Some other CA');
  await signed(dir, 'server', '/CN=127.0.0.1', 30, 'ca', ['subjectAltName=IP:127.0.0.1,DNS:localhost', 'extendedKeyUsage=serverAuth']);
  await signed(dir, 'client', `/CN=${clientCommonName(environment)}`, 30, 'ca', client);
  await signed(dir, 'other-env', `/CN=${clientCommonName(environment === 'development' ? 'production' : 'development')}`, 30, 'ca', client);
  await signed(dir, 'expired', `/CN=${clientCommonName(environment)}`, -1, 'ca', client);
  await signed(dir, 'foreign', `/CN=${clientCommonName(environment)}`, 30, 'foreign-ca', client);
  const pfxPassword = randomBytes(9).toString('base64url');
  const read = (name: string): Promise<string> => readFile(path.join(dir, name), 'utf8');
  return {
    caFile: path.join(dir, 'ca.pem'),
    caPem: await read('ca.pem'),
    serverKeyPem: await read('server.key'),
    serverCertPem: await read('server.pem'),
    clientPfx: await pfx(dir, 'client', 'ca', pfxPassword),
    otherEnvironmentPfx: await pfx(dir, 'other-env', 'ca', pfxPassword),
    expiredPfx: await pfx(dir, 'expired', 'ca', pfxPassword),
    foreignPfx: await pfx(dir, 'foreign', 'foreign-ca', pfxPassword),
    pfxPassword,
    environment,
  };
}
