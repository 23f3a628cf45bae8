import { mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePrivateDir, writePrivateFileAtomic } from './private-file';

describe('private files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'hrp-private-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates directories 0700 and files 0600, and tightens an existing directory', async () => {
    const sub = path.join(dir, 'a', 'b');
    await ensurePrivateDir(path.join(dir, 'a'));
    await writePrivateFileAtomic(path.join(sub, 'f.json'), '{}');
    expect((await stat(path.join(dir, 'a'))).mode & 0o777).toBe(0o700);
    expect((await stat(sub)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(sub, 'f.json'))).mode & 0o777).toBe(0o600);
  });

  it('replaces the content whole and leaves no temp file behind', async () => {
    const file = path.join(dir, 'f.txt');
    await writePrivateFileAtomic(file, 'one');
    await writePrivateFileAtomic(file, 'two');
    expect(await readFile(file, 'utf8')).toBe('two');
    expect(await readdir(dir)).toEqual(['f.txt']);
  });

  it('replaces a symlink planted at the target instead of writing through it', async () => {
    const victim = path.join(dir, 'victim.txt');
    await writeFile(victim, 'keep');
    const file = path.join(dir, 'plan.json');
    await symlink(victim, file);
    await writePrivateFileAtomic(file, 'plan');
    expect(await readFile(victim, 'utf8')).toBe('keep');
    expect(await readFile(file, 'utf8')).toBe('plan');
  });
});
