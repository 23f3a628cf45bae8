/**
 * `npm run bench`: how HR Provisioner performs at the size of a large care provider, on this machine, each figure
 * beside its floor (the same work done by the barest client) and the ratio. A benchmark, not a test: it prints
 * figures and goals, and fails only when it cannot measure.
 *
 *   HRP_SAMBA_IP=127.0.0.1 npm run bench [-- --wait] [--employees 30000] [--creates 1000] [--import-runs 3] [--as-of 2026-11-27] [--import-only] [--preview-only] [--nedap-users 1000] [--fresh-dc]
 *
 * `--preview-only` runs section 2 alone (for work on the preview; `node --cpu-prof electron/dist/bench.mjs
 * --preview-only` profiles its previews, the Visma worker in a profile of its own).
 *
 * Size: `--employees` / `--creates`, or the environment: BENCH_PERSONS (employee records) and BENCH_SCALE (a
 * factor on both defaults, e.g. 0.02 for a quick check that the bench works). Figures at a small size say
 * nothing about the goals, which are set for 30,000 employees and 1,000 creates.
 *
 * 1. Import of the employee records from the Visma simulator, each run in a compiled child process (wall time,
 *    peak RSS), beside the bare export client (export-floor.ts) in the same way. Goal: <= 2x the floor, < 300 MB.
 *    Planning alone (plan-alone.ts: the persons against the accounts a first plan gives them). Goal: < 1 s.
 * 2. Preview of all persons against a Samba AD DC that already holds their accounts (nothing to change), end to
 *    end and in parts, beside a bare ldapts paged search of the same entries, the two taking turns (three of
 *    each). Goal: <= 1.2x the paged search.
 *    The same preview as a one-shot CLI run from compiled JavaScript. Goal: within 15 % of the warm preview.
 * 3. Apply of the creates against a bare sequential ldapts add loop. Goal: >= 85 % of its rate.
 * 4. Preview with Nedap Ons beside AD against AD alone, nothing to change (nedap-preview-bench.ts). Goal: Nedap
 *    adds < 20 %.
 * 5. Nedap Ons apply of `--nedap-users` (1,000) new users with duties at 20 ms per request against the
 *    4-in-flight floor (nedap-apply-bench.ts). Goal: >= 85 % of the floor.
 *
 * Everything runs compiled: `npm run bench` builds the product, this bench and its child scripts first
 * (compiled.ts) and runs electron/dist/bench.mjs. The Visma simulator
 * runs in a process of its own, as Visma.net is another machine in production. Samba's ports are fixed (389/636)
 * on the bench's own loopback address, HRP_SAMBA_IP (default 127.0.0.1): the bench refuses when they are taken
 * there (`--wait` polls every 5 s for up to 15 min instead), provisions its own DC under the OS temp dir and
 * always stops it by PID. A JSON copy of the figures goes to the OS temp dir; nothing is written to the repository.
 *
 * The DC of sections 2-4, its 27,000 accounts loaded, is kept in a cache outside the repository (dc-cache.ts:
 * `<OS temp dir>/hrp-bench-dc-cache-<uid>`, owner-only, or HRP_BENCH_DC_CACHE) under a key of everything that
 * decides its content; a later run with the same key copies it back in seconds instead of loading it for about
 * 12 minutes, and says so in its log ("DC cache: HIT" / "MISS"). `--fresh-dc` loads a fresh DC all the same.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { generateVismaData } from '../simulators/visma-hrm/generate';
import { AD_PASSWORD_ENV, benchConfigJson, VISMA_SECRET_ENV, writeBenchConfig } from './bench-config';
import type { VismaCredentials } from './bench-config';
import { exportFloorInChild, importInChild } from './import-bench';
import type { ImportOnceResult } from './import-once';
import type { ExportFloorResult } from './export-floor';
import { compiledBench } from './compiled';
import type { CompiledBench } from './compiled';
import { runCompiledChild } from './compiled';
import type { PlanAloneFigures } from './plan-alone';
import { summaryTable } from './summary';
import { runApplySection } from './apply-bench';
import type { ApplyFigures } from './apply-bench';
import { runPreviewSection } from './preview-bench';
import { nedapPreviewReport, runNedapPreviewSection } from './nedap-preview-bench';
import { nedapApplyReport, runNedapApplySection } from './nedap-apply-bench';
import type { PreviewFigures, SectionContext } from './preview-bench';
import { takenSambaPorts, waitForSambaPorts } from './ports';
import { SambaUnavailableError, sambaInstalled, sambaIp, sambaVersion, stopSamba } from './samba';
import { loadedDc } from './loaded-dc';
import type { BenchSamba } from './samba';
import { median, perSecond, seconds, verdict } from './stats';
import { cpuLine, disturbance, watched } from './cpu-watch';
import { startSimulatorChild } from './simulator-child';
import type { SimulatorChild } from './simulator-child';

const { values: args } = parseArgs({
  options: {
    'wait': { type: 'boolean', default: false },
    'employees': { type: 'string' },
    'creates': { type: 'string' },
    'import-runs': { type: 'string', default: '3' },
    'as-of': { type: 'string', default: '2026-11-27' },
    'import-only': { type: 'boolean', default: false },
    'nedap-users': { type: 'string' },
    'fresh-dc': { type: 'boolean', default: false },
    'preview-only': { type: 'boolean', default: false },
  },
  strict: true,
});

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`--${name} must be a positive integer, got "${text}"\n`);
    process.exit(2);
  }
  return n;
}

/** BENCH_SCALE times `full`, at least 1; `full` without it. */
function scaled(full: number): number {
  const scale = process.env.BENCH_SCALE;
  if (scale === undefined || scale === '') return full;
  const factor = Number(scale);
  if (!(factor > 0)) {
    process.stderr.write(`BENCH_SCALE must be a number above 0, got "${scale}"\n`);
    process.exit(2);
  }
  return Math.max(1, Math.round(full * factor));
}

