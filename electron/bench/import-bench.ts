/**
 * Section 1: the import of a large HR export, in a child process per run so that wall time and peak
 * memory are the import's own (the simulator serving the CSV files stays in the parent).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ImportOnceResult } from './import-once';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = fileURLToPath(new URL('./import-once.ts', import.meta.url));

/** Runs one import in a fresh Node process (tsx as loader) and returns what it printed. */
export function importInChild(configFile: string, asOf: string, env: NodeJS.ProcessEnv, onPid: (pid: number | undefined) => void): Promise<ImportOnceResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, configFile, asOf], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    onPid(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => {
      onPid(undefined);
      const line = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`the import child exited with ${code}:\n${stderr.trim() || stdout.trim()}`));
        return;
      }
      resolve(JSON.parse(line) as ImportOnceResult);
    });
  });
}
