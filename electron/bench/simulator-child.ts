/**
 * The Visma.net simulator in a process of its own, for the bench. In production Visma.net is another
 * machine: serving 30,000 employees' CSV files from the bench's own process would put that work, and the
 * generated workforce in its heap, on the event loop whose preview is being timed.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { VismaCredentials } from './bench-config';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = fileURLToPath(new URL('../simulators/visma-hrm/main.ts', import.meta.url));

/** A simulator running in a child process. */
export interface SimulatorChild {
  readonly baseUrl: string;
  readonly tokenUrl: string;
  readonly pid: number;
  /** Stops the child by its PID (SIGTERM) and waits for it to exit. */
  close(): Promise<void>;
}

/**
 * Starts `simulators/visma-hrm/main.ts` on a free loopback port with a generated workforce of `employees`
 * (seed 1, as of `asOf`, one InProgress poll per export job). The client secret goes by environment, not argv.
 */
export function startSimulatorChild(options: {
  readonly employees: number;
  readonly asOf: string;
  readonly credentials: VismaCredentials;
  readonly onPid: (pid: number | undefined) => void;
}): Promise<SimulatorChild> {
  const { credentials } = options;
  const child: ChildProcess = spawn(process.execPath, [
    '--import', 'tsx', script, '--port', '0', '--employees', String(options.employees), '--seed', '1', '--as-of', options.asOf,
    '--client-id', credentials.clientId, '--tenant-id', credentials.tenantId, '--in-progress-polls', '1',
  ], { cwd: root, env: { ...process.env, HRP_SIMULATOR_CLIENT_SECRET: credentials.clientSecret }, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  options.onPid(pid);
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    options.onPid(undefined);
    resolve();
  }));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  return new Promise((resolve, reject) => {
    if (pid === undefined || child.stdout === null) {
      reject(new Error('the simulator process could not be started'));
      return;
    }
    const lines = createInterface({ input: child.stdout });
    child.once('error', reject);
    void exited.then(() => reject(new Error(`the simulator exited before it listened:\n${stderr.trim()}`)));
    lines.once('line', (line) => {
      try {
        const info = JSON.parse(line) as { baseUrl: string; tokenUrl: string };
        resolve({
          baseUrl: info.baseUrl,
          tokenUrl: info.tokenUrl,
          pid,
          close: async () => {
            try { process.kill(pid, 'SIGTERM'); } catch { /* already gone */ }
            await exited;
          },
        });
      } catch {
        reject(new Error(`the simulator printed ${JSON.stringify(line)} instead of its address`));
      }
    });
  });
}
