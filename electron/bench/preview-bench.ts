/**
 * Section 2: a preview of the whole population against a directory that already matches it (nothing to
 * change), end to end through `Provisioner.preview`, with its parts, and beside it the raw floor: a bare
 * ldapts search of the same entries with the same attributes, paged as the product pages, and the same preview
 * as a one-shot CLI run, the three in turns (floor, preview, CLI, floor, ...).
 */
import path from 'node:path';
import type { Client } from 'ldapts';
import { Provisioner } from '../app/provisioner';
import type { ProgressEvent } from '../app/provisioner';
import type { AppConfig } from '../app/config';
import { ACCOUNT_ATTRIBUTES, LdapDirectory, USER_FILTER } from '../engine/ad/directory';
import { DEFAULT_PAGE_SIZE } from '../engine/ad/directory-config';
import { DEFAULT_READ_CONNECTIONS } from '../engine/ad/read-partitions';
import { rdn } from '../engine/ad/dn';
import { addOu, withRawClient } from '../engine/ad/ldap-fixture';
import { toAdAccount } from '../engine/apply/directory-port';
import { accountLabel, type Plan } from '../engine/model/plan';
import { planAd } from '../engine/plan/ad-plan';
import { benchConfigJson, writeBenchConfig } from './bench-config';
import { planInput } from './plan-alone';
import { runCompiledChild } from './compiled';
import type { CompiledBench } from './compiled';
import type { VismaCredentials, VismaEndpoint } from './bench-config';
import { OpTimes, timedDirectory } from './op-timer';
import { cpuLine, cpuSplit, disturbance, watched } from './cpu-watch';
import type { CpuSplit } from './cpu-watch';
import type { AdAccount } from '../engine/model/ad-account';
import type { BenchSamba } from './samba';
import type { DcCacheUse, LoadedDc } from './loaded-dc';
import { median, seconds, timed } from './stats';

/** What section 2 needs from the run. */
export interface SectionContext {
  readonly samba: BenchSamba;
  /** The Visma simulator (in a process of its own, `pid`) holding the generated workforce. */
  readonly simulator: VismaEndpoint & { readonly pid?: number };
  readonly credentials: VismaCredentials;
  /** The bench's temp directory (config files, data dirs). */
  readonly workDir: string;
  readonly asOf: string;
  /** Environment with both secrets set, for the Provisioner. */
  readonly env: NodeJS.ProcessEnv;
  readonly log: (line: string) => void;
  /** Processes whose CPU is the bench's own (itself and the DC), for {@link watched}. */
  readonly cpuRoots: readonly number[];
  /** The compiled CLI and child scripts. */
  readonly compiled: CompiledBench;
  /** Tells the bench's clean-up which child process runs now. */
  readonly onChildPid: (pid: number | undefined) => void;
}

/**
 * One timed preview and its parts, in milliseconds. The preview reads Visma and the directory at the same
 * time, then plans: total = max(Visma branch, directory branch) + planning and saving.
 */
export interface PreviewRun {
  readonly totalMs: number;
  /** Export jobs, downloads and CSV parsing, from the start until the last dataset is in. */
  readonly vismaMs: number;
  /** Connect, bind, root DSE and `readAccounts` of the whole domain, from the start (in parallel). */
  readonly directoryMs: number;
  /** `readAccounts` alone, inside the preview (sharing the event loop with the Visma import). */
  readonly readMs: number;
  /** From the later of the two branches to the end: evaluation (if still running), `planAd`, saving. */
  readonly tailMs: number;
  readonly accountsRead: number;
  readonly actions: number;
  /** Average cores used by other processes meanwhile. */
  readonly foreign: number;
  /** CPU seconds per part (steadier than the wall time on a shared machine). */
  readonly cpu: CpuSplit;
}

