import { DATASETS } from './datasets';
import type { CsvRow, DatasetName, VismaExport } from './datasets';
import { runExportJob } from './export-job';
import { createHttpContext } from './http';
import type { VismaHttpContext } from './http';
import { resolveVismaClientOptions } from './options';
import type { VismaClientOptions, VismaProgressEvent } from './options';
import { VismaTokenProvider } from './token';

/**
 * Read all seven Visma.net HRM exports (reference/visma-api.md 2.1), one after another: Visma
 * runs export jobs one at a time anyway, and a failed read must stop the sync before any write,
 * so the first dataset that fails rejects the whole call.
 *
 * @returns every row of every dataset, files of one export concatenated.
 * @throws VismaExportError naming the dataset, the kind of failure and what the admin should check.
 *   Rejects with `options.signal.reason` when the signal aborts.
 */
export async function fetchVismaExport(options: VismaClientOptions): Promise<VismaExport> {
  return fetchVismaExportWith(createHttpContext(resolveVismaClientOptions(options)));
}

/** {@link fetchVismaExport} with a prepared context (unit tests replace `fetch` and the clock). */
export async function fetchVismaExportWith(ctx: VismaHttpContext): Promise<VismaExport> {
  const tokens = new VismaTokenProvider(ctx);
  const result: Partial<Record<DatasetName, readonly CsvRow[]>> = {};
  for (const spec of DATASETS) {
    ctx.options.signal?.throwIfAborted();
    const started = ctx.now();
    const emit = (event: Omit<VismaProgressEvent, 'dataset' | 'elapsedMs'>): void => {
      try {
        ctx.options.onProgress?.({ dataset: spec.name, elapsedMs: ctx.now() - started, ...event });
      } catch {
        // Progress is advisory: a faulty listener must not fail an import that is going well.
      }
    };
    emit({ phase: 'started' });
    const job = await runExportJob(ctx, tokens, spec, (phase, details) => emit({ phase, ...details }));
    emit({ phase: 'done', rows: job.rows.length, files: job.files, jobId: job.jobId });
    result[spec.name] = job.rows;
  }
  return result as VismaExport;
}
