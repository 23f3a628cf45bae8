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
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createFixtureTree } from '../electron/engine/ad/ldap-fixture';
import type { FixtureLayout } from '../electron/engine/ad/ldap-fixture';
import { SAMBA_DOMAIN_DN, sambaInstalled, sambaIp, startSambaDc, stopSambaDc } from '../electron/simulators/samba-dc';

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

const DIR_PREFIX = 'hrp-samba-';

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

/** Starts the DC, creates the fixture tree and provides {@link SambaTestContext}; returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!sambaInstalled()) {
    throw new Error(
      'The samba tests need a local Samba AD DC, but Samba is not installed on this machine. '
      + 'Install it once as root with `bash .ci/install-system.sh` (about 30 s), then run the tests again. '
      + 'Unit tests alone: `npm run test:unit`.',
    );
  }
  let dir: string | null = null;
  // Backstop for an interrupted run: exit handlers are synchronous, and stopSambaDc is.
  const onExit = (): void => {
    if (dir) stopSambaDc(dir);
  };
  process.on('exit', onExit);
  const teardown = async (): Promise<void> => {
    process.off('exit', onExit);
    if (dir) stopSambaDc(dir);
    dir = null;
  };
  try {
    const dc = await startSambaDc({ prefix: DIR_PREFIX, onDir: (d) => (dir = d) });
    const fixture = await createFixtureTree(dc.connection, SAMBA_DOMAIN_DN);
    const { url, bindDn, bindPassword, caFile, tlsServerName } = dc.connection;
    project.provide('samba', {
      url, startTlsUrl: `ldap://${sambaIp()}:389`, caFile, tlsServerName, bindDn, bindPassword,
      baseDn: SAMBA_DOMAIN_DN, upnSuffix: 'test.local', fixture, dir: dc.dir, pid: dc.pid,
    });
  } catch (error) {
    await teardown();
    const message = error instanceof Error ? error.message : String(error);
    const others = message.includes('already in use') ? leftoverDirs() : [];
    const hint = others.length > 0
      ? `\nAn earlier run seems to have left a DC running; stop it with: ${others.map((d) => `SAMBA_DIR=${d} REMOVE=1 .ci/samba-down.sh`).join(' ; ')}`
      : '';
    throw new Error(`${message}${hint}`);
  }
  return teardown;
}
