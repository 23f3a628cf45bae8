import { ensurePrivateDir } from '../engine/state/private-file';
import { ConfigError } from './config';

/**
 * The data directory holds plans, history and keys. When it cannot be made or written, say so in a
 * sentence that names the setting, instead of letting `EACCES … apply.lock` surface later.
 */

const WHY: Readonly<Record<string, string>> = {
  EACCES: 'this user may not write there',
  EPERM: 'this user may not write there',
  EROFS: 'it is on a read-only file system',
  ENOTDIR: 'part of the path is a file, not a directory',
  EEXIST: 'a file of that name is in the way',
  ENOSPC: 'the disk is full',
};

/** Create (or tighten) dataDir owner-only; a failure becomes a {@link ConfigError}. */
export async function prepareDataDir(dataDir: string): Promise<void> {
  try {
    await ensurePrivateDir(dataDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const why = WHY[code];
    if (why === undefined) throw error;
    throw new ConfigError(`the data directory ${dataDir} (dataDir) cannot be used: ${why}. Choose a dataDir this user can write, or fix its permissions.`);
  }
}
