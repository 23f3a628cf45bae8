/**
 * `npm run bench`: how HR Provisioner performs at the size of a large care provider, on this machine.
 * A benchmark, not a test: it prints figures and goals, and fails only when it cannot measure.
 *
 *   npm run bench [-- --wait] [--employees 30000] [--creates 1000] [--import-runs 3] [--as-of 2026-11-27] [--import-only]
 *
 * 1. Import of `--employees` generated employee records from the Visma simulator (3 runs, each in its own
 *    process: wall time and peak memory). Goal: < 10 s and < 500 MB.
 * 2. Preview of all persons against a Samba AD DC that already holds their accounts (nothing to change),
 *    end to end and in parts, beside a bare ldapts search of the same entries. Goal: < 15 s.
 * 3. Apply of `--creates` creates against a bare sequential ldapts add loop. Goal: >= 80 % of its rate.
 *
 * The Visma simulator runs in a process of its own, as Visma.net is another machine in production.
 * Samba's ports are fixed (127.0.0.1:389/636): the bench refuses when they are taken (`--wait` polls every
 * 5 s for up to 15 min instead), provisions its own DC under the OS temp dir and always stops it by PID.
 * A JSON copy of the figures goes to the OS temp dir; nothing is written to the repository.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { generateVismaData } from '../simulators/visma-hrm/generate';
import { AD_PASSWORD_ENV, benchConfigJson, VISMA_SECRET_ENV, writeBenchConfig } from './bench-config';
import { importInChild } from './import-bench';
import type { ImportOnceResult } from './import-once';
import { runApplySection } from './apply-bench';
import type { ApplyFigures } from './apply-bench';
import { runPreviewSection } from './preview-bench';
import type { PreviewFigures, SectionContext } from './preview-bench';
import { takenSambaPorts, waitForSambaPorts } from './ports';
import { SambaUnavailableError, sambaInstalled, sambaVersion, startSamba, stopSamba } from './samba';
import type { BenchSamba } from './samba';
import { median, perSecond, seconds, verdict } from './stats';
import { disturbance, watched } from './cpu-watch';
import { startSimulatorChild } from './simulator-child';
import type { SimulatorChild } from './simulator-child';

const { values: args } = parseArgs({
  options: {
    'wait': { type: 'boolean', default: false },
    'employees': { type: 'string', default: '30000' },
    'creates': { type: 'string', default: '1000' },
    'import-runs': { type: 'string', default: '3' },
    'as-of': { type: 'string', default: '2026-11-27' },
    'import-only': { type: 'boolean', default: false },
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

const employees = positive('employees', args.employees);
const creates = positive('creates', args.creates);
const importRuns = positive('import-runs', args['import-runs']);
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
    `127.0.0.1:${taken.join(' and :')} ${taken.length > 1 ? 'are' : 'is'} in use, probably by another Samba DC (someone's tests). `
    + 'The bench needs these fixed ports for its own DC and will not use anyone else\'s. Run it again when they are free, '
    + 'or with `npm run bench -- --wait` to wait up to 15 minutes.',
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
    `node ${process.version}, samba ${sambaInstalled() ? sambaVersion().replace(/^Version\s+/, '') : 'not installed'}`,
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

async function importSection(configFile: string, env: NodeJS.ProcessEnv): Promise<ImportOnceResult[]> {
  const results: ImportOnceResult[] = [];
  for (let i = 0; i < importRuns; i += 1) {
    const w = await watched([process.pid], () => importInChild(configFile, asOf, env, (pid) => { childPid = pid; }));
    const r = w.value;
    results.push(r);
    foreignImport.push(w.foreign);
    const slowest = [...r.datasets].sort((a, b) => b.jobMs + b.downloadMs - a.jobMs - a.downloadMs)[0];
    log(`  run ${i + 1}: ${seconds(r.wallMs)}, peak RSS ${r.maxRssMb.toFixed(0)} MB, ${r.persons} persons, ${r.contracts} contracts (${r.contractRows} contract rows), ${r.findings} findings; slowest dataset ${slowest?.dataset ?? '-'}${disturbance(w.foreign)}`);
  }
  return results;
}

function importReport(results: readonly ImportOnceResult[]): string[] {
  const wall = median(results.map((r) => r.wallMs));
  const rss = median(results.map((r) => r.maxRssMb));
  const first = results[0];
  const lines = [
    `1. Import of ${employees} employee records (~${first?.contractRows ?? 0} contract rows), ${results.length} runs in child processes`,
    ...results.map((r, i) => `   run ${i + 1}: wall ${seconds(r.wallMs)}   peak RSS ${r.maxRssMb.toFixed(0)} MB   persons ${r.persons}   contracts ${r.contracts}   findings ${r.findings}${disturbance(foreignImport[i] ?? 0)}`),
    `   median: wall ${seconds(wall)} (goal < 10 s: ${verdict(wall < 10_000)})   peak RSS ${rss.toFixed(0)} MB (goal < 500 MB: ${verdict(rss < 500)})`,
  ];
  if (first) {
    const jobs = first.datasets.reduce((n, d) => n + d.jobMs, 0);
    const downloads = first.datasets.reduce((n, d) => n + d.downloadMs, 0);
    lines.push(`   parts (run 1): export jobs incl. poll waits ${seconds(jobs)}, downloads + CSV parsing ${seconds(downloads)}, evaluation ${seconds(first.evaluateMs)}`);
    lines.push(`   per dataset (run 1): ${first.datasets.map((d) => `${d.dataset} ${d.rows} rows ${seconds(d.jobMs)}+${seconds(d.downloadMs)}`).join(', ')}`);
  }
  return lines;
}

// ---- sections 2 and 3 -----------------------------------------------------------------------------------

function previewReport(p: PreviewFigures): string[] {
  const best = median(p.runs.map((r) => r.totalMs));
  const lines = [
    `2. Preview, ${p.persons} persons against ${p.loaded} existing accounts, nothing to change`,
    `   setup: initial plan ${seconds(p.initialPlanMs)}; raw load of ${p.loaded} accounts ${seconds(p.loadMs)} (${perSecond(p.loaded, p.loadMs)}, enabled = UAC ${p.enabledUac}, ${p.managerModifies} late manager modifies)${disturbance(p.loadForeign)}`,
    ...p.runs.map((x, i) => `   preview ${i + 1}: ${seconds(x.totalMs)} = max(Visma export ${seconds(x.vismaMs)}, directory connect + read ${x.accountsRead} accounts ${seconds(x.directoryMs)} [readAccounts ${seconds(x.readMs)}]) + evaluate/plan/save ${seconds(x.tailMs)}   actions: ${x.actions}${disturbance(x.foreign)}`),
    `   median preview ${seconds(best)} (goal < 15 s: ${verdict(best < 15_000)})`,
    `   apart: planAd alone median ${seconds(median(p.planAloneMs))} [${p.planAloneMs.map(seconds).join(', ')}]; evaluation of the export alone ${seconds(p.evaluateAloneMs)}`,
    `   raw floor, bare ldapts search of ${p.rawEntries} user entries, same attributes: paged (1000) median ${seconds(median(p.rawPagedMs))} [${p.rawPagedMs.map(seconds).join(', ')}], unpaged median ${seconds(median(p.rawUnpagedMs))} [${p.rawUnpagedMs.map(seconds).join(', ')}]${disturbance(p.floorForeign)}`,
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
    `   apply / bare rate: ${(a.ratio * 100).toFixed(1)} % (goal >= 80 %: ${verdict(a.ratio >= 0.8)})`,
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
  log(`bench: ${employees} employee records, as of ${asOf}, ${importRuns} import runs, ${creates} creates${args['import-only'] ? ', import only' : ''}`);
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

  log(`section 1: import, ${importRuns} runs in child processes ...`);
  const importConfig = path.join(workDir, 'config-import.json');
  await writeBenchConfig(importConfig, benchConfigJson({ simulator, credentials, dataDir: path.join(workDir, 'data-import') }));
  const imports = await importSection(importConfig, env);
  results.import = imports;
  report.push(...importReport(imports));

  if (!args['import-only']) {
    await ensurePortsFree();
    log('starting a fresh Samba AD DC (SERVICES=ldap BACKEND=mdb NOSYNC=1) ...');
    let samba: BenchSamba;
    try {
      samba = await startSamba((dir) => { sambaDir = dir; });
    } catch (e) {
      if (e instanceof SambaUnavailableError && /already in use/.test(e.message)) refusePorts(await takenSambaPorts());
      throw e;
    }
    log(`  ${samba.startLine}`);
    const ctx: SectionContext = {
      samba, simulator, credentials, workDir, asOf, log, cpuRoots: [process.pid, samba.pid, simulator.pid],
      env: { ...env, [AD_PASSWORD_ENV]: samba.connection.bindPassword },
    };
    log('section 2: preview with nothing to change ...');
    const preview = await runPreviewSection(ctx, { previewRuns: 3, floorRuns: 2, orgUnitIds });
    results.preview = preview;
    report.push(...previewReport(preview));
    log('section 3: apply of creates vs bare ldapts adds ...');
    const apply = await runApplySection(ctx, { creates });
    results.apply = apply;
    report.push(...applyReport(apply));
  }

  const total = performance.now() - benchStarted;
  results.totalMs = total;
  const file = path.join(os.tmpdir(), `hrp-bench-results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`, 'utf8');
  process.stdout.write(['', '==== HR Provisioner bench ====', ...header, `as of ${asOf}`, ...report, `total bench wall time ${seconds(total)}`, `figures as JSON: ${file}`, ''].join('\n'));
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
