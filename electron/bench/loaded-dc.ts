/**
 * The DC of sections 2-4: a Samba AD DC whose managed tree already holds every account a plan gives the
 * generated workforce (so that a preview has nothing to change). Loading them takes about 12 minutes at full
 * size; a DC loaded before with the same key comes from the cache (dc-cache.ts) in seconds instead. A miss is
 * the plain path: provision, plan against the empty directory, load with raw adds; then the DC is stored.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppConfig } from '../app/config';
import { parseConfig } from '../app/config';
import { Provisioner } from '../app/provisioner';
import type { ImportResult } from '../app/provisioner';
import { LdapDirectory } from '../engine/ad/directory';
import { withRawClient } from '../engine/ad/ldap-fixture';
import { toAdAccount } from '../engine/apply/directory-port';
import type { Plan } from '../engine/model/plan';
import { planAd } from '../engine/plan/ad-plan';
import { restartSambaDc, SAMBA_DOMAIN_DN, startProvisionedSambaDc, stopSambaProcess } from '../simulators/samba-dc';
import { disturbance, watched } from './cpu-watch';
import { dcCacheKey, dcCacheRoot, findCachedDc, restoreCachedDc, storeCachedDc } from './dc-cache';
import type { CachedDcMeta } from './dc-cache';
import { accountsFromPlan, loadAccounts } from './load-accounts';
import type { AccountSpec } from './load-accounts';
import { planInput } from './plan-alone';
import { describeAction, sectionConfig, sectionConfigJson, sectionOus, teamOus } from './preview-bench';
import type { SectionContext } from './preview-bench';
import { sambaIp, sambaVersion, startSamba } from './samba';
import type { BenchSamba } from './samba';
import { perSecond, seconds, timed } from './stats';

/** `hit`: copied from the cache; `miss`: loaded now and stored; `unused`: loaded now, the cache off or refused. */
export type DcCacheUse = 'hit' | 'miss' | 'unused';

/** How the preview section's accounts got into the DC. */
export interface LoadFigures {
  readonly persons: number;
  readonly loaded: number;
  /** The raw load's wall time (on a hit: of the run that stored the DC). */
  readonly loadMs: number;
  readonly managerModifies: number;
  readonly enabledUac: string;
  /** The plan of the accounts to load (against the empty directory, or on a hit against none). */
  readonly initialPlanMs: number;
  readonly loadForeign: number;
}

/** A running DC with the preview section's accounts, and the section's config for it. */
export interface LoadedDc {
  readonly samba: BenchSamba;
  readonly config: AppConfig;
  readonly cache: DcCacheUse;
  readonly load: LoadFigures;
}

/** What {@link loadedDc} needs: the section context without the DC, which it provides. */
export type DcContext = Omit<SectionContext, 'samba' | 'cpuRoots' | 'env'> & {
  /** Environment with the Visma secret; the DC's password is added once there is a DC. */
  readonly env: NodeJS.ProcessEnv;
  /** Processes besides the DC whose CPU is the bench's own. */
  readonly cpuRoots: readonly number[];
  /** Gets the DC's directory before anything starts, for the bench's clean-up. */
  readonly onSambaDir: (dir: string) => void;
  /** The DC's Administrator password goes into the environment under this name. */
  readonly passwordEnv: string;
};

/** Samba refused to start (ports): the caller tells the user. */
type StartDc = (start: () => Promise<BenchSamba>) => Promise<BenchSamba>;

/**
 * A DC with the preview section's accounts loaded: from the cache when `useCache` and the key matches, else
 * provisioned and loaded now (and stored, unless the cache directory cannot be used).
 */