const employees = positive('employees', args.employees ?? process.env.BENCH_PERSONS ?? String(scaled(30_000)));
const creates = positive('creates', args.creates ?? String(scaled(1000)));
const nedapUsers = positive('nedap-users', args['nedap-users'] ?? String(scaled(1000)));
const fullSize = employees === 30_000 && creates === 1000;
const importRuns = positive('import-runs', args['import-runs']);
const previewOnly = args['preview-only'];
if (previewOnly && args['import-only']) {
  process.stderr.write('--preview-only and --import-only exclude each other\n');
  process.exit(2);
}
const asOf = args['as-of'];
const benchStarted = performance.now();

const log = (line: string): void => {
  const t = ((performance.now() - benchStarted) / 1000).toFixed(1).padStart(6);
  process.stdout.write(`[${t}s] ${line}\n`);
};

// ---- clean-up that also runs on Ctrl-C: the Samba DC, the import child and the simulator (each by its PID),
// temp dirs.
let sambaDir: string | undefined;
let childPid: number | undefined;
let simulatorPid: number | undefined;
let workDir: string | undefined;
let simulator: SimulatorChild | undefined;

function cleanUpSync(): void {
  for (const pid of [childPid, simulatorPid]) {
    if (pid === undefined) continue;
    try { process.kill(pid, 'SIGTERM'); } catch { /* already gone */ }
  }
  childPid = undefined;
  simulatorPid = undefined;
  if (sambaDir !== undefined) {
    const dir = sambaDir;
    sambaDir = undefined;
    log(stopSamba(dir));
  }
  if (workDir !== undefined) {
    rmSync(workDir, { recursive: true, force: true });
    workDir = undefined;
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    cleanUpSync();
    process.exit(130);
  });
}

function refusePorts(taken: readonly number[]): never {
  throw new SambaUnavailableError(
    `${sambaIp()}:${taken.join(' and :')} ${taken.length > 1 ? 'are' : 'is'} in use, probably by another Samba DC (someone's tests). `
    + 'The bench needs these fixed ports for its own DC and will not use anyone else\'s. Run it again when they are free, '
    + 'with `npm run bench -- --wait` to wait up to 15 minutes, or with HRP_SAMBA_IP set to a loopback address of your own.',
  );
}

async function ensurePortsFree(): Promise<void> {
  const taken = args.wait
    ? await waitForSambaPorts({ timeoutMs: 15 * 60_000, pollMs: 5000, log })
    : await takenSambaPorts();
  if (taken.length > 0) refusePorts(taken);
}

function machineLines(): string[] {
  const cpus = os.cpus();
  return [
    `machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()}`,
    `node ${process.version}, samba ${sambaInstalled() ? sambaVersion().replace(/^Version\s+/, '') : 'not installed'} on ${sambaIp()} (HRP_SAMBA_IP)`,
  ];
}

