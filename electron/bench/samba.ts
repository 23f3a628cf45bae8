/**
 * The bench's throwaway Samba AD DC: the shared launcher of `simulators/samba-dc` (fresh DC under
 * the OS temp dir, LDAP server only, mdb without fsync, stopped by its recorded PID), with a
 * generous operation timeout so a 30,000-entry search or load is never cut off by the bench itself.
 */
import { spawnSync } from 'node:child_process';
import { SAMBA_DOMAIN_DN, startSambaDc } from '../simulators/samba-dc';
import type { SambaDc } from '../simulators/samba-dc';

export { SambaUnavailableError, sambaInstalled, sambaIp, stopSambaDc as stopSamba } from '../simulators/samba-dc';

/** A running bench DC. */
export interface BenchSamba extends SambaDc {
  /** `DC=test,DC=local` */
  readonly domainDn: string;
}

/** `samba --version`, e.g. `Version 4.17.12-Debian`; `unknown` when it cannot be run. */
export function sambaVersion(): string {
  const r = spawnSync('samba', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'unknown';
}

/** Provision and start a fresh DC; `onDir` gets its directory first, for a signal handler. */
export async function startSamba(onDir: (dir: string) => void): Promise<BenchSamba> {
  const dc = await startSambaDc({ prefix: 'hrp-bench-samba-', timeoutMs: 300_000, onDir });
  return { ...dc, domainDn: SAMBA_DOMAIN_DN };
}
