/**
 * Vitest global setup of the `samba` project (never of `unit`): provisions a fresh Samba AD DC with
 * `.ci/samba-up.sh` into a unique directory under the OS temp dir, listening on 127.0.0.1:389 (LDAP +
 * StartTLS) and 127.0.0.1:636 (LDAPS), creates the shared fixture OUs and groups, and provides the connection
 * facts to the tests as `inject('samba')`. The teardown stops Samba by the PID the script recorded and
 * removes the directory.
 *
 * When Samba is not installed the setup fails (it does not skip): install it once with
 * `.ci/samba-up.sh --install-only` as root.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { LdapDirectory } from '../electron/engine/ad/directory';
import { createFixtureTree } from '../electron/engine/ad/ldap-fixture';
import type { FixtureLayout } from '../electron/engine/ad/ldap-fixture';

/** What the Samba tests get from `inject('samba')`. */
export interface SambaTestContext {
  /** `ldaps://127.0.0.1:636` */
  readonly url: string;
  /** `ldap://127.0.0.1:389` (the adapter upgrades it with StartTLS) */
  readonly startTlsUrl: string;
  /** The DC's self-signed CA (`<dir>/dc/private/tls/ca.pem`). */
  readonly caFile: string;
  /** `DC1.test.local`: the certificate's CN (it has no SAN, so 127.0.0.1 alone does not verify). */
  readonly tlsServerName: string;
  /** `CN=Administrator,CN=Users,DC=test,DC=local` */
  readonly bindDn: string;
  /** Random per run; complies with the (enabled) complexity rule. */
  readonly bindPassword: string;
  /** `DC=test,DC=local` */
  readonly baseDn: string;
  /** UPN suffix of the domain: `test.local`. */
  readonly upnSuffix: string;
  /** Shared OUs and groups, created once per run. Tests must not delete them. */
  readonly fixture: FixtureLayout;
  /** Working directory of this DC (removed by the teardown). */
  readonly dir: string;
  /** PID of the samba master process. */
  readonly pid: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    samba: SambaTestContext;
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));
const DIR_PREFIX = 'hrp-samba-';

function sambaInstalled(): boolean {
  const r = spawnSync('sh', ['-c', 'command -v samba && command -v samba-tool'], { stdio: 'ignore' });
  return r.status === 0 && existsSync('/usr/share/samba/setup');
}

function runScript(script: string, env: Readonly<Record<string, string>>): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    // stdin closed, as in CI: the script starts samba with -F, which does not exit on EOF (pitfall 2).
    const child = spawn('bash', [join(root, '.ci', script)], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Working dirs of earlier runs that still have a PID file: named in the error when the ports are taken. */
function leftoverDirs(): string[] {
  try {
    return readdirSync(tmpdir())
      .filter((n) => n.startsWith(DIR_PREFIX))
      .map((n) => join(tmpdir(), n))
      .filter((d) => existsSync(join(d, 'samba.pid')));
  } catch {
    return [];
  }
}

function complexPassword(): string {
  // Upper, lower, digit and symbol are all present, so the policy's complexity rule (left ON) is met.
  return `Hrp-${randomBytes(12).toString('hex')}-Z9`;
}

async function waitForBind(directory: LdapDirectory): Promise<void> {
  // The ports accept before the first bind does (0.4–1.1 s after a start, feasibility timings).
  let last: unknown;
  for (let i = 0; i < 40; i += 1) {
    try {
      await directory.testConnection();
      return;
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw last;
}

/** Starts the DC, creates the fixture tree and provides {@link SambaTestContext}; returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!sambaInstalled()) {
    throw new Error(
      'The samba tests need a local Samba AD DC, but Samba is not installed on this machine. '
      + 'Install it once as root with `.ci/samba-up.sh --install-only` (about 30 s), then run the tests again. '
      + 'Unit tests alone: `npx vitest run --config build/vitest.config.ts --project unit`.',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), DIR_PREFIX));
  const bindPassword = complexPassword();
  const up = await runScript('samba-up.sh', { SAMBA_DIR: dir, ADMIN_PW: bindPassword });
  const pidFile = join(dir, 'samba.pid');
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : NaN;

  // Backstop for an interrupted run: exit handlers are synchronous, so only a signal by the recorded PID.
  const onExit = (): void => {
    if (Number.isInteger(pid) && pid > 0) {
      try { process.kill(pid, 'SIGTERM'); } catch { /* already gone */ }
    }
  };
  let stopped = false;
  const teardown = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    const down = await runScript('samba-down.sh', { SAMBA_DIR: dir });
    if (down.code !== 0) console.error(`samba-down failed:\n${down.output}`);
    rmSync(dir, { recursive: true, force: true });
  };

  if (up.code !== 0) {
    await teardown();
    const others = up.output.includes('already in use') ? leftoverDirs() : [];
    const hint = others.length > 0
      ? `\nAn earlier run seems to have left a DC running; stop it with: ${others.map((d) => `SAMBA_DIR=${d} REMOVE=1 .ci/samba-down.sh`).join(' ; ')}`
      : '';
    throw new Error(`.ci/samba-up.sh failed (exit ${up.code}):\n${up.output.replaceAll(bindPassword, '[redacted]')}${hint}`);
  }
  process.on('exit', onExit);

  try {
    const baseDn = 'DC=test,DC=local';
    const facts = {
      url: 'ldaps://127.0.0.1:636',
      startTlsUrl: 'ldap://127.0.0.1:389',
      caFile: join(dir, 'dc', 'private', 'tls', 'ca.pem'),
      tlsServerName: 'DC1.test.local',
      bindDn: `CN=Administrator,CN=Users,${baseDn}`,
      bindPassword,
      baseDn,
    };
    const directory = new LdapDirectory({ url: facts.url, bindDn: facts.bindDn, bindPassword, caFile: facts.caFile, tlsServerName: facts.tlsServerName });
    try {
      await waitForBind(directory);
    } finally {
      await directory.close();
    }
    const fixture = await createFixtureTree({ url: facts.url, bindDn: facts.bindDn, bindPassword, caFile: facts.caFile, tlsServerName: facts.tlsServerName }, baseDn);
    project.provide('samba', { ...facts, upnSuffix: 'test.local', fixture, dir, pid });
  } catch (e) {
    await teardown();
    throw e;
  }
  return teardown;
}
