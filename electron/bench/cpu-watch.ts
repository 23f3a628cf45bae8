/**
 * Is the machine ours while we measure? Other people work on this 2-core machine, and one busy process
 * elsewhere halves a figure. This compares the CPU time the whole machine spent (/proc/stat) with what
 * the bench's own process trees spent (itself, its children, the Samba DC), and reports the rest as
 * "foreign" CPU: cores' worth of work by somebody else during a measurement. Linux only; elsewhere it
 * reports nothing.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** A point in time, in clock ticks. */
export interface CpuMark {
  readonly atMs: number;
  /** Busy ticks of the whole machine (all CPUs, without idle and iowait). */
  readonly busy: number;
  /** Ticks of the watched process trees, reaped children included. */
  readonly ours: number;
}

const HZ = ((): number => {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number(r.stdout?.trim());
  return Number.isInteger(n) && n > 0 ? n : 100;
})();

function machineBusy(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return total - (f[3] ?? 0) - (f[4] ?? 0);
}

interface ProcTicks {
  readonly ppid: number;
  readonly ticks: number;
}

function processes(): Map<number, ProcTicks> {
  const out = new Map<number, ProcTicks>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start after the last ')'.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // f[1] = ppid, f[11..14] = utime, stime, cutime, cstime
      const ticks = [11, 12, 13, 14].reduce((n, i) => n + Number(f[i] ?? 0), 0);
      out.set(Number(name), { ppid: Number(f[1]), ticks });
    } catch {
      // The process ended between readdir and read.
    }
  }
  return out;
}

/** Marks now, counting the trees rooted at `roots` (missing roots are skipped) as ours. */
export function cpuMark(roots: readonly number[]): CpuMark | null {
  try {
    const procs = processes();
    const children = new Map<number, number[]>();
    for (const [pid, p] of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), pid]);
    let ours = 0;
    const seen = new Set<number>();
    const stack = roots.filter((r) => procs.has(r));
    while (stack.length > 0) {
      const pid = stack.pop() as number;
      if (seen.has(pid)) continue;
      seen.add(pid);
      ours += procs.get(pid)?.ticks ?? 0;
      stack.push(...(children.get(pid) ?? []));
    }
    return { atMs: performance.now(), busy: machineBusy(), ours };
  } catch {
    return null;
  }
}

/** Average number of cores other processes kept busy between two marks (0 when unknown). */
export function foreignCores(from: CpuMark | null, to: CpuMark | null): number {
  if (from === null || to === null || to.atMs <= from.atMs) return 0;
  const foreignTicks = Math.max(0, (to.busy - from.busy) - (to.ours - from.ours));
  return foreignTicks / HZ / ((to.atMs - from.atMs) / 1000);
}

/** Above this average, a figure is flagged as disturbed. */
export const FOREIGN_CPU_LIMIT = 0.2;

/** A timed result with the foreign CPU seen while it ran. */
export interface Watched<T> {
  readonly value: T;
  readonly ms: number;
  /** Average cores used by processes outside `roots` meanwhile; see {@link foreignCores}. */
  readonly foreign: number;
}

/** Runs `fn`, timing it and watching for foreign CPU (the trees at `roots` are ours). */
export async function watched<T>(roots: readonly number[], fn: () => Promise<T>): Promise<Watched<T>> {
  const from = cpuMark(roots);
  const started = performance.now();
  const value = await fn();
  const ms = performance.now() - started;
  return { value, ms, foreign: foreignCores(from, cpuMark(roots)) };
}

/** ` [foreign CPU 0.45 cores: disturbed]` when above the limit, else ''. */
export function disturbance(foreign: number): string {
  return foreign > FOREIGN_CPU_LIMIT ? ` [foreign CPU ${foreign.toFixed(2)} cores: DISTURBED]` : '';
}

/** CPU seconds of the parts of a measurement that are ours; see {@link cpuSplit}. */
export interface CpuSplit {
  /** This process's main thread (the event loop: the directory read's parsing, evaluation, planning). */
  readonly main: number;
  /** This process's other threads, ended ones included: the Visma worker, V8's GC helpers, zlib and fs. */
  readonly threads: number;
  /** The Visma simulator's process tree (in production Visma.net is another machine). */
  readonly simulator: number;
  /** The Samba DC's process tree. */
  readonly samba: number;
}

/** Ticks of one process or thread (`/proc/.../stat`: utime + stime; a process counts its ended threads). */
function ownTicks(statFile: string): number {
  try {
    const stat = readFileSync(statFile, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11] ?? 0) + Number(f[12] ?? 0);
  } catch {
    return 0;
  }
}

/** Ticks of the trees rooted at `root` (the root and every descendant alive now). */
function treeTicks(root: number | undefined): number {
  if (root === undefined) return 0;
  const procs = processes();
  const children = new Map<number, number[]>();
  for (const [pid, p] of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), pid]);
  let ticks = 0;
  const stack = procs.has(root) ? [root] : [];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    ticks += ownTicks(`/proc/${pid}/stat`);
    stack.push(...(children.get(pid) ?? []));
  }
  return ticks;
}

/**
 * Runs `fn` and says where the CPU went meanwhile, per part ({@link CpuSplit}), from /proc on Linux (zeros
 * elsewhere). CPU seconds per process are steadier than wall time on a machine shared with others.
 */
export async function cpuSplit<T>(pids: { readonly simulator: number | undefined; readonly samba: number }, fn: () => Promise<T>): Promise<{ readonly value: T; readonly cpu: CpuSplit }> {
  const mark = (): CpuSplit => {
    const process_ = ownTicks(`/proc/${process.pid}/stat`);
    const main = ownTicks(`/proc/${process.pid}/task/${process.pid}/stat`);
    return { main, threads: process_ - main, simulator: treeTicks(pids.simulator), samba: treeTicks(pids.samba) };
  };
  const from = mark();
  const value = await fn();
  const to = mark();
  const part = (key: keyof CpuSplit): number => Math.max(0, to[key] - from[key]) / HZ;
  return { value, cpu: { main: part('main'), threads: part('threads'), simulator: part('simulator'), samba: part('samba') } };
}

/** `cpu s: main 2.10, other threads 1.90, simulator 0.10, samba 3.90` */
export function cpuLine(cpu: CpuSplit): string {
  return `cpu s: main thread ${cpu.main.toFixed(2)}, other threads ${cpu.threads.toFixed(2)}, simulator ${cpu.simulator.toFixed(2)}, samba ${cpu.samba.toFixed(2)}`;
}
