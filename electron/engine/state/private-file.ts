import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Files the product keeps beside the directory (plans, history, ledger, retired names, snapshots) hold
 * personal data: names, birth-date text, titles, DNs. Every one of them is created readable by its owner
 * only, and replaced atomically, so that a crash leaves the old or the new content, never half of one.
 *
 * On Windows the modes are ignored; there the data directory lives under the user's profile, whose ACL
 * already grants only that user (and SYSTEM and Administrators) access.
 */

/** Mode of every directory the product creates under dataDir. */
export const PRIVATE_DIR_MODE = 0o700;
/** Mode of every file the product creates under dataDir. */
export const PRIVATE_FILE_MODE = 0o600;

/** Create `dir` (and its parents) owner-only; an existing directory is tightened to owner-only. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  // mkdir's mode is filtered by the umask and does not touch a directory that already existed.
  if (process.platform !== 'win32') await chmod(dir, PRIVATE_DIR_MODE);
}

/**
 * Write `data` to a new private temp file beside `file`, with an unpredictable name created exclusively
 * (O_EXCL, so a planted symlink is never followed), and fsync it. Resolves to the temp file's path.
 */
async function writeTempBeside(file: string, data: string | Uint8Array): Promise<string> {
  const dir = path.dirname(file);
  await ensurePrivateDir(dir);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(12).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', PRIVATE_FILE_MODE);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  return temp;
}

/**
 * Replace `file` with `data` atomically: written to a private temp file beside it and renamed over the
 * target; then the directory is fsynced so the rename itself survives a crash.
 */
export async function writePrivateFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const temp = await writeTempBeside(file, data);
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDir(path.dirname(file));
}

/**
 * Create `file` holding `data` only if it does not exist yet, in one step: a reader never sees it
 * empty or half-written. The content goes to a private temp file first, which is then hard-linked to
 * the name (link fails when the name exists). Resolves to false when the file already existed.
 */
export async function createPrivateFileExclusive(file: string, data: string | Uint8Array): Promise<boolean> {
  const temp = await writeTempBeside(file, data);
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}

/** fsync a directory (POSIX only: Windows cannot open one for that, and NTFS journals the rename). */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
