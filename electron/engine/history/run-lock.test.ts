import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireRunLock, RunInProgressError } from './run-lock';

describe('acquireRunLock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hrp-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('allows one apply at a time and frees the lock on release', async () => {
    const release = await acquireRunLock(dir);
    expect(await readFile(path.join(dir, 'apply.lock'), 'utf8')).toBe(`${process.pid}\n`);
    await expect(acquireRunLock(dir)).rejects.toThrow(RunInProgressError);
    await release();
    const again = await acquireRunLock(dir);
    await again();
  });

  it('refuses while another live process holds it, naming that process', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      await writeFile(path.join(dir, 'apply.lock'), `${other.pid}\n`);
      await expect(acquireRunLock(dir)).rejects.toThrow(`another apply is running (process ${other.pid})`);
    } finally {
      other.kill('SIGTERM');
    }
  });

  it('takes over a lock left by a process that died', async () => {
    const gone = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => gone.once('exit', resolve));
    await writeFile(path.join(dir, 'apply.lock'), `${gone.pid}\n`);
    const release = await acquireRunLock(dir);
    expect(await readFile(path.join(dir, 'apply.lock'), 'utf8')).toBe(`${process.pid}\n`);
    await release();
  });
});