/** The org units of the generated workforce, each of which the preview section gives an OU. */
function teamOrgUnits(count: number, on: string): string[] {
  const data = generateVismaData({ seed: 1, employees: count, asOf: on });
  return [...new Set(data.organizationUnits.map((row) => row.orgunitid ?? '').filter((id) => id !== ''))].sort();
}

// ---- section 1 ------------------------------------------------------------------------------------------

/** Foreign CPU per import run (see cpu-watch). */
const foreignImport: number[] = [];

/** The import runs and the floor runs of section 1. */
interface ImportFigures {
  readonly imports: readonly ImportOnceResult[];
  readonly floors: readonly ExportFloorResult[];
}

async function importSection(compiled: CompiledBench, configFile: string, env: NodeJS.ProcessEnv, endpoint: SimulatorChild, credentials: VismaCredentials): Promise<ImportFigures> {
  const imports: ImportOnceResult[] = [];
  const floors: ExportFloorResult[] = [];
  const onPid = (pid: number | undefined): void => { childPid = pid; };
  // Floor and import take turns, so that drift weighs on both alike.
  for (let i = 0; i < importRuns; i += 1) {
    const floor = await exportFloorInChild(compiled, endpoint, credentials, env, onPid);
    floors.push(floor);
    log(`  floor ${i + 1}: bare export client ${seconds(floor.wallMs)}, peak RSS ${floor.maxRssMb.toFixed(0)} MB, ${floor.rows.contracts ?? 0} contract rows`);
    const w = await watched([process.pid], () => importInChild(compiled, configFile, asOf, env, onPid));
    const r = w.value;
    imports.push(r);
    foreignImport.push(w.foreign);
    const slowest = [...r.datasets].sort((a, b) => b.jobMs + b.downloadMs - a.jobMs - a.downloadMs)[0];
    log(`  run ${i + 1}: ${seconds(r.wallMs)}, peak RSS ${r.maxRssMb.toFixed(0)} MB, ${r.persons} persons, ${r.contracts} contracts (${r.contractRows} contract rows), ${r.findings} findings; slowest dataset ${slowest?.dataset ?? '-'}${disturbance(w.foreign)}`);
  }
  return { imports, floors };
}

function importReport(figures: ImportFigures): string[] {
  const results = figures.imports;
  const wall = median(results.map((r) => r.wallMs));
  const rss = median(results.map((r) => r.maxRssMb));
  const floor = median(figures.floors.map((f) => f.wallMs));
  const first = results[0];
  const lines = [
    `1. Import of ${employees} employee records (~${first?.contractRows ?? 0} contract rows), ${results.length} runs in compiled child processes`,
    ...results.map((r, i) => `   run ${i + 1}: wall ${seconds(r.wallMs)}   peak RSS ${r.maxRssMb.toFixed(0)} MB   persons ${r.persons}   contracts ${r.contracts}   findings ${r.findings}${disturbance(foreignImport[i] ?? 0)}`),
    `   floor, bare export client (all jobs at once, polls every 100 ms, whole files parsed by csv-parse/sync): ${figures.floors.map((f) => seconds(f.wallMs)).join(', ')}; peak RSS ${figures.floors.map((f) => f.maxRssMb.toFixed(0)).join(', ')} MB`,
    `   median: wall ${seconds(wall)} = ${ratio(wall, floor)} the floor ${seconds(floor)} (goal <= 2x: ${verdict(wall <= 2 * floor)})   peak RSS ${rss.toFixed(0)} MB (goal < 300 MB: ${verdict(rss < 300)})`,
  ];
  if (first) {
    const jobs = first.datasets.reduce((n, d) => n + d.jobMs, 0);
    const downloads = first.datasets.reduce((n, d) => n + d.downloadMs, 0);
    lines.push(`   parts (run 1, summed over datasets that overlap): export jobs incl. poll waits ${seconds(jobs)}, downloads + CSV parsing ${seconds(downloads)}, evaluation ${seconds(first.evaluateMs)}`);
    lines.push(`   per dataset (run 1): ${first.datasets.map((d) => `${d.dataset} ${d.rows} rows ${seconds(d.jobMs)}+${seconds(d.downloadMs)}`).join(', ')}`);
  }
  return lines;
}

