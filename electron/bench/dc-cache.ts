/**
 * A cache of the preview section's loaded DC: loading 27,000 accounts into Samba takes about 12 minutes, and
 * the same generated workforce gives the same accounts every run. After a load the bench stops the DC, copies
 * its directory here and starts it again; the next run whose key matches copies it back instead of loading.
 *
 * The key is a hash of what makes the loaded directory what it is: the accounts the loader adds (every spec, in
 * order: DN, attributes, manager, enabled), the OUs, the loader's own version, the Samba version, samba-up.sh
 * (provisioning options), the DC's loopback address (in its smb.conf) and the bench's size and date. A change to
 * the generator, the planner's naming or the section's config changes the specs and so misses the cache.
 *
 * Where: `$HRP_BENCH_DC_CACHE`, else `<OS temp dir>/hrp-bench-dc-cache-<uid>`, a directory of the user's own
 * with mode 0700 (the bench refuses to use one that is not: it holds the throwaway DC's Administrator password,
 * in an owner-only file). At most {@link KEEP_ENTRIES} entries are kept, the oldest removed first.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AccountSpec } from './load-accounts';

/** Bump when loadAccounts (or the OUs it relies on) writes something else for the same specs. */
const LOADER_VERSION = 1;
/** Entries kept; each is a whole DC (a few hundred MB at full size). */
const KEEP_ENTRIES = 2;
const META = 'meta.json';

/** What a cache entry remembers besides the DC's directory. */
export interface CachedDcMeta {
  readonly key: string;
  /** The Administrator password the DC was provisioned with. */
  readonly password: string;
  /** The directory the DC was provisioned in (its smb.conf names it). */
  readonly sourceDir: string;
  readonly storedAt: string;
  /** userAccountControl the loader used for an enabled account. */
  readonly enabledUac: string;
  readonly loaded: number;
  readonly loadMs: number;
  readonly managerModifies: number;
  readonly loadForeign: number;
}

/** What the key is made of (see the file comment). */
export interface DcCacheKeyInput {
  readonly ip: string;
  readonly sambaVersion: string;
  readonly employees: number;
  readonly asOf: string;
  readonly ous: readonly string[];
  readonly specs: readonly AccountSpec[];
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The cache key of a loaded DC: sha256 of its inputs, hex. */
export function dcCacheKey(input: DcCacheKeyInput): string {
  const hash = createHash('sha256');
  const script = readFileSync(path.join(root, '.ci', 'samba-up.sh'));
  hash.update(JSON.stringify({ loader: LOADER_VERSION, ip: input.ip, samba: input.sambaVersion, employees: input.employees, asOf: input.asOf, ous: input.ous }));
  hash.update(createHash('sha256').update(script).digest('hex'));
  for (const s of input.specs) hash.update(`\n${JSON.stringify([s.dn, s.personId, s.attributes, s.manager, s.enabled])}`);
  return hash.digest('hex');
}

/** The cache directory, created owner-only; throws when it exists but is not a 0700 directory of ours. */
export function dcCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const uid = process.getuid?.() ?? 0;
  const dir = env.HRP_BENCH_DC_CACHE?.trim() || path.join(os.tmpdir(), `hrp-bench-dc-cache-${uid}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = lstatSync(dir);
  if (!st.isDirectory() || st.uid !== uid || (st.mode & 0o077) !== 0) {
    throw new Error(`${dir} is not a directory of this user's with mode 0700 (it would hold a DC password): not using it`);
  }
  return dir;
}

/** The entry stored under `key`, if complete. */
export function findCachedDc(cacheRoot: string, key: string): CachedDcMeta | undefined {
  const file = path.join(cacheRoot, key, META);
  if (!existsSync(file)) return undefined;
  const meta = JSON.parse(readFileSync(file, 'utf8')) as CachedDcMeta;
  return meta.key === key ? meta : undefined;
}

/** Copies what is in `from` into the existing directory `to`. */
function copyTree(from: string, to: string): void {
  // cp keeps the sparse LMDB files sparse and the modes as they were; fs.cpSync does neither.
  const r = spawnSync('cp', ['-a', '--sparse=always', `${from}/.`, to], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cp -a ${from} ${to} failed: ${r.stderr.trim()}`);
}

/**
 * Copies the cached DC `meta` into the empty directory `targetDir` and points its smb.conf at it; marks the entry
 * as used (the newest is kept longest). The DC is then started with startProvisionedSambaDc and `meta.password`.
 */
export function restoreCachedDc(cacheRoot: string, meta: CachedDcMeta, targetDir: string): void {
  const entry = path.join(cacheRoot, meta.key);
  copyTree(path.join(entry, 'dc'), targetDir);
  const now = new Date();
  utimesSync(entry, now, now);
  const conf = path.join(targetDir, 'dc', 'etc', 'smb.conf');
  writeFileSync(conf, readFileSync(conf, 'utf8').replaceAll(meta.sourceDir, targetDir), 'utf8');
}

/**
 * Stores the DC in `dcDir` (its samba stopped, so that the database files are at rest) under `meta.key`: copied
 * to a temporary name first and renamed, so that a run that stops half-way leaves no entry that looks whole.
 * Removes the oldest entries beyond {@link KEEP_ENTRIES}.
 */
export function storeCachedDc(cacheRoot: string, dcDir: string, meta: CachedDcMeta): void {
  const tmp = path.join(cacheRoot, `.tmp-${randomBytes(6).toString('hex')}`);
  mkdirSync(path.join(tmp, 'dc'), { recursive: true, mode: 0o700 });
  try {
    copyTree(dcDir, path.join(tmp, 'dc'));
    rmSync(path.join(tmp, 'dc', 'samba.pid'), { force: true });
    writeFileSync(path.join(tmp, META), `${JSON.stringify(meta, null, 2)}\n`, { mode: 0o600 });
    chmodSync(path.join(tmp, META), 0o600);
    rmSync(path.join(cacheRoot, meta.key), { recursive: true, force: true });
    renameSync(tmp, path.join(cacheRoot, meta.key));
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  prune(cacheRoot);
}

function prune(cacheRoot: string): void {
  const names = readdirSync(cacheRoot);
  // Half-stored entries of runs that were stopped while copying.
  for (const name of names.filter((n) => n.startsWith('.tmp-'))) {
    if (Date.now() - statSync(path.join(cacheRoot, name)).mtimeMs > 3_600_000) rmSync(path.join(cacheRoot, name), { recursive: true, force: true });
  }
  const entries = names
    .filter((name) => /^[0-9a-f]{64}$/.test(name))
    .map((name) => ({ name, at: statSync(path.join(cacheRoot, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of entries.slice(KEEP_ENTRIES)) rmSync(path.join(cacheRoot, old.name), { recursive: true, force: true });
}
