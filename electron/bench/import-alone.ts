/**
 * Section 1 of the bench on its own, for work on the import: the simulator in its process, then `--runs` imports
 * (import-once.ts), each after a bare export client run (export-floor.ts), each in a fresh compiled child process,
 * as `npm run bench` does, without the DC, planning or the rest. Prints each run's wall time and peak RSS.
 *
 *   npx tsx electron/bench/compiled.ts && npx tsx electron/bench/import-alone.ts [--employees 30000] [--runs 3] [--no-floor]
 *
 * Peak RSS does not depend on what else the machine runs; wall time does (compare the ratio to the floor).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { benchConfigJson, VISMA_SECRET_ENV, writeBenchConfig } from './bench-config';
import { compiledBench } from './compiled';
import { exportFloorInChild, importInChild } from './import-bench';
import { startSimulatorChild } from './simulator-child';
import { seconds } from './stats';

const { values: args } = parseArgs({
  options: {
    employees: { type: 'string', default: '30000' },
    runs: { type: 'string', default: '3' },
    'as-of': { type: 'string', default: '2026-11-27' },
    'no-floor': { type: 'boolean', default: false },
  },
  strict: true,
});
const asOf = args['as-of'];
const credentials = { clientId: 'bench-client', clientSecret: `bench-${randomBytes(12).toString('hex')}`, tenantId: 'bench-tenant' };
const env: NodeJS.ProcessEnv = { ...process.env, [VISMA_SECRET_ENV]: credentials.clientSecret };
const workDir = mkdtempSync(path.join(os.tmpdir(), 'hrp-import-alone-'));
let childPid: number | undefined;
const onPid = (pid: number | undefined): void => { childPid = pid; };
const simulator = await startSimulatorChild({ employees: Number(args.employees), asOf, credentials, onPid: () => undefined });
process.once('SIGINT', () => {
  for (const pid of [childPid, simulator.pid]) {
    try { if (pid !== undefined) process.kill(pid, 'SIGTERM'); } catch { /* already gone */ }
  }
  rmSync(workDir, { recursive: true, force: true });
  process.exit(130);
});
try {
  const compiled = compiledBench();
  const configFile = path.join(workDir, 'config-import.json');
  await writeBenchConfig(configFile, benchConfigJson({ simulator, credentials, dataDir: path.join(workDir, 'data') }));
  for (let run = 1; run <= Number(args.runs); run += 1) {
    if (!args['no-floor']) {
      const floor = await exportFloorInChild(compiled, simulator, credentials, env, onPid);
      process.stdout.write(`floor  ${run}: wall ${seconds(floor.wallMs)}  peak RSS ${floor.maxRssMb.toFixed(0)} MB\n`);
    }
    const r = await importInChild(compiled, configFile, asOf, env, onPid);
    process.stdout.write(`import ${run}: wall ${seconds(r.wallMs)}  peak RSS ${r.maxRssMb.toFixed(0)} MB  persons ${r.persons}  findings ${r.findings}  evaluation ${seconds(r.evaluateMs)}\n`);
  }
} finally {
  await simulator.close();
  rmSync(workDir, { recursive: true, force: true });
}