function planAloneReport(p: PlanAloneFigures): string[] {
  const best = median(p.planMs);
  return [
    `1b. Planning alone: planAd of ${p.persons} persons against the ${p.accounts} accounts a first plan gives them (no Visma, no DC), ${p.actions} actions`,
    `   runs ${p.planMs.map(seconds).join(', ')}; median ${seconds(best)} (goal < 1 s: ${verdict(best < 1000)}); CPU time of the same runs ${p.planCpuMs.map(seconds).join(', ')} (steadier on a shared machine; the parallel GC's included)`,
  ];
}

/** `1.23x` */
function ratio(value: number, floor: number): string {
  return `${(value / floor).toFixed(2)}x`;
}

// ---- sections 2 and 3 -----------------------------------------------------------------------------------

function previewReport(p: PreviewFigures): string[] {
  const best = median(p.runs.map((r) => r.totalMs));
  const lines = [
    `2. Preview, ${p.persons} persons against ${p.loaded} existing accounts, nothing to change`,
    `   setup: initial plan ${seconds(p.initialPlanMs)}; ${p.dcCache === 'hit' ? 'DC from the cache (not loaded this run; when stored, its ' : ''}raw load of ${p.loaded} accounts ${seconds(p.loadMs)} (${perSecond(p.loaded, p.loadMs)}, enabled = UAC ${p.enabledUac}, ${p.managerModifies} late manager modifies)${p.dcCache === 'hit' ? ')' : `${disturbance(p.loadForeign)}; DC cache ${p.dcCache}`}`,
    ...p.runs.flatMap((x, i) => [
      `   preview ${i + 1}: ${seconds(x.totalMs)} = max(Visma export ${seconds(x.vismaMs)}, directory connect + read ${x.accountsRead} accounts ${seconds(x.directoryMs)} [readAccounts ${seconds(x.readMs)}]) + evaluate/plan/save ${seconds(x.tailMs)}   actions: ${x.actions}${disturbance(x.foreign)}`,
      `     ${cpuLine(x.cpu)}`,
    ]),
    `   median preview ${seconds(best)} = ${ratio(best, median(p.rawPagedMs))} the bare paged search (goal <= 1.2x: ${verdict(best <= 1.2 * median(p.rawPagedMs))})`,
    `   one-shot CLI preview from compiled JavaScript (node electron/dist/cli.mjs preview, spawn to exit): ${p.cliColdMs.map(seconds).join(', ')}; median ${seconds(median(p.cliColdMs))} = ${ratio(median(p.cliColdMs), best)} the warm preview (goal <= 1.15x: ${verdict(median(p.cliColdMs) <= 1.15 * best)})`,
    `   apart: planAd alone median ${seconds(median(p.planAloneMs))} [${p.planAloneMs.map(seconds).join(', ')}]; evaluation of the export alone ${seconds(p.evaluateAloneMs)}`,
    `   raw floor, bare ldapts search of ${p.rawEntries} user entries, same attributes: paged (1000) median ${seconds(median(p.rawPagedMs))} [${p.rawPagedMs.map(seconds).join(', ')}], unpaged median ${seconds(median(p.rawUnpagedMs))} [${p.rawUnpagedMs.map(seconds).join(', ')}]${disturbance(p.floorForeign)}`,
    ...p.rawPagedCpu.map((cpu, i) => `     paged search ${i + 1}: ${cpuLine(cpu)}`),
    `   LdapDirectory.readAccounts alone (paged 1000, 2 connections, one slice of the names each) median ${seconds(median(p.adapterMs))} [${p.adapterMs.map(seconds).join(', ')}]`,
  ];
  if (p.firstActions.length > 0) lines.push('   WARNING: the preview was not empty; first actions:', ...p.firstActions.map((a) => `     ${a}`));
  return lines;
}