/** Everything section 2 reports. */
export interface PreviewFigures {
  readonly persons: number;
  /** Where the loaded DC came from: the cache (`hit`), loaded now (`miss`), or loaded with the cache unused. */
  readonly dcCache: DcCacheUse;
  readonly loaded: number;
  readonly loadMs: number;
  readonly managerModifies: number;
  readonly enabledUac: string;
  readonly initialPlanMs: number;
  readonly runs: readonly PreviewRun[];
  readonly firstActions: readonly string[];
  readonly rawPagedMs: readonly number[];
  /** CPU seconds per part of each bare paged search. */
  readonly rawPagedCpu: readonly CpuSplit[];
  readonly rawUnpagedMs: readonly number[];
  readonly rawEntries: number;
  /** `LdapDirectory.readAccounts` of the same entries on its own, outside a preview. */
  readonly adapterMs: readonly number[];
  /** `planAd` alone, on the persons and accounts the preview reads, in milliseconds per run. */
  readonly planAloneMs: readonly number[];
  /** Evaluation of the Visma export alone (normalise, aggregate, evaluate). */
  readonly evaluateAloneMs: number;
  /** The same preview as a one-shot `node electron/dist/cli.mjs preview` in a fresh process, spawn to exit. */
  readonly cliColdMs: readonly number[];
  readonly loadForeign: number;
  readonly floorForeign: number;
}

/** The managed OUs of a section below the domain. */
export function sectionOus(name: string, domainDn: string): { readonly base: string; readonly users: string; readonly disabled: string } {
  const base = `OU=${name},${domainDn}`;
  return { base, users: `OU=Users,${base}`, disabled: `OU=Disabled,${base}` };
}

/** Org-unit id to its OU below the section's Users OU, as an organisation with team OUs maps them. */
export function teamOus(ous: ReturnType<typeof sectionOus>, orgUnitIds: readonly string[]): Record<string, string> {
  return Object.fromEntries(orgUnitIds.map((id) => [id, `${rdn('OU', id)},${ous.users}`]));
}

/** The raw JSON of a section's config against the DC reached by `connection`. */
export function sectionConfigJson(
  ctx: Pick<SectionContext, 'simulator' | 'credentials' | 'workDir'>,
  connection: Pick<BenchSamba['connection'], 'url' | 'bindDn' | 'caFile'>,
  name: string,
  ous: ReturnType<typeof sectionOus>,
  ouByOrgUnit: Readonly<Record<string, string>>,
  allowEmptyDatasets?: readonly string[],
): Record<string, unknown> {
  return benchConfigJson({
    simulator: ctx.simulator,
    credentials: ctx.credentials,
    dataDir: path.join(ctx.workDir, `data-${name}`),
    ...(allowEmptyDatasets ? { allowEmptyDatasets } : {}),
    ad: {
      url: connection.url, bindDn: connection.bindDn, caFile: connection.caFile, tlsServerName: 'DC1.test.local',
      baseDn: ous.base, usersOu: ous.users, disabledOu: ous.disabled, ouByOrgUnit,
    },
  });
}

/**
 * Writes the config of a section whose managed tree is `ous`, creating the OUs (unless `createOus` is false: a
 * DC from the cache has them), and one OU below Users per org unit in `orgUnitIds` (mapped with `ouByOrgUnit`).
 */
export async function sectionConfig(
  ctx: SectionContext,
  name: string,
  ous: ReturnType<typeof sectionOus>,
  orgUnitIds: readonly string[] = [],
  allowEmptyDatasets?: readonly string[],
  options: { readonly createOus?: boolean } = {},
): Promise<AppConfig> {
  const { connection } = ctx.samba;
  const ouByOrgUnit = teamOus(ous, orgUnitIds);
  if (options.createOus ?? true) {
    await withRawClient(connection, async (client) => {
      for (const ou of [ous.base, ous.users, ous.disabled, ...Object.values(ouByOrgUnit)]) await addOu(client, ou);
    });
  }
  const json = sectionConfigJson(ctx, connection, name, ous, ouByOrgUnit, allowEmptyDatasets);
  return writeBenchConfig(path.join(ctx.workDir, `config-${name}.json`), json);
}

/** Describes an action on one line, for warnings. */
export function describeAction(action: Plan['actions'][number]): string {
  const changes = action.changes.map((c) => `${c.attribute}: ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`).join('; ');
  return `${action.target} ${action.action} ${accountLabel(action)} [${changes}] (${action.reasons.join('; ')})`;
}

