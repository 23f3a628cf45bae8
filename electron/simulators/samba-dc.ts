/**
 * A throwaway Samba AD domain controller for the tests, the demo and the bench: provisioned fresh
 * with `.ci/samba-up.sh` into a directory of its own (realm TEST.LOCAL, 127.0.0.1:389/636 only),
 * reached over LDAPS with full certificate verification, and always stopped by the PID the script
 * recorded, never by name.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LdapDirectory } from '../engine/ad/directory';
import type { DirectoryConnectionConfig } from '../engine/ad/directory';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Loopback address the throwaway DC listens on: `HRP_SAMBA_IP` (any 127.x.y.z, so that two work trees can each
 * run a DC at once), else 127.0.0.1. Refuses anything off loopback.
 */
export function sambaIp(env: NodeJS.ProcessEnv = process.env): string {
  const ip = env.HRP_SAMBA_IP?.trim() || '127.0.0.1';
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip)) throw new SambaUnavailableError(`HRP_SAMBA_IP must be a loopback address (127.x.y.z), not ${ip}`);
  return ip;
}

/** Domain of every throwaway DC. */
export const SAMBA_DOMAIN_DN = 'DC=test,DC=local';

/** A running DC. */
export interface SambaDc {
  /** Working directory; removed by {@link stopSambaDc}. */
  readonly dir: string;
  /** PID of the samba master process. */
  readonly pid: number;
  /** Administrator over LDAPS, certificate verified against the DC's own CA. */
  readonly connection: DirectoryConnectionConfig & { readonly caFile: string; readonly tlsServerName: string };
  /** The last line samba-up.sh printed (provision and start times). */
  readonly startLine: string;
}

/** Why no DC can be had: meant to be shown as it is. */
export class SambaUnavailableError extends Error {
  override readonly name = 'SambaUnavailableError';
}

/** True when the Samba AD DC packages are installed. */
export function sambaInstalled(): boolean {
  const r = spawnSync('sh', ['-c', 'command -v samba && command -v samba-tool'], { stdio: 'ignore' });
  return r.status === 0 && existsSync('/usr/share/samba/setup');
}