function applyReport(a: ApplyFigures): string[] {
  const pr = a.profile;
  const per = (ms: number, n: number): string => (n > 0 ? `${(ms / n).toFixed(2)} ms each` : '-');
  return [
    `3. Apply of ${a.creates} creates (plan: ${JSON.stringify(a.planSummary)}, preview ${seconds(a.previewMs)})`,
    `   Provisioner.apply: ${seconds(a.applyMs)} = ${perSecond(a.creates, a.applyMs)}   outcomes ${JSON.stringify(a.outcomes)}   status ${a.runStatus}`,
    `   bare ldapts loop, same ${a.rawCount} adds, sequential (half before, half after the apply): ${seconds(a.rawMs)} = ${perSecond(a.rawCount, a.rawMs)} [${a.rawHalvesMs.map(seconds).join(' + ')}]`,
    `   foreign CPU (cores used by other processes): raw ${a.foreign.rawBefore.toFixed(2)}, apply ${a.foreign.apply.toFixed(2)}, raw ${a.foreign.rawAfter.toFixed(2)}`,
    `   apply / bare rate: ${(a.ratio * 100).toFixed(1)} % (goal >= 85 %: ${verdict(a.ratio >= 0.85)})`,
    `   where apply's time went:`,
    `     readAccounts before writing  ${seconds(pr.readAccounts.ms).padStart(9)}  (${pr.readAccounts.count} call)`,
    `     LdapDirectory.addUser         ${seconds(pr.addUser.ms).padStart(9)}  (${pr.addUser.count} calls, ${per(pr.addUser.ms, pr.addUser.count)})`,
    `       of which ldap add           ${seconds(pr.ldapAdd.ms).padStart(9)}  (${per(pr.ldapAdd.ms, pr.ldapAdd.count)}; bare loop ${per(a.rawMs, a.rawCount)})`,
    `       of which objectGUID read    ${seconds(pr.guidReadBack.ms).padStart(9)}  (${pr.guidReadBack.count} searches, ${per(pr.guidReadBack.ms, pr.guidReadBack.count)})`,
    `     journal appendFile            ${seconds(pr.journalAppend.ms).padStart(9)}  (${pr.journalAppend.count} lines, ${per(pr.journalAppend.ms, pr.journalAppend.count)})`,
    `     journal datasync (fsync)      ${seconds(pr.journalSync.ms).padStart(9)}  (${pr.journalSync.count} syncs, ${per(pr.journalSync.ms, pr.journalSync.count)})`,
    `     password generation           ${seconds(pr.passwords.ms).padStart(9)}  (measured apart, ${pr.passwords.count} passwords)`,
    `     everything else               ${seconds(pr.otherMs).padStart(9)}  (history open/close, account index, bookkeeping, event loop)`,
    ...a.warnings.map((w) => `   WARNING: ${w}`),
  ];
}

