import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dcCacheKey, dcCacheRoot, findCachedDc, restoreCachedDc, storeCachedDc } from './dc-cache';
import type { CachedDcMeta, DcCacheKeyInput } from './dc-cache';

const spec = { dn: 'CN=Jan Jansen,OU=Users,DC=test,DC=local', personId: 'p1', attributes: { sAMAccountName: 'jan.jansen' }, manager: null, enabled: true };
const input: DcCacheKeyInput = { ip: '127.0.0.1', sambaVersion: 'Version 4.17.12', employees: 1, asOf: '2026-11-27', ous: ['OU=Users,DC=test,DC=local'], specs: [spec] };

const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hrp-dc-cache-test-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('dcCacheKey', () => {
  it('changes with any account the loader would add, and with the DC address', () => {
    const key = dcCacheKey(input);
    expect(dcCacheKey(input)).toBe(key);
    expect(dcCacheKey({ ...input, specs: [{ ...spec, enabled: false }] })).not.toBe(key);
    expect(dcCacheKey({ ...input, specs: [{ ...spec, attributes: { sAMAccountName: 'jan.jansen2' } }] })).not.toBe(key);
    expect(dcCacheKey({ ...input, ip: '127.0.0.2' })).not.toBe(key);
  });
});

describe('dcCacheRoot', () => {
  it('creates an owner-only directory and refuses one that others can read', () => {
    const root = path.join(tempDir(), 'cache');
    expect(dcCacheRoot({ HRP_BENCH_DC_CACHE: root })).toBe(root);
    expect(statSync(root).mode & 0o777).toBe(0o700);
    chmodSync(root, 0o755);
    expect(() => dcCacheRoot({ HRP_BENCH_DC_CACHE: root })).toThrow(/mode 0700/);
  });
});

describe('storeCachedDc / restoreCachedDc', () => {
  it('stores a DC directory owner-only and restores it with its smb.conf pointing at the new place', () => {
    const root = dcCacheRoot({ HRP_BENCH_DC_CACHE: path.join(tempDir(), 'cache') });
    const source = tempDir();
    mkdirSync(path.join(source, 'dc', 'etc'), { recursive: true });
    writeFileSync(path.join(source, 'dc', 'etc', 'smb.conf'), `private dir = ${source}/dc/private\n`);
    writeFileSync(path.join(source, 'samba.pid'), '123\n');
    const key = dcCacheKey(input);
    const meta: CachedDcMeta = { key, password: 'secret', sourceDir: source, storedAt: 'now', enabledUac: '512', loaded: 1, loadMs: 1, managerModifies: 0, loadForeign: 0 };
    expect(findCachedDc(root, key)).toBeUndefined();
    storeCachedDc(root, source, meta);
    expect(statSync(path.join(root, key, 'meta.json')).mode & 0o777).toBe(0o600);
    const found = findCachedDc(root, key);
    expect(found?.password).toBe('secret');
    const target = tempDir();
    restoreCachedDc(root, found as CachedDcMeta, target);
    expect(readFileSync(path.join(target, 'dc', 'etc', 'smb.conf'), 'utf8')).toBe(`private dir = ${target}/dc/private\n`);
    expect(() => statSync(path.join(target, 'samba.pid'))).toThrow();
  });
});