function runScript(script: string, env: Readonly<Record<string, string>>, args: readonly string[] = []): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    // stdin closed, as in CI: the script starts samba with -F, which does not exit on EOF.
    const child = spawn('bash', [join(root, '.ci', script), ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function readPid(dir: string): number | null {
  const file = join(dir, 'samba.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * Stop the DC in `dir` by its recorded PID and remove the directory. Synchronous, so it can run
 * from an exit or signal handler; safe to call twice. Returns what samba-down.sh said.
 */
export function stopSambaDc(dir: string): string {
  const said = readPid(dir) !== null ? sambaDown(dir).said : 'samba was not running';
  rmSync(dir, { recursive: true, force: true });
  return said;
}

/** Run samba-down.sh for `dir` (stop by the recorded PID, keep the directory). */
function sambaDown(dir: string): { readonly status: number | null; readonly said: string } {
  const down = spawnSync('bash', [join(root, '.ci', 'samba-down.sh')], { cwd: root, env: { ...process.env, SAMBA_DIR: dir }, encoding: 'utf8' });
  return { status: down.status, said: `${down.stdout}${down.stderr}`.trim() };
}

/**
 * Stop the DC's samba process by its recorded PID and keep its directory (the provisioned domain), so that
 * {@link restartSambaDc} can bring the same domain back. Synchronous: a test can stop the DC from inside a
 * progress callback, between two writes. Returns what samba-down.sh said.
 */
export function stopSambaProcess(dir: string): string {
  const { status, said } = sambaDown(dir);
  if (status !== 0) throw new SambaUnavailableError(`.ci/samba-down.sh failed (exit ${status}): ${said}`);
  return said;
}

/**
 * Start the DC provisioned in `dc.dir` again after {@link stopSambaProcess}: same data, same address and
 * ports, same password. Resolves once an LDAPS bind succeeds; the new PID is in `dir/samba.pid`.
 */
export async function restartSambaDc(dc: { readonly dir: string; readonly connection: DirectoryConnectionConfig }): Promise<number> {
  const up = await runScript('samba-up.sh', { SAMBA_DIR: dc.dir }, ['--start-only']);
  const pid = readPid(dc.dir);
  if (up.code !== 0 || pid === null) throw new SambaUnavailableError(`.ci/samba-up.sh --start-only failed (exit ${up.code}):\n${up.output.trim()}`);
  await waitForBind(dc.connection);
  return pid;
}

async function waitForBind(connection: DirectoryConnectionConfig): Promise<void> {
  // The ports accept a moment before the first bind succeeds (0.4-1.1 s after a start).
  const directory = new LdapDirectory(connection);
  let last: unknown;
  try {
    for (let i = 0; i < 60; i += 1) {
      try {
        await directory.testConnection();
        return;
      } catch (error) {
        last = error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  } finally {
    await directory.close();
  }
  throw last;
}

/** Administrator over LDAPS to the DC in `dir`, verified against that DC's own CA. */
function dcConnection(dir: string, password: string, timeoutMs: number | undefined): SambaDc['connection'] {
  return {
    url: `ldaps://${sambaIp()}:636`,
    bindDn: `CN=Administrator,CN=Users,${SAMBA_DOMAIN_DN}`,
    bindPassword: password,
    caFile: join(dir, 'dc', 'private', 'tls', 'ca.pem'),
    tlsServerName: 'DC1.test.local',
    ...(timeoutMs ? { timeoutMs } : {}),
  };
}

/**
 * Start a DC that is already provisioned in `dir` (a copy of one that {@link startSambaDc} made, its smb.conf
 * pointing at `dir`), whose Administrator password is `password`. Resolves once an LDAPS bind succeeds; on
 * failure it stops what it started and keeps `dir` for the caller to remove.
 */
export async function startProvisionedSambaDc(dir: string, password: string, options: { readonly timeoutMs?: number } = {}): Promise<SambaDc> {
  const up = await runScript('samba-up.sh', { SAMBA_DIR: dir }, ['--start-only']);
  const pid = readPid(dir);
  if (up.code !== 0 || pid === null) {
    if (pid !== null) sambaDown(dir);
    throw new SambaUnavailableError(`.ci/samba-up.sh --start-only failed (exit ${up.code}):\n${up.output.trim()}`);
  }
  const connection = dcConnection(dir, password, options.timeoutMs);
  try {
    await waitForBind(connection);
  } catch (error) {
    sambaDown(dir);
    throw error;
  }
  return { dir, pid, connection, startLine: up.output.trim().split('\n').at(-1) ?? '' };
}

/**
 * Provision and start a fresh DC with a random Administrator password. `onDir` receives the
 * working directory before anything starts, so a caller can stop it from a signal handler while
 * this is still running.
 */
export async function startSambaDc(options: { readonly prefix?: string; readonly timeoutMs?: number; readonly onDir?: (dir: string) => void } = {}): Promise<SambaDc> {
  if (!sambaInstalled()) {
    throw new SambaUnavailableError(
      'Samba is not installed on this machine. Install it once as root with `bash .ci/install-system.sh` (about 30 s).',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), options.prefix ?? 'hrp-samba-'));
  options.onDir?.(dir);
  // Upper, lower, digit and symbol: the domain's complexity rule stays on.
  const password = `Hrp-${randomBytes(12).toString('hex')}-Z9`;
  const up = await runScript('samba-up.sh', { SAMBA_DIR: dir, ADMIN_PW: password });
  const pid = readPid(dir);
  if (up.code !== 0 || pid === null) {
    stopSambaDc(dir);
    throw new SambaUnavailableError(`.ci/samba-up.sh failed (exit ${up.code}):\n${up.output.replaceAll(password, '[redacted]').trim()}`);
  }
  const connection = dcConnection(dir, password, options.timeoutMs);
  try {
    await waitForBind(connection);
  } catch (error) {
    stopSambaDc(dir);
    throw error;
  }
  return { dir, pid, connection, startLine: up.output.trim().split('\n').at(-1) ?? '' };
}