/** One preview through the application, timed in parts. */
async function timedPreview(ctx: SectionContext, config: AppConfig): Promise<{ readonly run: PreviewRun; readonly plan: Plan }> {
  const times = new OpTimes();
  let vismaDone = 0;
  let read = 0;
  let accountsRead = 0;
  const started = performance.now();
  const onProgress = (event: ProgressEvent): void => {
    const at = performance.now();
    if (event.kind === 'visma' && event.event.phase === 'done') vismaDone = at;
    if (event.kind === 'directory' && event.phase === 'read') {
      read = at;
      accountsRead = event.accounts ?? 0;
    }
  };
  const provisioner = new Provisioner({
    config, env: ctx.env, onProgress,
    openDirectory: (c) => timedDirectory(new LdapDirectory(c), times),
  });
  const split = await cpuSplit({ simulator: ctx.simulator.pid, samba: ctx.samba.pid }, () => watched(ctx.cpuRoots, () => provisioner.preview(ctx.asOf)));
  const w = split.value;
  const end = started + w.ms;
  const readSpan = times.first('directory.readAccounts');
  const close = times.first('directory.close');
  const directoryEnd = close?.end ?? read;
  const run: PreviewRun = {
    totalMs: w.ms,
    vismaMs: vismaDone - started,
    directoryMs: directoryEnd - started,
    readMs: readSpan ? readSpan.end - readSpan.start : 0,
    tailMs: end - Math.max(vismaDone, directoryEnd),
    accountsRead,
    actions: w.value.actions.length,
    foreign: w.foreign,
    cpu: split.cpu,
  };
  return { run, plan: w.value };
}

/**
 * `planAd` alone on the inputs a preview reads (persons from the simulator, accounts from the DC), as the
 * preview calls it, `runs` times; also times the evaluation of the export alone.
 */
async function planAlone(ctx: SectionContext, config: AppConfig, runs: number): Promise<{ readonly planMs: number[]; readonly evaluateMs: number }> {
  const evaluateMarks: number[] = [];
  const provisioner = new Provisioner({
    config, env: ctx.env,
    onProgress: (e) => { if (e.kind === 'visma' && e.event.phase === 'done') evaluateMarks.push(performance.now()); },
  });
  const imported = await timed(() => provisioner.importPersons(ctx.asOf));
  const importEnd = performance.now();
  const evaluateMs = importEnd - Math.max(...evaluateMarks);
  const directory = new LdapDirectory(ctx.samba.connection);
  let accounts: readonly AdAccount[];
  try {
    accounts = (await directory.readAccounts(ctx.samba.domainDn)).map(toAdAccount);
  } finally {
    await directory.close();
  }
  const planMs: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const input = planInput(config, imported.value, accounts, ctx.asOf);
    const t = await timed(async () => planAd(input));
    planMs.push(t.ms);
  }
  return { planMs, evaluateMs };
}

/** `node electron/dist/cli.mjs preview --json` of `configFile`, spawn to exit. */
async function cliPreview(ctx: SectionContext, configFile: string): Promise<{ readonly ms: number; readonly actions: number }> {
  const args = ['preview', '--config', configFile, '--as-of', ctx.asOf, '--json'];
  const run = await runCompiledChild<{ readonly summary?: { readonly total?: number } }>(ctx.compiled.cli, args, ctx.env, ctx.onChildPid);
  return { ms: run.wallMs, actions: run.value.summary?.total ?? -1 };
}

async function rawSearch(client: Client, base: string, paged: boolean): Promise<number> {
  const r = await client.search(base, {
    scope: 'sub', filter: USER_FILTER, attributes: [...ACCOUNT_ATTRIBUTES], explicitBufferAttributes: ['objectGUID'],
    ...(paged ? { paged: { pageSize: DEFAULT_PAGE_SIZE } } : {}),
  });
  return r.searchEntries.length;
}

