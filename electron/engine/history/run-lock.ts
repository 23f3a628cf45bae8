import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * One apply at a time per data directory: the scheduler, the tray's "Sync now" and the CLI may
 * all try at once, and two applies of overlapping plans would race for the same names. The lock
 * is a file holding the owner's PID; a lock whose process is gone (a crash) is taken over.
 */

/** Another apply holds the lock. */
export class RunInProgressError extends Error {
  override readonly name = 'RunInProgressError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the apply lock of `dataDir`; resolves to a function that releases it. */
export async function acquireRunLock(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, 'apply.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return async () => {
        await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
        throw new RunInProgressError(`another apply is running (process ${owner}); wait for it to finish, then preview again`);
      }
      if (owner === process.pid) throw new RunInProgressError('an apply is already running in this process');
      // Left behind by a process that died: take it over.
      await rm(file, { force: true });
    }
  }
  throw new RunInProgressError(`could not take the apply lock ${file}`);
}
