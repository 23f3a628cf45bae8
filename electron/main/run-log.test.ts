import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunLog } from './run-log';

let dir: string | null = null;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('RunLog', () => {
  it('tags every line with its run id and never writes a secret', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hrp-log-'));
    const log = new RunLog(dir, () => ['Geheim123!']);
    await log.write('run-1', 'error', 'bind failed for password Geheim123!');
    await log.write(null, 'info', 'started');
    const text = await readFile(path.join(dir, 'hr-provisioner.log'), 'utf8');
    expect(text).toMatch(/ERROR \[run run-1\] bind failed for password \*\*\*/);
    expect(text).toMatch(/INFO \[run -\] started/);
    expect(text).not.toContain('Geheim123!');
  });

  it('rotates at its size limit and keeps a fixed number of old files', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hrp-log-'));
    const log = new RunLog(dir, () => [], 200, 2);
    for (let i = 0; i < 20; i += 1) await log.write(`r${i}`, 'info', 'x'.repeat(60));
    expect((await readdir(dir)).sort()).toEqual(['hr-provisioner.log', 'hr-provisioner.log.1', 'hr-provisioner.log.2']);
  });
});
