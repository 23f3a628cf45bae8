import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pruneOlderThan, retentionCutoff } from './retention';

describe('pruneOlderThan', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hrp-retention-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('removes only files of the kind that were last written before the cutoff', async () => {
    const now = new Date('2026-11-30T12:00:00Z');
    const old = new Date('2025-10-01T00:00:00Z');
    for (const name of ['old.json', 'new.json', 'old.key']) await writeFile(path.join(dir, name), '{}');
    await utimes(path.join(dir, 'old.json'), old, old);
    await utimes(path.join(dir, 'old.key'), old, old);
    const removed = await pruneOlderThan(dir, '.json', retentionCutoff(400, now));
    expect(removed).toEqual(['old.json']);
    expect((await readdir(dir)).sort()).toEqual(['new.json', 'old.key']);
    expect(await pruneOlderThan(path.join(dir, 'missing'), '.json', now)).toEqual([]);
  });
});