export async function loadedDc(base: DcContext, options: { readonly orgUnitIds: readonly string[]; readonly employees: number; readonly useCache: boolean; readonly startDc: StartDc }): Promise<LoadedDc> {
  const { log } = base;
  const ous = sectionOus('Bench', SAMBA_DOMAIN_DN);
  const ouByOrgUnit = teamOus(ous, options.orgUnitIds);
  const allOus = [ous.base, ous.users, ous.disabled, ...Object.values(ouByOrgUnit)];
  // The plan of the accounts to load needs no DC: the connection here is never used.
  const placeholder = { url: 'ldaps://127.0.0.1:636', bindDn: `CN=Administrator,CN=Users,${SAMBA_DOMAIN_DN}`, caFile: '/nonexistent/ca.pem' };
  const planning = parseConfig(sectionConfigJson(base, placeholder, 'preview', ous, ouByOrgUnit), base.workDir, 'bench preview config');
  log('importing the workforce and planning its accounts against an empty directory (the DC cache key) ...');
  const imported = await new Provisioner({ config: planning, env: base.env }).importPersons(base.asOf);
  const expected = await timed(async () => accountsFromPlan(planAd(planInput(planning, imported, [], base.asOf))).specs);
  const keyOf = (specs: readonly AccountSpec[]): string => dcCacheKey({ ip: sambaIp(), sambaVersion: sambaVersion(), employees: options.employees, asOf: base.asOf, ous: allOus, specs });
  const key = keyOf(expected.value);
  let cacheRoot: string | undefined;
  try {
    cacheRoot = dcCacheRoot();
  } catch (e) {
    log(`  DC cache: not used (${e instanceof Error ? e.message : String(e)})`);
  }
  const hit = cacheRoot !== undefined && options.useCache ? findCachedDc(cacheRoot, key) : undefined;
  if (cacheRoot !== undefined && hit !== undefined) {
    const samba = await options.startDc(() => restoredDc(base, cacheRoot, hit));
    const config = await sectionConfig(sectionContext(base, samba), 'preview', ous, options.orgUnitIds, undefined, { createOus: false });
    log(`  DC cache: HIT ${key.slice(0, 12)} in ${cacheRoot} (stored ${hit.storedAt}): ${hit.loaded} accounts not loaded again; ${samba.startLine}`);
    const load = { persons: imported.persons.length, loaded: hit.loaded, loadMs: hit.loadMs, managerModifies: hit.managerModifies, enabledUac: hit.enabledUac, initialPlanMs: expected.ms, loadForeign: hit.loadForeign };
    return { samba, config, cache: 'hit', load };
  }
  log(`  DC cache: ${options.useCache ? 'MISS' : 'not consulted (--fresh-dc)'} ${key.slice(0, 12)}${cacheRoot ? ` in ${cacheRoot}` : ''}: provisioning and loading a fresh DC`);
  const fresh = await freshLoadedDc(base, { ous, orgUnitIds: options.orgUnitIds, imported, startDc: options.startDc });
  const freshKey = keyOf(fresh.specs);
  if (freshKey !== key) log('  note: the plan against the fresh DC differs from the plan against no accounts; this DC will not be found in the cache');
  if (cacheRoot === undefined) return { ...fresh.dc, cache: 'unused' };
  const stored = await timed(() => storeAndRestart(fresh.dc.samba, cacheRoot, { ...fresh.meta, key: freshKey }));
  const { samba, problem } = stored.value;
  if (problem !== undefined) {
    log(`  DC cache: could not store the DC (${problem}); started again as pid ${samba.pid}`);
    return { ...fresh.dc, samba, cache: 'unused' };
  }
  log(`  DC cache: stored ${freshKey.slice(0, 12)} in ${cacheRoot} in ${seconds(stored.ms)} (DC stopped, copied, started again as pid ${samba.pid})`);
  return { ...fresh.dc, samba, cache: 'miss' };
}

function sectionContext(base: DcContext, samba: BenchSamba): SectionContext {
  return { ...base, samba, cpuRoots: [...base.cpuRoots, samba.pid], env: { ...base.env, [base.passwordEnv]: samba.connection.bindPassword } };
}

/** The cached DC copied into a fresh temp dir and started. */
async function restoredDc(base: DcContext, cacheRoot: string, meta: CachedDcMeta): Promise<BenchSamba> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hrp-bench-samba-'));
  base.onSambaDir(dir);
  restoreCachedDc(cacheRoot, meta, dir);
  const dc = await startProvisionedSambaDc(dir, meta.password, { timeoutMs: 300_000 });
  return { ...dc, domainDn: SAMBA_DOMAIN_DN };
}

/** Stops the DC, stores it under `meta.key`, starts it again: the DC with its new PID, and why storing failed. */
async function storeAndRestart(samba: BenchSamba, cacheRoot: string, meta: CachedDcMeta): Promise<{ readonly samba: BenchSamba; readonly problem?: string }> {
  stopSambaProcess(samba.dir);
  let problem: string | undefined;
  try {
    storeCachedDc(cacheRoot, samba.dir, meta);
  } catch (e) {
    // The DC comes back all the same: the sections after this one need it.
    problem = e instanceof Error ? e.message : String(e);
  }
  const pid = await restartSambaDc(samba);
  return { samba: { ...samba, pid }, ...(problem === undefined ? {} : { problem }) };
}

