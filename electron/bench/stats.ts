/**
 * Small helpers for the benchmark's figures: medians, timers and the fixed formats the report prints.
 */

/** The median of `values` (the mean of the two middle values for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs `fn` and returns its result with the elapsed wall time in milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ readonly value: T; readonly ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

/** Milliseconds as seconds with two decimals: `12.34 s`. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A rate in operations per second with one decimal: `31.2 /s`. */
export function perSecond(count: number, ms: number): string {
  return `${(count / (ms / 1000)).toFixed(1)} /s`;
}

/** `OK` or `MISSED` against a goal, for the summary lines. */
export function verdict(met: boolean): string {
  return met ? 'OK (goal met)' : 'MISSED (goal not met)';
}
