/**
 * The floor of an import: the seven Visma exports read by the barest client that still does the work, alone in
 * its own process (like the import it is compared with). One token; all seven jobs started at once; each polled
 * at once and then every 100 ms; each file downloaded whole and parsed by csv-parse's synchronous API into
 * arrays; no retries, no checks, no evaluation. Prints one JSON line, an {@link ExportFloorResult}.
 *
 *   node electron/dist/bench-export-floor.mjs <baseUrl> <tokenUrl> <clientId> <tenantId>   (secret in HRP_BENCH_VISMA_SECRET)
 *
 * Started by the bench; not a product entry point.
 */
import { parse } from 'csv-parse/sync';
import { DATASETS } from '../engine/visma/datasets';
import type { DatasetSpec } from '../engine/visma/datasets';
import { commandUrl, queryUrl } from '../engine/visma/export-job';
import { tokenScopes } from '../engine/visma/token';
import { VISMA_SECRET_ENV } from './bench-config';

/** What the floor child prints. */
export interface ExportFloorResult {
  readonly wallMs: number;
  readonly maxRssMb: number;
  /** Rows per dataset. */
  readonly rows: Readonly<Record<string, number>>;
}

const POLL_MS = 100;

async function json(response: Response): Promise<Record<string, unknown>> {
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

async function readDataset(baseUrl: string, token: string, spec: DatasetSpec): Promise<number> {
  const auth = { authorization: `Bearer ${token}`, accept: 'application/json' };
  const started = await json(await fetch(commandUrl(baseUrl, spec), {
    method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ callbackAddress: baseUrl }),
  }));
  const jobId = String(started.jobId);
  for (;;) {
    const status = await json(await fetch(queryUrl(baseUrl, spec, jobId), { headers: auth }));
    if (String(status.status).toLowerCase() === 'completed') {
      let rows = 0;
      for (const uri of status[spec.fileUrisField] as string[]) {
        const body = Buffer.from(await (await fetch(new URL(uri, baseUrl))).arrayBuffer());
        rows += (parse(body, { bom: true, skip_empty_lines: true }) as unknown[]).length - 1;
      }
      return rows;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function main(): Promise<void> {
  const [baseUrl, tokenUrl, clientId, tenantId] = process.argv.slice(2);
  const secret = process.env[VISMA_SECRET_ENV];
  if (baseUrl === undefined || tokenUrl === undefined || clientId === undefined || tenantId === undefined || secret === undefined) {
    process.stderr.write(`usage: bench-export-floor.mjs <baseUrl> <tokenUrl> <clientId> <tenantId> (secret in ${VISMA_SECRET_ENV})\n`);
    process.exit(2);
  }
  const started = performance.now();
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, tenant_id: tenantId, scope: tokenScopes(false).join(' ') });
  const token = String((await json(await fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form }))).access_token);
  const counts = await Promise.all(DATASETS.map((spec) => readDataset(baseUrl, token, spec)));
  const result: ExportFloorResult = {
    wallMs: performance.now() - started,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    rows: Object.fromEntries(DATASETS.map((spec, i) => [spec.name, counts[i] ?? 0])),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
