import { randomBytes } from 'node:crypto';
import { link, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { hostname } from 'node:os';
import { createPrivateFileExclusive, ensurePrivateDir } from '../state/private-file';

/**
 * One apply at a time per data directory: the scheduler, the tray's "Sync now" and the CLI may
 * all try at once, and two applies of overlapping plans would race for the same names.
 *
 * The lock file appears with its full content in one step: the owner writes a private temp file and
 * hard-links it to `apply.lock`, which fails when the lock exists (so nobody ever reads an empty or
 * half-written lock). A lock is stale only when its owner is gone: no process with its PID, or one that
 * started at another time (the PID was reused). A stale lock is first renamed aside and checked to be
 * the very lock judged stale before it is removed, so two processes breaking it at once cannot remove a
 * live successor. Release removes the lock only while it is still this holder's own.
 */

/** Another apply holds the lock. */
export class RunInProgressError extends Error {
  override readonly name = 'RunInProgressError';
}

/** Who holds a lock: written into the lock file. */
export interface LockOwner {
  readonly pid: number;
  /** Start time of the process as the OS reports it; null where it cannot be read. */
  readonly startedAt: string | null;
  readonly host: string;
  readonly acquiredAt: string;
  /** Random per acquisition: release compares it, so it never removes a successor's lock. */
  readonly token: string;
}

/** Name of the lock file inside dataDir. */
export const LOCK_FILE = 'apply.lock';

/**
 * Start time of process `pid`, or null when there is no such process. On Linux it is field 22 of
 * /proc/PID/stat (clock ticks since boot); elsewhere only liveness can be checked, and a live PID
 * reads as `'alive'`.
 */
export async function processStartTime(pid: number): Promise<string | null> {
  if (process.platform === 'linux') {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (stat === null) return null;
    // The command name (field 2) is in parentheses and may itself contain spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  }
  try {
    process.kill(pid, 0);
    return 'alive';
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? 'alive' : null;
  }
}

async function ownerIsAlive(owner: LockOwner): Promise<boolean> {
  if (owner.host !== hostname()) return true; // another machine's process cannot be checked: never stale
  const started = await processStartTime(owner.pid);
  if (started === null) return false;
  return owner.startedAt === null || started === 'alive' || started === owner.startedAt;
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.token === 'string' && typeof value.host === 'string') return value as LockOwner;
  } catch {
    // An older lock holding only a PID, or garbage: judged below.
  }
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? { pid, startedAt: null, host: hostname(), acquiredAt: '', token: '' } : null;
}

async function readOwner(file: string): Promise<{ readonly text: string; readonly owner: LockOwner | null } | null> {
  try {
    const text = await readFile(file, 'utf8');
    return { text, owner: parseOwner(text) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Remove the lock judged stale, but only if it is still that lock (see the module comment). */
async function breakStaleLock(file: string, judged: string): Promise<void> {
  const aside = `${file}.${randomBytes(8).toString('hex')}.stale`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else broke it already
    throw error;
  }
  const moved = await readFile(aside, 'utf8');
  // Taken over by a live successor between our read and our rename: put it back.
  if (moved !== judged) await link(aside, file).catch(() => undefined);
  await rm(aside, { force: true });
}

function describeOwner(owner: LockOwner | null): string {
  if (!owner) return 'an unreadable lock';
  const since = owner.acquiredAt ? ` since ${owner.acquiredAt}` : '';
  return `process ${owner.pid} on ${owner.host}${since}`;
}

/** Take the apply lock of `dataDir`; resolves to a function that releases it. */
export async function acquireRunLock(dataDir: string): Promise<() => Promise<void>> {
  await ensurePrivateDir(dataDir);
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    startedAt: await processStartTime(process.pid),
    host: hostname(),
    acquiredAt: new Date().toISOString(),
    token: randomBytes(16).toString('hex'),
  };
  const content = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await createPrivateFileExclusive(file, content)) return () => releaseRunLock(file, me.token);
    const current = await readOwner(file);
    if (current === null) continue; // released meanwhile: try again
    if (current.owner && current.owner.pid === process.pid && current.owner.host === me.host) {
      throw new RunInProgressError(`an apply is already running in this process (${describeOwner(current.owner)})`);
    }
    if (current.owner && (await ownerIsAlive(current.owner))) {
      throw new RunInProgressError(`another apply is running (${describeOwner(current.owner)}); wait for it to finish, then preview again`);
    }
    // Left behind by a process that is gone (or unreadable, as after a crash while an old version wrote it).
    await breakStaleLock(file, current.text);
  }
  throw new RunInProgressError(`could not take the apply lock ${file}: other applies keep taking it`);
}

/** Remove the lock at `file` if it still carries `token`. */
async function releaseRunLock(file: string, token: string): Promise<void> {
  const current = await readOwner(file);
  if (current?.owner?.token === token) await rm(file, { force: true });
}
