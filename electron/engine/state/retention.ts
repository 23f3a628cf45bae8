import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Plans and run records hold personal data; they are kept for a retention period (`retentionDays`)
 * and then removed, so the data directory does not grow into an archive nobody asked for.
 */

/** Default retention of plans and run records, in days. */
export const DEFAULT_RETENTION_DAYS = 400;

/** The oldest moment still kept when `days` of retention end at `now`. */
export function retentionCutoff(days: number, now: Date): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

/**
 * Remove the files in `dir` whose name ends with `extension` and that were last written before
 * `cutoff`. A missing directory has nothing to prune. Resolves to the names removed.
 */
export async function pruneOlderThan(dir: string, extension: string, cutoff: Date): Promise<readonly string[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(extension));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info === null || !info.isFile() || info.mtime >= cutoff) continue;
    await rm(file, { force: true });
    removed.push(name);
  }
  return removed;
}
