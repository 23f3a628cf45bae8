import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireRunLock, LOCK_FILE, processStartTime, RunInProgressError } from './run-lock';
import type { LockOwner } from './run-lock';

const contender = fileURLToPath(new URL('./run-lock-contender.ts', import.meta.url));

async function owner(dir: string): Promise<LockOwner> {
  return JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')) as LockOwner;
}

function lockOf(pid: number, startedAt: string | null): string {
  return JSON.stringify({ pid, startedAt, host: os.hostname(), acquiredAt: '2026-11-30T10:00:00.000Z', token: 'theirs' });
}

describe('acquireRunLock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hrp-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('allows one apply at a time, writes who holds it owner-only, and frees the lock on release', async () => {
    const release = await acquireRunLock(dir);
    expect(await owner(dir)).toMatchObject({ pid: process.pid, host: os.hostname(), startedAt: await processStartTime(process.pid) });
    if (process.platform !== 'win32') expect((await stat(path.join(dir, LOCK_FILE))).mode & 0o777).toBe(0o600);
    await expect(acquireRunLock(dir)).rejects.toThrow(RunInProgressError);
    await release();
    const again = await acquireRunLock(dir);
    await again();
  });

  it('refuses while another live process holds it, naming that process', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      await writeFile(path.join(dir, LOCK_FILE), lockOf(other.pid!, await processStartTime(other.pid!)));
      await expect(acquireRunLock(dir)).rejects.toThrow(`another apply is running (process ${other.pid} on ${os.hostname()} since 2026-11-30T10:00:00.000Z)`);
    } finally {
      other.kill('SIGTERM');
    }
  });

  it('takes over a lock left by a process that died', async () => {
    const gone = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => gone.once('exit', resolve));
    await writeFile(path.join(dir, LOCK_FILE), lockOf(gone.pid!, '12345'));
    const release = await acquireRunLock(dir);
    expect((await owner(dir)).pid).toBe(process.pid);
    await release();
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose PID now belongs to another process (start time differs)', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      await writeFile(path.join(dir, LOCK_FILE), lockOf(other.pid!, '1'));
      const release = await acquireRunLock(dir);
      expect((await owner(dir)).pid).toBe(process.pid);
      await release();
    } finally {
      other.kill('SIGTERM');
    }
  });

  it('releases only its own lock: a successor\'s lock stays', async () => {
    const release = await acquireRunLock(dir);
    await writeFile(path.join(dir, LOCK_FILE), lockOf(process.pid + 1, null));
    await release();
    expect((await owner(dir)).token).toBe('theirs');
  });

  it('eight applies started at once in separate processes: exactly one holds the lock, the others say who does', async () => {
    const children = Array.from({ length: 8 }, () =>
      spawn(process.execPath, ['--import', 'tsx', contender, dir], { stdio: ['pipe', 'pipe', 'inherit'] }),
    );
    const exited = children.map((child) => new Promise((resolve) => child.once('exit', resolve)));
    const lines = await Promise.all(
      children.map(
        (child) =>
          new Promise<{ result: string; pid: number; message?: string }>((resolve, reject) => {
            let out = '';
            child.stdout.on('data', (d: Buffer) => {
              out += d.toString();
              if (out.includes('\n')) resolve(JSON.parse(out) as { result: string; pid: number });
            });
            child.once('exit', (code) => reject(new Error(`contender exited ${code} without an answer`)));
          }),
      ),
    );
    const holders = lines.filter((line) => line.result === 'held');
    expect(holders).toHaveLength(1);
    const holder = holders[0]!.pid;
    for (const line of lines.filter((l) => l.result === 'refused')) {
      expect(line.message).toContain(`another apply is running (process ${holder} on ${os.hostname()}`);
    }
    expect((await owner(dir)).pid).toBe(holder);
    for (const child of children) child.stdin.end();
    await Promise.all(exited);
    await expect(readFile(path.join(dir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  }, 60_000);
});
