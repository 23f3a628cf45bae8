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