/** Provisions a DC, plans against it and loads the plan's accounts: the path without a cache. */
async function freshLoadedDc(
  base: DcContext,
  input: { readonly ous: ReturnType<typeof sectionOus>; readonly orgUnitIds: readonly string[]; readonly imported: ImportResult; readonly startDc: StartDc },
): Promise<{ readonly dc: Omit<LoadedDc, 'cache'>; readonly specs: readonly AccountSpec[]; readonly meta: Omit<CachedDcMeta, 'key'> }> {
  const { log } = base;
  log('starting a fresh Samba AD DC (SERVICES=ldap BACKEND=mdb NOSYNC=1) ...');
  const samba = await input.startDc(() => startSamba(base.onSambaDir));
  log(`  ${samba.startLine}`);
  const ctx = sectionContext(base, samba);
  const { ous } = input;
  const config = await sectionConfig(ctx, 'preview', ous, input.orgUnitIds);
  log(`  managed tree ${ous.base}: Users with ${input.orgUnitIds.length} team OUs (ouByOrgUnit), Disabled`);

  log('planning against the empty directory (read + planAd) ...');
  const initial = await timed(() => planNow(ctx, config, input.imported));
  const plan = initial.value;
  const { specs, unexpected } = accountsFromPlan(plan);
  const s = plan.summary.ad;
  log(`  ${input.imported.persons.length} persons -> ${s.create} creates, ${s.enable} enables, ${s.update} updates (manager of a new account), ${plan.summary.total} actions, in ${seconds(initial.ms)}`);
  for (const action of unexpected.slice(0, 5)) log(`  WARNING: action the loader does not replicate: ${describeAction(action)}`);

  // Samba stores an enabled account without a password (512) only as AD does: try it, fall back to 544
  // (PASSWD_NOTREQD), which the planner reads as enabled all the same.
  const enabledUac = await probeEnabledUac(ctx, ous.users);
  if (enabledUac !== '512') log(`  note: Samba refused userAccountControl 512 without a password; enabled accounts are loaded with ${enabledUac}`);

  log(`loading ${specs.length} accounts with raw ldapts adds (8 in flight, 1 connection, no password) ...`);
  const loadStarted = performance.now();
  const loaded = await watched(ctx.cpuRoots, () => withRawClient(samba.connection, (client) => loadAccounts(client, specs, {
    inFlight: 8,
    enabledUac,
    progressEvery: 2500,
    onProgress: (done, total) => {
      const ms = performance.now() - loadStarted;
      const eta = ((total - done) / done) * ms;
      log(`  loaded ${String(done).padStart(6)} / ${total}  ${perSecond(done, ms).padStart(9)}  elapsed ${seconds(ms)}  eta ${seconds(eta)}`);
    },
  })));
  log(`  loaded ${specs.length} accounts in ${seconds(loaded.ms)} (${perSecond(specs.length, loaded.ms)}), ${loaded.value} managers set afterwards by modify${disturbance(loaded.foreign)}`);
  const load: LoadFigures = {
    persons: input.imported.persons.length, loaded: specs.length, loadMs: loaded.ms, managerModifies: loaded.value, enabledUac,
    initialPlanMs: initial.ms, loadForeign: loaded.foreign,
  };
  const meta = {
    password: samba.connection.bindPassword, sourceDir: samba.dir, storedAt: new Date().toISOString(), enabledUac,
    loaded: specs.length, loadMs: loaded.ms, managerModifies: loaded.value, loadForeign: loaded.foreign,
  };
  return { dc: { samba, config, load }, specs, meta };
}

/** The plan the application would make for `imported` against the directory as it is now (as `preview` plans). */
async function planNow(ctx: SectionContext, config: AppConfig, imported: ImportResult): Promise<Plan> {
  const directory = new LdapDirectory(ctx.samba.connection);
  try {
    const accounts = (await directory.readAccounts(ctx.samba.domainDn)).map(toAdAccount);
    return planAd(planInput(config, imported, accounts, ctx.asOf));
  } finally {
    await directory.close();
  }
}

/** Adds and deletes one probe account with userAccountControl 512 and no password; 544 if Samba refuses. */
async function probeEnabledUac(ctx: SectionContext, ou: string): Promise<string> {
  const dn = `CN=UAC probe,${ou}`;
  return withRawClient(ctx.samba.connection, async (client) => {
    try {
      await client.add(dn, { objectClass: ['top', 'person', 'organizationalPerson', 'user'], sAMAccountName: 'bench.uacprobe', userAccountControl: '512' });
    } catch {
      return '544';
    }
    await client.del(dn);
    return '512';
  });
}
