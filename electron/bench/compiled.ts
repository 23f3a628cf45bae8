/**
 * The bench measures the product as it runs: compiled JavaScript, not TypeScript through tsx. Before measuring
 * it builds the product's bundles (build/build-node.mjs: the CLI and the Visma worker) and bundles its own child
 * scripts the same way into electron/dist/bench-*.mjs (git-ignored, never packaged), so that an import child
 * starts the compiled worker beside it, as the CLI does.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The compiled scripts the bench starts. */
export interface CompiledBench {
  /** The product's CLI bundle. */
  readonly cli: string;
  /** One import through the Provisioner (import-once.ts). */
  readonly importOnce: string;
  /** The bare export client (export-floor.ts). */
  readonly exportFloor: string;
}

/** Builds the product's Node bundles and the bench's child scripts; returns their paths. */
export async function buildCompiledBench(): Promise<CompiledBench> {
  const product = spawnSync(process.execPath, ['build/build-node.mjs'], { cwd: root, encoding: 'utf8' });
  if (product.status !== 0) throw new Error(`build/build-node.mjs failed:\n${product.stderr}${product.stdout}`);
  const outdir = `${root}electron/dist`;
  await build({
    absWorkingDir: root, bundle: true, platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning',
    format: 'esm', outdir, outExtension: { '.js': '.mjs' },
    entryPoints: { 'bench-import-once': 'electron/bench/import-once.ts', 'bench-export-floor': 'electron/bench/export-floor.ts' },
  });
  return { cli: `${outdir}/cli.mjs`, importOnce: `${outdir}/bench-import-once.mjs`, exportFloor: `${outdir}/bench-export-floor.mjs` };
}

/** What a compiled child printed last (one JSON line), with its wall time from spawn to exit. */
export interface ChildRun<T> {
  readonly value: T;
  /** From spawn to exit, start-up included. */
  readonly wallMs: number;
}

/**
 * Runs `node script ...args` in `root` and parses the last line it printed as JSON; `onPid` gets the PID (and
 * undefined once it exited) for the bench's clean-up on Ctrl-C.
 */
export function runCompiledChild<T>(script: string, args: readonly string[], env: NodeJS.ProcessEnv, onPid: (pid: number | undefined) => void): Promise<ChildRun<T>> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [script, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    onPid(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      onPid(undefined);
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(new Error(`${script} exited with ${code}:\n${stderr.trim() || stdout.trim().slice(-2000)}`));
        return;
      }
      resolve({ value: JSON.parse(last) as T, wallMs });
    });
  });
}
