/**
 * Samba's LDAP ports are fixed (389 and 636), and other people run Samba tests on the same machine, each on
 * a loopback address of their own (`HRP_SAMBA_IP`, default 127.0.0.1): the bench must never start its DC on,
 * or talk to a DC at, an address that is not its own.
 */
import net from 'node:net';
import { sambaIp } from '../simulators/samba-dc';

/** The ports the throwaway Samba DC listens on. */
export const SAMBA_PORTS: readonly number[] = [389, 636];

/** True when something accepts TCP connections on the bench DC's address (`HRP_SAMBA_IP`) at `port`. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: sambaIp(), port });
    const done = (inUse: boolean): void => {
      socket.destroy();
      resolve(inUse);
    };
    socket.setTimeout(2000, () => done(true));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The Samba ports that are taken right now. */
export async function takenSambaPorts(): Promise<readonly number[]> {
  const taken: number[] = [];
  for (const port of SAMBA_PORTS) if (await portInUse(port)) taken.push(port);
  return taken;
}

/**
 * Waits until no Samba port is taken, polling every `pollMs`, for at most `timeoutMs`. Returns the ports
 * still taken when it gave up (empty when they are free).
 */
export async function waitForSambaPorts(options: {
  readonly timeoutMs: number;
  readonly pollMs: number;
  readonly log: (line: string) => void;
}): Promise<readonly number[]> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const taken = await takenSambaPorts();
    if (taken.length === 0 || Date.now() >= deadline) return taken;
    const left = Math.ceil((deadline - Date.now()) / 1000);
    options.log(`waiting: ${sambaIp()}:${taken.join(', :')} in use (another Samba DC); next check in ${options.pollMs / 1000} s, giving up in ${left} s`);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
  }
}