async function main(): Promise<void> {
  const header = machineLines();
  for (const line of header) log(line);
  log(`bench: ${employees} employee records, as of ${asOf}, ${importRuns} import runs, ${creates} creates${args['import-only'] ? ', import only' : ''}${previewOnly ? ', section 2 (preview) only' : ''}`);
  if (!fullSize) log('NOTE: not the full size (30,000 employees, 1,000 creates): the figures do not speak to the goals');
  if (!args['import-only']) {
    if (!sambaInstalled()) {
      throw new SambaUnavailableError('Samba is not installed on this machine, and parts 2 and 3 need a local Samba AD DC. Install it once as root with `bash .ci/install-system.sh` (about 30 s), or run `npm run bench -- --import-only`.');
    }
    // Refuse before spending a minute on section 1; checked again right before the DC starts.
    if (!args.wait) {
      const taken = await takenSambaPorts();
      if (taken.length > 0) refusePorts(taken);
    }
  }

  const compiled = compiledBench();
  workDir = mkdtempSync(path.join(os.tmpdir(), 'hrp-bench-'));
  const credentials = { clientId: 'bench-client', clientSecret: `bench-${randomBytes(12).toString('hex')}`, tenantId: 'bench-tenant' };
  const env: NodeJS.ProcessEnv = { ...process.env, [VISMA_SECRET_ENV]: credentials.clientSecret };

  log(`generating ${employees} employee records (seed 1) in a simulator process of its own ...`);
  const genStarted = performance.now();
  simulator = await startSimulatorChild({ employees, asOf, credentials, onPid: (pid) => { simulatorPid = pid; } });
  // The same seed here, for the org-unit ids the bench maps to OUs; the data itself is not kept.
  const orgUnitIds = teamOrgUnits(employees, asOf);
  log(`  visma simulator pid ${simulator.pid} on ${simulator.baseUrl} (1 InProgress poll per export job), ready in ${seconds(performance.now() - genStarted)}`);

  const report: string[] = [];
  const results: Record<string, unknown> = { machine: header, asOf, employees };

  let imports: ImportFigures | undefined;
  let planning: PlanAloneFigures | undefined;
  if (!previewOnly) {
    log(`section 1: import, ${importRuns} runs in child processes ...`);
    const importConfig = path.join(workDir, 'config-import.json');
    await writeBenchConfig(importConfig, benchConfigJson({ simulator, credentials, dataDir: path.join(workDir, 'data-import') }));
    imports = await importSection(compiled, importConfig, env, simulator, credentials);
    results.import = imports;
    report.push(...importReport(imports));
    log('planning alone (generated persons, the accounts a first plan gives them) ...');
    planning = (await runCompiledChild<PlanAloneFigures>(compiled.planAlone, ['--persons', String(employees), '--as-of', asOf, '--runs', '3'], env, (pid) => { childPid = pid; })).value;
    log(`  planAd of ${planning.persons} persons against ${planning.accounts} accounts: ${planning.planMs.map(seconds).join(', ')} (${planning.actions} actions)`);
    results.planning = planning;
    report.push(...planAloneReport(planning));
  }
  let preview: PreviewFigures | undefined;
  let apply: ApplyFigures | undefined;

  if (!args['import-only']) {
    await ensurePortsFree();
    const startDc = async (start: () => Promise<BenchSamba>): Promise<BenchSamba> => {
      try {
        return await start();
      } catch (e) {
        if (e instanceof SambaUnavailableError && /already in use/.test(e.message)) refusePorts(await takenSambaPorts());
        throw e;
      }
    };
    log('section 2: the DC with the preview\'s accounts loaded (from the DC cache when its key matches) ...');
    const dc = await loadedDc({
      simulator, credentials, workDir, asOf, log, env, compiled, cpuRoots: [process.pid, simulator.pid], passwordEnv: AD_PASSWORD_ENV,
      onChildPid: (pid) => { childPid = pid; }, onSambaDir: (dir) => { sambaDir = dir; },
    }, { orgUnitIds, employees, useCache: !args['fresh-dc'], startDc });
    const { samba } = dc;
    const ctx: SectionContext = {
      samba, simulator, credentials, workDir, asOf, log, cpuRoots: [process.pid, samba.pid, simulator.pid],
      env: { ...env, [AD_PASSWORD_ENV]: samba.connection.bindPassword },
      compiled, onChildPid: (pid) => { childPid = pid; },
    };
    log('section 2: preview with nothing to change ...');
    preview = await runPreviewSection(ctx, dc, { previewRuns: 3, floorRuns: 2 });
    results.preview = preview;
    report.push(...previewReport(preview));
    if (!previewOnly) {
      log('section 3: apply of creates vs bare ldapts adds ...');
      apply = await runApplySection(ctx, { creates });
      results.apply = apply;
      report.push(...applyReport(apply));
      log('section 4: preview with Nedap Ons beside AD vs AD alone ...');
      const nedapPreview = await runNedapPreviewSection(ctx, { adConfigFile: path.join(workDir, 'config-preview.json'), employees, runs: 3 });
      results.nedapPreview = nedapPreview;
      report.push(...nedapPreviewReport(nedapPreview));
    }
  }
  if (!previewOnly) {
    log(`section 5: Nedap Ons apply of ${nedapUsers} new users at 20 ms per request vs the 4-in-flight floor ...`);
    const nedapApply = await runNedapApplySection({ users: nedapUsers, latencyMs: 20 });
    results.nedapApply = nedapApply;
    report.push(...nedapApplyReport(nedapApply));
  }

  const total = performance.now() - benchStarted;
  results.totalMs = total;
  const file = path.join(os.tmpdir(), `hrp-bench-results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`, 'utf8');
  const table = summaryTable({ employees, creates, imports, planning, preview, apply });
  process.stdout.write(['', '==== HR Provisioner bench ====', ...header, `as of ${asOf}`, ...report, '', ...table, '', `total bench wall time ${seconds(total)}`, `figures as JSON: ${file}`, ''].join('\n'));
}

try {
  await main();
} catch (e) {
  process.exitCode = 1;
  if (e instanceof SambaUnavailableError) process.stderr.write(`\nbench: ${e.message}\n`);
  else process.stderr.write(`\nbench failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
} finally {
  await simulator?.close();
  cleanUpSync();
}