/** Runs section 2. */
export async function runPreviewSection(
  ctx: SectionContext,
  loaded: LoadedDc,
  options: { readonly previewRuns: number; readonly floorRuns: number },
): Promise<PreviewFigures> {
  const { log } = ctx;
  const { config } = loaded;
  const runs: PreviewRun[] = [];
  let firstActions: string[] = [];
  const rawPagedMs: number[] = [];
  const rawPagedCpu: CpuSplit[] = [];
  const floorForeign: number[] = [];
  let rawEntries = 0;
  // The bare paged search, the preview and the same preview as a one-shot CLI run take turns, as the import and
  // its floor do: the speed of a shared machine drifts by a fifth within minutes, and drift then weighs on all alike.
  const cliColdMs: number[] = [];
  const pagedFloor = async (i: number): Promise<void> => {
    const floor = await watched(ctx.cpuRoots, () => withRawClient(ctx.samba.connection, (client) =>
      cpuSplit({ simulator: ctx.simulator.pid, samba: ctx.samba.pid }, () => timed(() => rawSearch(client, ctx.samba.domainDn, true)))));
    const paged = floor.value.value;
    rawPagedMs.push(paged.ms);
    rawPagedCpu.push(floor.value.cpu);
    floorForeign.push(floor.foreign);
    rawEntries = paged.value;
    log(`  bare paged search ${i + 1}: ${seconds(paged.ms)} (${paged.value} entries); ${cpuLine(floor.value.cpu)}${disturbance(floor.foreign)}`);
  };
  for (let i = 0; i < options.previewRuns; i += 1) {
    await pagedFloor(i);
    const { run, plan: previewPlan } = await timedPreview(ctx, config);
    runs.push(run);
    log(`  preview ${i + 1}: ${seconds(run.totalMs)} (${run.accountsRead} accounts read, ${run.actions} actions); ${cpuLine(run.cpu)}${disturbance(run.foreign)}`);
    if (run.actions > 0 && firstActions.length === 0) {
      firstActions = previewPlan.actions.slice(0, 5).map(describeAction);
      log(`  WARNING: the preview is not empty: ${JSON.stringify(previewPlan.summary)}`);
      for (const line of firstActions) log(`    ${line}`);
    }
    const cold = await cliPreview(ctx, path.join(ctx.workDir, 'config-preview.json'));
    cliColdMs.push(cold.ms);
    log(`  one-shot CLI preview ${i + 1} (compiled JavaScript, a fresh process): ${seconds(cold.ms)} (${cold.actions} actions)`);
  }

  log('raw floor, unpaged: bare ldapts search of the same entries and attributes, for comparison ...');
  const rawUnpagedMs: number[] = [];
  await withRawClient(ctx.samba.connection, async (client) => {
    for (let i = 0; i < options.floorRuns; i += 1) rawUnpagedMs.push((await timed(() => rawSearch(client, ctx.samba.domainDn, false))).ms);
  });
  log(`  ${rawEntries} entries: paged ${DEFAULT_PAGE_SIZE} median ${seconds(median(rawPagedMs))}, unpaged median ${seconds(median(rawUnpagedMs))}`);
  // The adapter alone, outside a preview: tells the adapter's own cost from that of the preview's context.
  const adapterMs: number[] = [];
  const directory = new LdapDirectory(ctx.samba.connection);
  try {
    await directory.testConnection();
    for (let i = 0; i < options.floorRuns; i += 1) adapterMs.push((await timed(() => directory.readAccounts(ctx.samba.domainDn))).ms);
  } finally {
    await directory.close();
  }
  log(`  LdapDirectory.readAccounts alone (paged ${DEFAULT_PAGE_SIZE}, ${DEFAULT_READ_CONNECTIONS} connections): median ${seconds(median(adapterMs))}`);
  log('planAd alone on the same persons and accounts ...');
  const alone = await planAlone(ctx, config, options.floorRuns);
  log(`  planAd median ${seconds(median(alone.planMs))}; evaluation of the export alone ${seconds(alone.evaluateMs)}`);

  const { load } = loaded;
  return {
    persons: load.persons,
    loaded: load.loaded,
    loadMs: load.loadMs,
    managerModifies: load.managerModifies,
    enabledUac: load.enabledUac,
    initialPlanMs: load.initialPlanMs,
    dcCache: loaded.cache,
    runs,
    firstActions,
    rawPagedMs,
    rawPagedCpu,
    rawUnpagedMs,
    rawEntries,
    adapterMs,
    planAloneMs: alone.planMs,
    evaluateAloneMs: alone.evaluateMs,
    cliColdMs,
    loadForeign: load.loadForeign,
    floorForeign: median(floorForeign),
  };
}
