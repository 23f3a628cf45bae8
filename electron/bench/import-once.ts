/**
 * One import, alone in its own process, so that its wall time and peak memory are its own:
 *
 *   node electron/dist/bench-import-once.mjs <config.json> <asOf>   (bundled by compiled.ts)
 *
 * Reads the configuration (secrets from the environment), runs `Provisioner.importPersons(asOf)` and prints
 * one JSON line, an {@link ImportOnceResult}. Started by the bench (section 1); not a product entry point.
 */
import { loadConfig } from '../app/config';
import { Provisioner } from '../app/provisioner';
import type { ProgressEvent } from '../app/provisioner';

/** Time spent on one Visma dataset, in milliseconds since the import started. */
export interface DatasetTiming {
  readonly dataset: string;
  /** Rows downloaded. */
  readonly rows: number;
  /** From the export command until the download starts: command, polls and the client's poll waits. */
  readonly jobMs: number;
  /** Download and CSV parsing. */
  readonly downloadMs: number;
}

/** What the child prints. */
export interface ImportOnceResult {
  /** Wall time of `importPersons`, from call to resolved promise. */
  readonly wallMs: number;
  /** Peak resident set size of the whole child process (the Visma worker thread included), in MiB. */
  readonly maxRssMb: number;
  readonly persons: number;
  /** Contracts kept on the evaluated persons (within the cut-off window). */
  readonly contracts: number;
  /** Rows of the contracts export. */
  readonly contractRows: number;
  readonly findings: number;
  /** From the last dataset downloaded to the resolved promise: normalise, aggregate, evaluate. */
  readonly evaluateMs: number;
  readonly datasets: readonly DatasetTiming[];
}

async function main(): Promise<void> {
  const [configFile, asOf] = process.argv.slice(2);
  if (configFile === undefined || asOf === undefined) {
    process.stderr.write('usage: node electron/dist/bench-import-once.mjs <config.json> <asOf>\n');
    process.exit(2);
  }
  const config = await loadConfig(configFile);
  const started = performance.now();
  const marks = new Map<string, { started: number; downloading: number; done: number; rows: number }>();
  const onProgress = (event: ProgressEvent): void => {
    if (event.kind !== 'visma') return;
    const at = performance.now() - started;
    const mark = marks.get(event.event.dataset) ?? { started: at, downloading: at, done: at, rows: 0 };
    if (event.event.phase === 'downloading') mark.downloading = at;
    if (event.event.phase === 'done') {
      mark.done = at;
      mark.rows = event.event.rows ?? 0;
    }
    marks.set(event.event.dataset, mark);
  };
  const result = await new Provisioner({ config, onProgress }).importPersons(asOf);
  const wallMs = performance.now() - started;
  const lastDone = Math.max(0, ...[...marks.values()].map((m) => m.done));
  const out: ImportOnceResult = {
    wallMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    persons: result.persons.length,
    contracts: result.persons.reduce((n, p) => n + p.contracts.length, 0),
    contractRows: marks.get('contracts')?.rows ?? 0,
    findings: result.findings.length,
    evaluateMs: wallMs - lastDone,
    datasets: [...marks].map(([dataset, m]) => ({ dataset, rows: m.rows, jobMs: m.downloading - m.started, downloadMs: m.done - m.downloading })),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

await main();
